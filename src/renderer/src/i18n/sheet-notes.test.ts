import { describe, expect, it } from 'vitest';

import {
  delimiterReasonSchema,
  encodingReasonSchema,
  headerReasonSchema,
  sheetNoteSchema,
  type DelimiterReason,
  type EncodingReason,
  type HeaderReason,
  type SheetNote,
} from '../../../shared/sheet-notes';
import { createI18n } from './i18n';
import { delimiterReasonText, encodingReasonText, headerReasonText, noteText } from './sheet-notes';

const NBSP = '\u00a0';
const en = createI18n('en', ['en-US']).t;
const uk = createI18n('uk').t;

/** Each note code with its figures, worded in English and in Ukrainian. */
const NOTES: [SheetNote, string, string][] = [
  [
    { code: 'phone-column-from-header', columns: ['Телефон 1', 'Телефон 2'], text: '' },
    'Phone column chosen because the header says so (Телефон 1, Телефон 2).',
    'Стовпець телефону вибрано за заголовком (Телефон 1, Телефон 2).',
  ],
  [
    { code: 'phone-column-from-header-and-contents', columns: ['Номер'], text: '' },
    'Phone column chosen because its header and its contents look like numbers (Номер).',
    'Стовпець телефону вибрано, бо його заголовок і вміст схожі на номери (Номер).',
  ],
  [
    { code: 'phone-column-from-contents', column: 'Column 2', text: '' },
    'Phone column chosen because most of its cells look like phone numbers (Column 2).',
    'Стовпець телефону вибрано, бо більшість його клітинок схожі на номери телефонів (Column 2).',
  ],
  [{ code: 'no-phone-column', text: '' }, 'No column looks like phone numbers: choose one.', 'Жоден стовпець не схожий на номери телефонів: виберіть його самі.'],
  [
    { code: 'rows-above-header-skipped', count: 2, row: 1, content: 'Список абонентів', text: '' },
    '2 rows above the header were skipped (row 1: “Список абонентів”).',
    'Пропущено 2 рядки над заголовком (рядок 1: «Список абонентів»).',
  ],
  [{ code: 'blank-rows-skipped', count: 3, text: '' }, '3 blank rows were skipped.', 'Пропущено 3 порожні рядки.'],
  [
    { code: 'no-data-rows', text: '' },
    'The file has a header but no rows under it: there are no numbers to check.',
    'У файлі є заголовок, але під ним немає рядків: перевіряти нема чого.',
  ],
  [
    { code: 'several-sheets', fileName: 'abonenty.xlsx', count: 3, sheet: 'Контакти', text: '' },
    'abonenty.xlsx has 3 sheets; showing “Контакти”. Choose another under File.',
    'У файлі abonenty.xlsx 3 аркуші; показано «Контакти». Інший можна вибрати в розділі «Файл».',
  ],
  [
    { code: 'wide-row', row: 7, limit: 1000, text: '' },
    'Row 7 has more than 1,000 columns; only the first 1,000 are kept.',
    `У рядку 7 понад 1${NBSP}000 стовпців; збережено лише перші 1${NBSP}000.`,
  ],
  [
    { code: 'unclosed-quote', row: 4, text: '' },
    'Row 4 opens a quoted value (") that is never closed, so everything after it was read as one cell. Fix the quote in the file, or choose another separator.',
    'У рядку 4 відкриті лапки ("), які ніде не закриваються, тож усе після них прочитано як одну клітинку. Виправте лапки у файлі або виберіть інший роздільник.',
  ],
  [
    { code: 'nul-bytes-removed', count: 1, text: '' },
    '1 NUL byte was removed from the text; everything else was kept.',
    'Із тексту видалено 1 NUL-байт; усе інше збережено.',
  ],
  [
    { code: 'reading-stopped', row: 18457, message: 'This workbook is damaged.', text: '' },
    'Reading stopped after row 18457: This workbook is damaged. The rows before it are kept.',
    'Читання зупинилося після рядка 18457: This workbook is damaged. Попередні рядки збережено.',
  ],
  [
    { code: 'removed-rows-back', count: 5, text: '' },
    'The 5 rows you removed are back: the file was read again with other settings, so its rows may not be the same ones. Remove them again if needed.',
    'Вилучені вами рядки повернуто (5): файл прочитано знову з іншими налаштуваннями, тож рядки можуть бути вже не ті самі. Якщо потрібно, вилучіть їх знову.',
  ],
];

