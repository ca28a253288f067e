import { describe, expect, it } from 'vitest';

import { detectHeaderRow, isHeaderCell } from './detect-header';

describe('detectHeaderRow', () => {
  it('takes a first row of column names as the header', () => {
    const rows = [
      ['Телефон', 'ПІБ', 'Коментар'],
      ['380931234567', 'Шевченко Тарас Григорович', 'передзвонити'],
    ];
    expect(detectHeaderRow(rows)).toEqual({
      headerRow: 0,
      reason: {
        code: 'names-columns',
        row: 1,
        cells: ['Телефон', 'ПІБ', 'Коментар'],
        titleFrom: null,
        text: 'Row 1 names the columns ("Телефон", "ПІБ", "Коментар").',
      },
    });
  });

  it.each([
    ['English', ['Phone', 'Name', 'Comment']],
    ['English, other words', ['Mobile number', 'Full name', 'Tel.']],
    ['Ukrainian', ['Мобільний', 'Ім’я', 'Прізвище']],
    ['Russian', ['Мобильный телефон', 'ФИО', 'Примечание']],
    ['numbered columns', ['Телефон 1', 'Телефон 2', 'Абонент']],
  ])('recognises %s column words', (_language, header) => {
    expect(detectHeaderRow([header, ['380931234567', 'x', 'y']]).headerRow).toBe(0);
  });

  it('skips a title row above the header', () => {
    const rows = [
      ['Список абонентів на 12.03.2025', '', ''],
      ['Телефон', 'ПІБ', 'Коментар'],
      ['380931234567', 'Шевченко Тарас', ''],
    ];
    const guess = detectHeaderRow(rows);
    expect(guess.headerRow).toBe(1);
    expect(guess.reason).toMatchObject({ code: 'names-columns', row: 2, titleFrom: 1 });
    expect(guess.reason.text).toBe(
      'Row 2 names the columns ("Телефон", "ПІБ", "Коментар"). The text above it (from row 1) is taken as a title, not data.',
    );
  });

  it('skips a one-cell title that itself contains a column word', () => {
    const rows = [['Телефони клієнтів'], ['Телефон', 'Ім\'я'], ['380931234567', 'Іван']];
    expect(detectHeaderRow(rows).headerRow).toBe(1);
  });

  it('skips blank rows and counts indices in the original rows', () => {
    const rows = [[], ['', '  '], ['Звіт відділу продажів'], [''], ['№', 'Номер', 'ФИО'], ['1', '79161234567', 'Иванов Иван']];
    expect(detectHeaderRow(rows).headerRow).toBe(4);
  });

  it('says there is no header when the first filled row already holds a number', () => {
    const rows = [[''], ['380931234567', 'Шевченко Тарас'], ['380671112233', 'Іванов Іван']];
    expect(detectHeaderRow(rows)).toEqual({
      headerRow: null,
      reason: {
        code: 'phone-in-first-row',
        row: 2,
        number: '380931234567',
        text: 'Row 2 already holds a phone number ("380931234567"), so the file has no header row.',
      },
    });
  });

  it('says there is no header in a one-column list of numbers', () => {
    const rows = [['+38 (093) 123-45-67'], ['0671112233'], ['3.8093E+11']];
    expect(detectHeaderRow(rows).headerRow).toBeNull();
  });

  it('finds the header of a one-column list', () => {
    expect(detectHeaderRow([['Номер'], ['380931234567'], ['380671112233']]).headerRow).toBe(0);
  });

  it('takes the row right above the numbers when no column word is known', () => {
    const rows = [['Клієнти, березень'], ['Колонка А', 'Колонка Б'], ['380931234567', 'Тарас']];
    const guess = detectHeaderRow(rows);
    expect(guess.headerRow).toBe(1);
    expect(guess.reason).toMatchObject({ code: 'text-above-numbers', row: 2, numbersFrom: 3, titleFrom: 1 });
    expect(guess.reason.text).toContain('right above the first phone number (row 3)');
  });

  it('does not take a data row mentioning a number as a header', () => {
    const rows = [['Телефон', 'Коментар'], ['380931234567', 'номер не існує']];
    expect(detectHeaderRow(rows).headerRow).toBe(0);
  });

  it('says there is no header when nothing names a column and no numbers appear', () => {
    const rows = [['Тарас', 'Київ'], ['Іван', 'Львів']];
    expect(detectHeaderRow(rows).headerRow).toBeNull();
  });

  it('says there is no header in an empty or blank table', () => {
    expect(detectHeaderRow([]).headerRow).toBeNull();
    expect(detectHeaderRow([[''], ['  ', '']]).headerRow).toBeNull();
  });

  it('only looks at the first 30 rows', () => {
    const blanks = Array.from({ length: 30 }, () => ['']);
    expect(detectHeaderRow([...blanks, ['Телефон'], ['380931234567']]).headerRow).toBeNull();
  });

  it('treats a date in a title as text, not as a phone number', () => {
    const rows = [['12.03.2025'], ['Телефон', 'ПІБ'], ['380931234567', 'Тарас']];
    expect(detectHeaderRow(rows).headerRow).toBe(1);
  });
});

describe('isHeaderCell', () => {
  it.each(['Телефон', 'тел.', 'Tel', 'Mobile', 'Phone number', 'ПІБ', 'ФИО', 'ім\'я', 'Имя', 'Номер телефону', '№', 'E-mail'])(
    'accepts %j',
    (cell) => {
      expect(isHeaderCell(cell)).toBe(true);
    },
  );

  it('accepts Cyrillic column words typed with a Latin I, as Ukrainian keyboards make easy', () => {
    expect(isHeaderCell('П\u0049Б')).toBe(true);
    expect(isHeaderCell('\u0049м’я')).toBe(true);
    expect(isHeaderCell('\u0049ванов')).toBe(false);
  });

  it.each(['', 'Шевченко Тарас', 'Київ', '380931234567', 'Тело', 'nobody', 'Список абонентів на 12.03.2025 для відділу', 'дзвонити на мобільний після обіду, не раніше'])(
    'rejects %j',
    (cell) => {
      expect(isHeaderCell(cell)).toBe(false);
    },
  );
});
