import { describe, expect, it } from 'vitest';

import { detectDelimiter } from './detect-delimiter';

const lines = (...rows: string[]): string => rows.join('\r\n');

describe('detectDelimiter', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ] as const)('finds %j in a %s-separated list', (delimiter, _name) => {
    const text = lines(
      ['Телефон', 'ПІБ', 'Коментар'].join(delimiter),
      ['380931234567', 'Шевченко Тарас Григорович', 'передзвонити'].join(delimiter),
      ['380671112233', 'Іванов Іван', ''].join(delimiter),
      ['380501234567', 'Ковальчук Ірина', 'не турбувати'].join(delimiter),
    );
    expect(detectDelimiter(text)).toEqual({ delimiter, confidence: 0.9 });
  });

  it('does not count commas inside quoted fields', () => {
    const text = lines(
      'Телефон;ПІБ;Коментар',
      '380931234567;"Шевченко, Тарас";"дзвонити після 18:00, не раніше"',
      '380671112233;"Іванов, Іван";"зайнято, ще раз"',
      '380501234567;Ковальчук;ok',
    );
    expect(detectDelimiter(text).delimiter).toBe(';');
  });

  it('reads a comma file whose quoted names hold commas and escaped quotes', () => {
    const text = lines(
      'Phone,Name,Comment',
      '380931234567,"Müller, Jürgen","said ""call back"", twice"',
      '380671112233,"José, Núñez",',
      '380501234567,Françoise,"a;b;c"',
    );
    expect(detectDelimiter(text)).toEqual({ delimiter: ',', confidence: 0.9 });
  });

  it('keeps a line break inside quotes within its record', () => {
    const text = lines('Phone;Comment', '380931234567;"first line', 'second, line"', '380671112233;ok');
    expect(detectDelimiter(text).delimiter).toBe(';');
  });

  it('is not fooled by decimal commas in a semicolon file', () => {
    const text = lines('12,5;380931234567', '7,25;380671112233', '100,0;380501234567', '3,3;380442345678');
    const guess = detectDelimiter(text);
    expect(guess.delimiter).toBe(';');
    expect(guess.confidence).toBeGreaterThan(0.8);
  });

  it('is not fooled by decimal commas under a header without them', () => {
    const text = lines('Сума;Телефон;ПІБ', '12,5;380931234567;Іванов', '7,25;380671112233;Петренко');
    expect(detectDelimiter(text).delimiter).toBe(';');
  });

  it('reports "," with low confidence for a one-column file, like MOR\'s number list', () => {
    const text = lines('380931234567', '380671112233', '380501234567', '380442345678');
    expect(detectDelimiter(text)).toEqual({ delimiter: ',', confidence: 0.1 });
  });

  it('does not split a one-column file on a stray semicolon or comma', () => {
    const text = lines('Телефон', '380931234567', '380671112233;', '380501234567', '+38 (044) 234-56-78, дод. 12', '380442345678');
    expect(detectDelimiter(text)).toEqual({ delimiter: ',', confidence: 0.1 });
  });

  it('looks past a title line above the header', () => {
    const text = lines(
      'Список абонентів на 12.03.2025',
      'Телефон;ПІБ;Коментар',
      '380931234567;Шевченко Тарас;',
      '380671112233;Іванов Іван;',
      '380501234567;Ковальчук Ірина;',
    );
    const guess = detectDelimiter(text);
    expect(guess.delimiter).toBe(';');
    expect(guess.confidence).toBe(0.8);
  });

  it('skips blank lines and handles bare \\n and \\r line ends', () => {
    expect(detectDelimiter('a|b\n\n   \n1|2\n3|4\n').delimiter).toBe('|');
    expect(detectDelimiter('a\tb\r1\t2\r3\t4').delimiter).toBe('\t');
  });

  it('reads only the first 50 records', () => {
    const head = Array.from({ length: 50 }, (_, i) => `38093123${String(i).padStart(4, '0')};Абонент ${i}`);
    const tail = Array.from({ length: 500 }, (_, i) => `38067111${String(i).padStart(4, '0')},a,b`);
    expect(detectDelimiter(lines(...head, ...tail))).toEqual({ delimiter: ';', confidence: 1 });
  });

  it('is less sure when one line is all there is', () => {
    expect(detectDelimiter('Телефон;ПІБ;Коментар')).toEqual({ delimiter: ';', confidence: 0.6 });
  });

  it('is less sure when two delimiters split the file equally well', () => {
    const text = lines('a;b,c', 'd;e,f', 'g;h,i');
    expect(detectDelimiter(text)).toEqual({ delimiter: ';', confidence: 0.48 });
  });

  it('gives "," with low confidence for empty text', () => {
    expect(detectDelimiter('')).toEqual({ delimiter: ',', confidence: 0.1 });
  });
});
