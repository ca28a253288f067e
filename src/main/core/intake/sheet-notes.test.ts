import { describe, expect, it } from 'vitest';

import { sheetNoteSchema, type SheetNote, type SheetNoteCode } from '../../../shared/sheet-notes';
import { sheetViewSchema, type SheetView } from '../../../shared/sheet-schemas';
import { createIntakeService } from './create-intake-service';
import type { IntakeService } from './intake-service';
import { buildWorkbook } from './xlsx/xlsx-test-zip';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function service(): IntakeService {
  return createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
}

async function openAll(name: string, bytes: Uint8Array, intake = service()): Promise<SheetView> {
  const first = await intake.open(name, bytes);
  await intake.finished(first.sheetId);
  // What the window gets must pass the contract's schema: codes, figures and text.
  return sheetViewSchema.parse(intake.view(first.sheetId));
}

const inlineRow = (row: number, cells: readonly string[]): string =>
  `<row r="${row}">${cells.map((cell, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${cell}</t></is></c>`).join('')}</row>`;

const numbers = (from: number, count: number): string =>
  Array.from({ length: count }, (_, i) => `38093${String(1_000_000 + from + i).slice(1)}`).join('\n');

/** One file for each note the intake makes, and the note it must carry: code, figures and English text. */
const CASES: { name: string; make: () => Uint8Array | Promise<Uint8Array>; note: SheetNote; reopen?: (intake: IntakeService, view: SheetView) => Promise<SheetView> }[] = [
  {
    name: 'title.csv',
    make: () => utf8(`Список абонентів\nТелефон;ПІБ\n380931234567;Тарас\n`),
    note: { code: 'rows-above-header-skipped', count: 1, row: 1, content: 'Список абонентів', text: '1 row above the header was skipped (row 1: “Список абонентів”).' },
  },
  {
    name: 'blank.csv',
    make: () => utf8('Телефон\n380931234567\n\n\n380931234568\n\n380931234569\n'),
    note: { code: 'blank-rows-skipped', count: 3, text: '3 blank rows were skipped.' },
  },
  {
    name: 'header-only.csv',
    make: () => utf8('Телефон;ПІБ\n'),
    note: { code: 'no-data-rows', text: 'The file has a header but no rows under it: there are no numbers to check.' },
  },
  {
    name: 'abonenty.xlsx',
    make: () =>
      buildWorkbook({
        sheets: [
          { name: 'Контакти', rows: inlineRow(1, ['phone']) + inlineRow(2, ['380931234567']) },
          { name: 'Архів', rows: inlineRow(1, ['phone']) },
          { name: 'Інше', rows: inlineRow(1, ['phone']) },
        ],
      }),
    note: { code: 'several-sheets', fileName: 'abonenty.xlsx', count: 3, sheet: 'Контакти', text: 'abonenty.xlsx has 3 sheets; showing “Контакти”. Choose another under File.' },
  },
  {
    name: 'wide.csv',
    make: () => utf8(`phone,name\n380931234567,${'x,'.repeat(1100)}x\n`),
    note: { code: 'wide-row', row: 2, limit: 1000, text: 'Row 2 has more than 1,000 columns; only the first 1,000 are kept.' },
  },
  {
    name: 'wide.xlsx',
    make: () => buildWorkbook({ sheets: [{ name: 'A', rows: inlineRow(1, ['phone']) + `<row r="2">${'<c t="inlineStr"><is><t>1</t></is></c>'.repeat(1001)}</row>` }] }),
    note: { code: 'wide-row', row: 2, limit: 1000, text: 'Row 2 has more than 1,000 columns; only the first 1,000 are kept.' },
  },
  {
    name: 'quote.csv',
    make: () => utf8('phone,name\n380931234567,"Тарас\n380931234568,Олена\n'),
    note: {
      code: 'unclosed-quote',
      row: 2,
      text: 'Row 2 opens a quoted value (") that is never closed, so everything after it was read as one cell. Fix the quote in the file, or choose another separator.',
    },
  },
  {
    name: 'nul.csv',
    make: () => utf8(`phone\n${numbers(0, 300)}\n3809\u0000312\u000034567\n`),
    note: { code: 'nul-bytes-removed', count: 2, text: '2 NUL bytes were removed from the text; everything else was kept.' },
  },
  {
    name: 'damaged.xlsx',
    // Far past the sample the intake reads first, the sheet's XML breaks: the rows before are kept.
    make: () =>
      buildWorkbook({
        sheets: [
          {
            name: 'A',
            rows: `${inlineRow(1, ['phone'])}${Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>38093${1_000_000 + i}</v></c></row>`).join('')}${inlineRow(20_002, ['a &bogus; b'])}`,
          },
        ],
      }),
    note: { code: 'reading-stopped', row: 0, message: null, text: '' },
  },
  {
    name: 'phone-header.csv',
    make: () => utf8('Телефон;ПІБ\n380931234567;Тарас\n'),
    note: { code: 'phone-column-from-header', columns: ['Телефон'], text: 'Phone column chosen because the header says so (Телефон).' },
  },
  {
    name: 'number-header.csv',
    make: () => utf8('Номер;ПІБ\n380931234567;Тарас\n380931234568;Олена\n'),
    note: {
      code: 'phone-column-from-header-and-contents',
      columns: ['Номер'],
      text: 'Phone column chosen because its header and its contents look like numbers (Номер).',
    },
  },
  {
    name: 'no-header.csv',
    make: () => utf8('Тарас;380931234567\nОлена;380931234568\n'),
    note: { code: 'phone-column-from-contents', column: 'Column 2', text: 'Phone column chosen because most of its cells look like phone numbers (Column 2).' },
  },
  {
    name: 'names.csv',
    make: () => utf8('ПІБ;Коментар\nТарас;VIP\nОлена;\n'),
    note: { code: 'no-phone-column', text: 'No column looks like phone numbers: choose one.' },
  },
  {
    name: 'removed.csv',
    make: () => utf8('Телефон\n380931234567\n380931234568\n380931234569\n'),
    reopen: async (intake, view) => {
      intake.removeRows(view.sheetId, { indexes: [0, 2] });
      return sheetViewSchema.parse(await intake.reopen(view.sheetId, { delimiter: ';' }));
    },
    note: {
      code: 'removed-rows-back',
      count: 2,
      text: 'The 2 rows you removed are back: the file was read again with other settings, so its rows may not be the same ones. Remove them again if needed.',
    },
  },
];