const ENCODING_REASONS: [EncodingReason, string, string][] = [
  [{ code: 'byte-order-mark', encoding: 'utf-8', text: '' }, 'The file starts with a UTF-8 (Unicode) byte-order mark.', 'Файл починається з позначки порядку байтів (BOM) UTF-8 (Юнікод).'],
  [
    { code: 'utf16-zero-bytes', encoding: 'utf-16le', text: '' },
    'No byte-order mark, but zero bytes fall at every other position, the way UTF-16 LE (Unicode) stores digits and Latin letters.',
    'Позначки порядку байтів немає, але нульові байти стоять через один — так UTF-16 LE (Юнікод) зберігає цифри й латинські літери.',
  ],
  [
    { code: 'ascii-only', text: '' },
    'The file holds only ASCII characters (digits, Latin letters, punctuation), which every supported encoding reads the same way.',
    'У файлі лише символи ASCII (цифри, латинські літери, розділові знаки), які всі підтримувані кодування читають однаково.',
  ],
  [
    { code: 'valid-utf8', characters: 1234, text: '' },
    'No byte-order mark; the text is valid UTF-8 (1,234 non-ASCII characters checked).',
    `Позначки порядку байтів немає; текст — коректний UTF-8 (перевірено символів поза ASCII: 1${NBSP}234).`,
  ],
  [
    { code: 'mostly-utf8', characters: 40, invalidBytes: 1, text: '' },
    'Mostly valid UTF-8 (40 characters), but 1 byte is not and will show as \uFFFD.',
    'Здебільшого коректний UTF-8 (символів: 40), але некоректних байтів: 1; на їхньому місці буде \uFFFD.',
  ],
  [
    { code: 'code-page', encoding: 'windows-1251', plausible: 20, nonAscii: 21, runnerUp: 'koi8-u', text: '' },
    'Not UTF-8; read as Windows-1251 (Cyrillic), 20 of 21 non-ASCII characters form plausible words. Next best: KOI8-U (Ukrainian).',
    'Не UTF-8; прочитано як Windows-1251 (кирилиця): 20 з 21 символу поза ASCII складаються у правдоподібні слова. Наступне за ймовірністю: KOI8-U (українська).',
  ],
  [
    { code: 'code-page', encoding: 'cp866', plausible: 3, nonAscii: 5, runnerUp: null, text: '' },
    'Not UTF-8; read as CP866 (DOS Cyrillic), 3 of 5 non-ASCII characters form plausible words.',
    'Не UTF-8; прочитано як CP866 (кирилиця DOS): 3 з 5 символів поза ASCII складаються у правдоподібні слова.',
  ],
];

const DELIMITER_REASONS: [DelimiterReason, string, string][] = [
  [{ code: 'one-column', text: '' }, 'Every row has one column, so no separator was needed.', 'У кожному рядку один стовпець, тож роздільник не потрібен.'],
  [
    { code: 'splits-evenly', confidence: 87, text: '' },
    'The rows split most evenly on this separator (confidence 87%).',
    'За цим роздільником рядки діляться найрівніше (упевненість 87%).',
  ],
];

const HEADER_REASONS: [HeaderReason, string, string][] = [
  [{ code: 'chosen', text: '' }, 'Chosen by you.', 'Вибрано вами.'],
  [{ code: 'first-rows-blank', rows: 30, text: '' }, 'The first 30 rows are blank, so there is no header to find.', 'Перші рядки (30) порожні, тож заголовка немає.'],
  [
    { code: 'phone-in-first-row', row: 2, number: '380931234567', text: '' },
    'Row 2 already holds a phone number (“380931234567”), so the file has no header row.',
    'Рядок 2 уже містить номер телефону («380931234567»), тож рядка заголовків у файлі немає.',
  ],
  [
    { code: 'names-columns', row: 2, cells: ['Телефон', 'ПІБ'], titleFrom: 1, text: '' },
    'Row 2 names the columns (“Телефон”, “ПІБ”). The text above it (from row 1) is taken as a title, not data.',
    'Рядок 2 називає стовпці («Телефон», «ПІБ»). Текст над ним (від рядка 1) вважається назвою, а не даними.',
  ],
  [
    { code: 'no-header-found', rows: 30, text: '' },
    'No row in the first 30 names a column or holds a phone number, so the data is read from the first row.',
    'Жоден із перших рядків (30) не називає стовпців і не містить номера телефону, тож дані читаються з першого рядка.',
  ],
  [
    { code: 'text-above-numbers', row: 2, numbersFrom: 3, titleFrom: null, text: '' },
    'No row uses a known column name, but row 2 holds text right above the first phone number (row 3), so it is taken as the header.',
    'Жоден рядок не має відомої назви стовпця, але рядок 2 містить текст одразу над першим номером телефону (рядок 3), тож його взято за заголовок.',
  ],
];

