import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { SUPPORTED_ENCODINGS, decodeBytes, detectEncoding, type Encoding } from './detect-encoding';

const UKRAINIAN = [
  'Список абонентів на 12.03.2025',
  'Телефон;ПІБ;Коментар',
  '380931234567;Шевченко Тарас Григорович;передзвонити ввечері',
  '380671112233;Іванов Іван;не бере трубку, спробувати в понеділок',
  '380501234567;Ковальчук Ірина Олексіївна;ввічлива, цікавиться тарифом "Безліміт"',
  '380442345678;Гнатюк Євгенія;зайнято, набрати після 14:00',
].join('\r\n');

const RUSSIAN = [
  'Телефон;ФИО;Комментарий',
  '79161234567;Иванов Иван Петрович;перезвонить вечером',
  '79031112233;Щербаков Фёдор Ильич;не берёт трубку',
  '74951234567;Белоусова Жанна Эдуардовна;просила прислать счёт',
].join('\r\n');

const WESTERN = [
  'Phone;Name;Comment',
  '4930123456;Müller, Jürgen;Rückruf am Montag',
  '34911234567;José Núñez;llamar por la mañana',
  '33123456789;Françoise Lefèvre;préfère l\'après-midi',
  '4989123456;Weiß;Straße größer',
].join('\r\n');

function encode(text: string, encoding: Encoding, addBOM = false): Uint8Array {
  const bytes = iconv.encode(text, encoding, { addBOM });
  // A fixture the code page cannot hold would test a '?' and not the text.
  expect(iconv.decode(bytes, encoding, { stripBOM: true })).toBe(text);
  return bytes;
}

describe('detectEncoding: byte-order marks', () => {
  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)('reads a %s BOM as certain', (encoding) => {
    const guess = detectEncoding(encode(UKRAINIAN, encoding, true));
    expect(guess).toMatchObject({ encoding, bom: true, confidence: 1 });
    expect(guess.reason).toMatchObject({ code: 'byte-order-mark', encoding: guess.encoding });
    expect(guess.reason.text).toContain('byte-order mark');
  });

  it('trusts a UTF-8 BOM even on ASCII-only content', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x33, 0x38, 0x30]))).toMatchObject({ encoding: 'utf-8', bom: true });
  });
});

describe('detectEncoding: UTF-16 without a BOM', () => {
  it.each(['utf-16le', 'utf-16be'] as const)('spots %s from the zero bytes of digits and separators', (encoding) => {
    const guess = detectEncoding(encode(UKRAINIAN, encoding));
    expect(guess.encoding).toBe(encoding);
    expect(guess.bom).toBe(false);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('spots UTF-16 LE on a single Cyrillic line', () => {
    expect(detectEncoding(encode('Іванов Іван;380931234567', 'utf-16le')).encoding).toBe('utf-16le');
  });
});

describe('detectEncoding: UTF-8 and ASCII', () => {
  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    const guess = detectEncoding(encode(UKRAINIAN, 'utf-8'));
    expect(guess).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(guess.confidence).toBeGreaterThan(0.9);
  });

  it('says utf-8 with full confidence for ASCII-only files', () => {
    const guess = detectEncoding(encode('Phone,Name\n380931234567,Ivanov Ivan\n380671112233,Petrenko\n', 'utf-8'));
    expect(guess).toMatchObject({ encoding: 'utf-8', confidence: 1, bom: false });
    expect(guess.reason).toMatchObject({ code: 'ascii-only' });
    expect(guess.reason.text).toContain('only ASCII');
  });

  it('says utf-8 for a one-number file and for an empty file', () => {
    expect(detectEncoding(encode('380931234567', 'utf-8')).encoding).toBe('utf-8');
    expect(detectEncoding(new Uint8Array(0)).encoding).toBe('utf-8');
  });

  it('is less sure of UTF-8 when only one character backs it', () => {
    const one = detectEncoding(encode('380931234567;Ї', 'utf-8'));
    const many = detectEncoding(encode(UKRAINIAN, 'utf-8'));
    expect(one.encoding).toBe('utf-8');
    expect(one.confidence).toBeLessThan(many.confidence);
  });

  it('keeps UTF-8 with a stray Windows-1251 byte as UTF-8, but says so and is less sure', () => {
    const utf8 = encode(RUSSIAN, 'utf-8');
    const stray = iconv.encode(';Ё', 'windows-1251');
    const guess = detectEncoding(new Uint8Array([...utf8, ...stray]));
    expect(guess.encoding).toBe('utf-8');
    expect(guess.confidence).toBeLessThan(0.7);
    expect(guess.reason).toMatchObject({ code: 'mostly-utf8', invalidBytes: 1 });
    expect(guess.reason.text).toContain('1 bytes are not');
  });

  it('does not call UTF-8 invalid because the 64 KiB sample cut a letter in half', () => {
    // One ASCII byte first puts every two-byte letter at an odd offset, so byte 65536 is mid-letter.
    const text = '1' + 'ж'.repeat(40_000);
    expect(detectEncoding(encode(text, 'utf-8')).encoding).toBe('utf-8');
  });
});