describe('the intake’s notes', () => {
  it.each(CASES.map((c) => [c.note.code, c] as const))('%s: made with its code, figures and English text', async (_code, { name, make, note, reopen }) => {
    const intake = service();
    let view = await openAll(name, await make(), intake);
    if (reopen) view = await reopen(intake, view);
    const found = view.notes.filter((n) => n.code === note.code);
    expect(found, JSON.stringify(view.notes)).toHaveLength(1);
    if (note.code === 'reading-stopped') {
      // The reader's own message, in English, between the intake's words.
      const stopped = found[0] as Extract<SheetNote, { code: 'reading-stopped' }>;
      expect(stopped.message).toMatch(/^damaged\.xlsx: This workbook is damaged: .*unknown entity &bogus;/);
      expect(stopped.row).toBe(view.summary.rows + 1);
      expect(stopped.text).toBe(`Reading stopped after row ${stopped.row}: ${stopped.message} The rows before it are kept.`);
    } else {
      expect(found[0]).toEqual(note);
    }
  });

  it('every code the schema knows is made by some file above', () => {
    const codes = sheetNoteSchema.options.map((option) => option.shape.code.value);
    expect(new Set(CASES.map((c) => c.note.code))).toEqual(new Set<SheetNoteCode>(codes));
  });

  it('gives every detected setting a coded reason with its English text', async () => {
    const view = await openAll('title.csv', utf8('Список абонентів\nТелефон;ПІБ\n380931234567;Тарас\n'));
    expect(view.encoding?.reason).toEqual({ code: 'valid-utf8', characters: 30, text: 'No byte-order mark; the text is valid UTF-8 (30 non-ASCII characters checked).' });
    const delimiter = view.delimiter?.reason;
    expect(delimiter?.code).toBe('splits-evenly');
    expect(delimiter?.text).toBe(`The rows split most evenly on this separator (confidence ${delimiter?.code === 'splits-evenly' ? delimiter.confidence : NaN}%).`);
    expect(view.headerRow.reason).toEqual({
      code: 'names-columns',
      row: 2,
      cells: ['Телефон', 'ПІБ'],
      titleFrom: 1,
      text: 'Row 2 names the columns ("Телефон", "ПІБ"). The text above it (from row 1) is taken as a title, not data.',
    });
    const intake = service();
    const chosen = await intake.reopen((await intake.open('a.csv', utf8('Телефон\n380931234567\n'))).sheetId, { headerRow: null });
    expect(chosen.headerRow.reason).toEqual({ code: 'chosen', text: 'Chosen by you.' });
  });
});