const codesOf = (schema: { options: readonly { shape: { code: { value: string } } }[] }): string[] => schema.options.map((o) => o.shape.code.value);

describe('the intake’s notes in the window', () => {
  it.each(NOTES.map(([note, english, ukrainian]) => [note.code, note, english, ukrainian] as const))('%s in English and Ukrainian', (_code, note, english, ukrainian) => {
    expect(noteText(en, note)).toBe(english);
    expect(noteText(uk, note)).toBe(ukrainian);
  });

  it('words every note code there is', () => {
    expect(new Set(NOTES.map(([note]) => note.code))).toEqual(new Set(codesOf(sheetNoteSchema)));
  });

  it('agree with their counts in Ukrainian and group thousands', () => {
    const blank = (count: number): string => noteText(uk, { code: 'blank-rows-skipped', count, text: '' });
    expect([1, 2, 5, 21, 1234].map(blank)).toEqual([
      'Пропущено 1 порожній рядок.',
      'Пропущено 2 порожні рядки.',
      'Пропущено 5 порожніх рядків.',
      'Пропущено 21 порожній рядок.',
      `Пропущено 1${NBSP}234 порожні рядки.`,
    ]);
    expect(noteText(uk, { code: 'nul-bytes-removed', count: 5, text: '' })).toBe('Із тексту видалено 5 NUL-байтів; усе інше збережено.');
    expect(noteText(uk, { code: 'several-sheets', fileName: 'a.xlsx', count: 5, sheet: 'A', text: '' })).toMatch(/^У файлі a\.xlsx 5 аркушів;/);
    expect(noteText(uk, { code: 'removed-rows-back', count: 1, text: '' })).toMatch(/^Вилучений вами рядок повернуто: /);
    expect(noteText(en, { code: 'removed-rows-back', count: 1, text: '' })).toMatch(/^The row you removed is back: /);
    expect(noteText(en, { code: 'rows-above-header-skipped', count: 1, row: 1, content: 'x', text: '' })).toBe('1 row above the header was skipped (row 1: “x”).');
    expect(noteText(en, { code: 'blank-rows-skipped', count: 12345, text: '' })).toBe('12,345 blank rows were skipped.');
  });

  it('says the rest could not be read when the reader gave no words of its own', () => {
    const note: SheetNote = { code: 'reading-stopped', row: 60, message: null, text: '' };
    expect(noteText(en, note)).toBe('Reading stopped after row 60: the rest of the file could not be read. The rows before it are kept.');
    expect(noteText(uk, note)).toBe('Читання зупинилося після рядка 60: решту файлу не вдалося прочитати. Попередні рядки збережено.');
  });
});

describe('why the File step detected what it did, in the window', () => {
  it.each(ENCODING_REASONS.map(([reason, english, ukrainian]) => [reason.code, reason, english, ukrainian] as const))('encoding %s', (_code, reason, english, ukrainian) => {
    expect(encodingReasonText(en, reason)).toBe(english);
    expect(encodingReasonText(uk, reason)).toBe(ukrainian);
  });

  it.each(DELIMITER_REASONS.map(([reason, english, ukrainian]) => [reason.code, reason, english, ukrainian] as const))('separator %s', (_code, reason, english, ukrainian) => {
    expect(delimiterReasonText(en, reason)).toBe(english);
    expect(delimiterReasonText(uk, reason)).toBe(ukrainian);
  });

  it.each(HEADER_REASONS.map(([reason, english, ukrainian]) => [reason.code, reason, english, ukrainian] as const))('header row %s', (_code, reason, english, ukrainian) => {
    expect(headerReasonText(en, reason)).toBe(english);
    expect(headerReasonText(uk, reason)).toBe(ukrainian);
  });

  it('words every reason code there is', () => {
    expect(new Set(ENCODING_REASONS.map(([r]) => r.code))).toEqual(new Set(codesOf(encodingReasonSchema)));
    expect(new Set(DELIMITER_REASONS.map(([r]) => r.code))).toEqual(new Set(codesOf(delimiterReasonSchema)));
    expect(new Set(HEADER_REASONS.map(([r]) => r.code))).toEqual(new Set(codesOf(headerReasonSchema)));
  });
});