describe('detectEncoding: single-byte code pages', () => {
  it.each([
    ['windows-1251', 'Ukrainian', UKRAINIAN],
    ['windows-1251', 'Russian', RUSSIAN],
    ['koi8-u', 'Ukrainian', UKRAINIAN],
    ['koi8-r', 'Russian', RUSSIAN],
    ['cp866', 'Russian', RUSSIAN],
    ['windows-1252', 'Western European', WESTERN],
  ] as const)('reads %s (%s)', (encoding, _language, text) => {
    const guess = detectEncoding(encode(text, encoding));
    expect(guess.encoding).toBe(encoding);
    expect(guess.bom).toBe(false);
    expect(guess.confidence).toBeGreaterThan(0.8);
  });

  it('counts Windows-1251 punctuation («», №, ’) as neither for nor against', () => {
    const text = '№;Телефон;Ім’я\r\n1;380931234567;ТОВ «Ромашка», Дем’яненко Ольга';
    const guess = detectEncoding(encode(text, 'windows-1251'));
    expect(guess.encoding).toBe('windows-1251');
    expect(guess.confidence).toBeGreaterThan(0.8);
  });

  it.each([
    ['windows-1251', 'Телефон;ПІБ;Коментар'],
    ['windows-1251', 'Іванов Іван;380931234567'],
    ['koi8-u', 'Іванов Іван;380931234567'],
    ['koi8-u', 'Телефон;ПІБ;Коментар'],
    ['koi8-r', 'Иванов Иван;79161234567'],
    ['cp866', 'Иванов Иван;79161234567'],
    ['cp866', 'Телефон;ФИО'],
    ['windows-1252', 'Müller;José;Françoise'],
    ['windows-1252', '4930123456;Müller'],
  ] as const)('reads the one-line %s file "%s"', (encoding, text) => {
    expect(detectEncoding(encode(text, encoding)).encoding).toBe(encoding);
  });

  it.each(['windows-1251', 'koi8-r', 'cp866'] as const)(
    'tells %s apart on ALL-CAPS and all-lowercase text, where letter case gives no clue',
    (encoding) => {
      expect(detectEncoding(encode('ТЕЛЕФОН;ФИО;ПРИМЕЧАНИЕ', encoding)).encoding).toBe(encoding);
      expect(detectEncoding(encode('перезвонить завтра утром', encoding)).encoding).toBe(encoding);
    },
  );

  it('reads Russian KOI8 text as KOI8-R: without Ukrainian letters both KOI8s give the same text', () => {
    const guess = detectEncoding(encode(RUSSIAN, 'koi8-u'));
    expect(guess.encoding).toBe('koi8-r');
    expect(decodeBytes(encode(RUSSIAN, 'koi8-u'), guess.encoding)).toBe(RUSSIAN);
  });

  it('is less sure on a three-letter file than on a full list', () => {
    const short = detectEncoding(encode('ПІБ', 'windows-1251'));
    const long = detectEncoding(encode(UKRAINIAN, 'windows-1251'));
    expect(short.encoding).toBe('windows-1251');
    expect(short.confidence).toBeLessThan(long.confidence);
  });

  it('names the winner, the evidence and the runner-up in the reason', () => {
    const { reason } = detectEncoding(encode(RUSSIAN, 'windows-1251'));
    expect(reason).toMatchObject({ code: 'code-page', encoding: 'windows-1251' });
    expect(reason.text).toMatch(/^Not UTF-8; read as Windows-1251 \(Cyrillic\), \d+ of \d+ non-ASCII characters form plausible words\. Next best: /);
  });

  it('finds the code page of names that only start after the first 64 KiB of numbers', () => {
    const numbers = Array.from({ length: 6000 }, (_, i) => `3809300${String(i).padStart(5, '0')};`).join('\r\n');
    const bytes = encode(`${numbers}\r\n380931234567;Шевченко Тарас Григорович`, 'windows-1251');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(detectEncoding(bytes).encoding).toBe('windows-1251');
  });

  it('samples only the start of a big file', () => {
    // 1251 text, then bytes that are valid UTF-8 far beyond the sample: only the sample counts.
    const big = new Uint8Array(4 * 1024 * 1024);
    big.set(encode(RUSSIAN.repeat(300), 'windows-1251'));
    big.fill(0x20, 200_000);
    expect(detectEncoding(big).encoding).toBe('windows-1251');
  });
});

describe('decodeBytes', () => {
  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)('strips the %s BOM', (encoding) => {
    expect(decodeBytes(encode('Телефон;ПІБ', encoding, true), encoding)).toBe('Телефон;ПІБ');
  });

  it.each([
    ['utf-8', UKRAINIAN],
    ['utf-16le', UKRAINIAN],
    ['utf-16be', UKRAINIAN],
    ['windows-1251', UKRAINIAN],
    ['koi8-u', UKRAINIAN],
    ['koi8-r', RUSSIAN],
    ['cp866', RUSSIAN],
    ['windows-1252', WESTERN],
  ] as const)('decodes %s', (encoding, text) => {
    expect(decodeBytes(encode(text, encoding), encoding)).toBe(text);
  });

  it('leaves a BOM of another encoding as text, since the user chose to read the bytes that way', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'windows-1251')).toBe('п»їA');
  });
});

describe('SUPPORTED_ENCODINGS', () => {
  it('lists every encoding once, with a human label', () => {
    expect(SUPPORTED_ENCODINGS.map((option) => option.encoding)).toEqual([
      'utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'windows-1252', 'koi8-u', 'koi8-r', 'cp866',
    ]);
    expect(SUPPORTED_ENCODINGS.find((option) => option.encoding === 'windows-1251')?.label).toBe('Windows-1251 (Cyrillic)');
  });

  it('names only encodings iconv-lite can decode', () => {
    for (const { encoding } of SUPPORTED_ENCODINGS) expect(iconv.encodingExists(encoding)).toBe(true);
  });
});
