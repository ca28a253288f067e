import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { createIntakeService } from './create-intake-service';
import type { IntakeService, ProgressEvent } from './intake-service';

function service(dataDir: string | null = null, events: ProgressEvent[] = []): IntakeService {
  return createIntakeService({ dataDir, defaultCountry: 'UA', emitProgress: (e) => events.push(e) });
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function openAll(intake: IntakeService, name: string, bytes: Uint8Array) {
  const first = await intake.open(name, bytes);
  await intake.finished(first.sheetId);
  return intake.view(first.sheetId);
}

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet('Інструкція', { state: 'hidden' });
  notes.addRow(['Заповніть аркуш «Контакти»']);
  const contacts = book.addWorksheet('Контакти');
  contacts.addRow(['Телефон', 'ПІБ']);
  contacts.addRow([380931234567, 'Шевченко Тарас']);
  contacts.addRow(['3.8093E+11', 'Іваненко Олена']);
  contacts.addRow([]);
  // Stored as a number with more digits than a double keeps: Excel shows 12345678901234600.
  contacts.addRow([Number('12345678901234567'), 'Забагато цифр']);
  contacts.addRow(['0671234567', 'Петренко Андрій']);
  const other = book.addWorksheet('Архів');
  other.addRow(['phone']);
  other.addRow(['+48512345678']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('IntakeService', () => {
  it('reads an XLSX: the first visible sheet, numbers with all their digits, Excel-mangled digits flagged', async () => {
    const intake = service();
    const view = await openAll(intake, 'book.xlsx', await workbook());
    expect(view.format).toBe('xlsx');
    expect(view.sheets).toEqual([
      { index: 0, name: 'Інструкція', hidden: true },
      { index: 1, name: 'Контакти', hidden: false },
      { index: 2, name: 'Архів', hidden: false },
    ]);
    expect(view.sheet).toBe(1);
    expect(view.encoding).toBeNull();
    expect(view.preview.map((r) => [r.row, r.cells[0], r.numbers[0]?.value ?? r.numbers[0]?.issue?.reason])).toEqual([
      [2, '380931234567', '+380931234567'],
      [3, '3.8093E+11', 'digits-lost'],
      [5, '12345678901234568', 'digits-lost'],
      [6, '0671234567', '+380671234567'],
    ]);
    const archive = await intake.reopen(view.sheetId, { sheet: 2 });
    await intake.finished(archive.sheetId);
    expect(intake.view(archive.sheetId)).toMatchObject({ sheet: 2, columns: ['phone'], summary: { rows: 1, valid: 1 } });
  });

  it('reads a Windows-1251 file with semicolons and a title above the header, as Excel writes it in Ukraine', async () => {
    const text = 'Список абонентів на 12.03.2025;;\r\nТелефон;ПІБ;Коментар\r\n0931234567;Шевченко Тарас;VIP\r\n+380671234567;Іваненко Олена;\r\n';
    const view = await openAll(service(), 'abonenty.csv', iconv.encode(text, 'win1251'));
    expect(view.encoding).toMatchObject({ value: 'windows-1251', detected: 'windows-1251' });
    expect(view.delimiter?.value).toBe(';');
    expect(view.headerRow).toMatchObject({ value: 1, detected: 1 });
    expect(view.columns).toEqual(['Телефон', 'ПІБ', 'Коментар']);
    expect(view.mapping).toEqual({ phone: [0], name: 1, caller: null, custom: [2] });
    expect(view.notes).toContainEqual({
      code: 'rows-above-header-skipped',
      count: 1,
      row: 1,
      content: 'Список абонентів на 12.03.2025',
      text: '1 row above the header was skipped (row 1: “Список абонентів на 12.03.2025”).',
    });
    expect(view.preview.map((r) => [r.row, r.numbers[0]?.value])).toEqual([
      [3, '+380931234567'],
      [4, '+380671234567'],
    ]);
  });

  it('reads a UTF-16 "Unicode text" export with tabs', async () => {
    const body = Buffer.from('Phone\tName\r\n0931234567\tІван\r\n', 'utf16le');
    const view = await openAll(service(), 'export.txt', new Uint8Array([0xff, 0xfe, ...body]));
    expect(view.encoding?.value).toBe('utf-16le');
    expect(view.delimiter?.value).toBe('\t');
    expect(view.summary).toMatchObject({ rows: 1, valid: 1 });
  });

  it('reads a file without a header, one number per line, in digits-as-given mode', async () => {
    const intake = service();
    const opened = await openAll(intake, 'mor.csv', utf8('123456789\n987654321\n123456789\n'));
    expect(opened.headerRow.value).toBeNull();
    expect(opened.columns).toEqual(['Column 1']);
    expect(opened.mapping.phone).toEqual([0]);
    const view = intake.setOptions(opened.sheetId, { ...opened.options, mode: 'digits' });
    expect(view.summary).toMatchObject({ rows: 3, valid: 2, duplicate: 1, invalid: 0, numbers: 2 });
    expect(intake.uniqueNumbers(view.sheetId)).toEqual(['123456789', '987654321']);
  });

  it('flags every problem on its row and points duplicates at the first row', async () => {
    const csv = ['phone,name', '0931234567,a', '3.8093E+11,b', 'hello,c', '093 123 45 67,d', ',e', '+380931234568,f'].join('\n');
    const intake = service();
    const view = await openAll(intake, 'mixed.csv', utf8(csv));
    expect(view.summary).toMatchObject({ rows: 6, valid: 2, invalid: 3, duplicate: 1, numbers: 2 });
    expect(view.summary.byReason).toMatchObject({ 'digits-lost': 1, 'not-a-number': 1, empty: 1, duplicate: 1 });
    const invalid = intake.rows(view.sheetId, 0, 10, 'invalid').rows;
    expect(invalid.map((r) => [r.row, r.numbers[0]?.issue?.reason])).toEqual([
      [3, 'digits-lost'],
      [4, 'not-a-number'],
      [6, 'empty'],
    ]);
    const duplicates = intake.rows(view.sheetId, 0, 10, 'duplicate').rows;
    expect(duplicates[0]?.numbers[0]).toMatchObject({ duplicateOf: 2, issue: { reason: 'duplicate', message: 'Duplicate of row 2.' } });
  });

  it('turns several numbers in a cell, and several phone columns, into numbers of one contact', async () => {
    const csv = 'Name,Phone 1,Phone 2\nОлена,"0931234567, 0671234567",0501234567\nПетро,0661234567,\n';
    const intake = service();
    const view = await openAll(intake, 'multi.csv', utf8(csv));
    expect(view.mapping.phone).toEqual([1, 2]);
    expect(view.preview[0]?.numbers.map((n) => n.value)).toEqual(['+380931234567', '+380671234567', '+380501234567']);
    expect(view.summary).toMatchObject({ rows: 2, valid: 2, numbers: 4 });
  });

  it('re-checks a row when a cell is edited, and other rows that shared its number', async () => {
    const intake = service();
    const view = await openAll(intake, 'dups.csv', utf8('phone\n0931234567\n0931234567\nnot a number\n'));
    expect(view.summary).toMatchObject({ valid: 1, duplicate: 1, invalid: 1 });
    const fixed = intake.edit(view.sheetId, 2, 0, '0671234567');
    expect(fixed.row).toMatchObject({ status: 'valid', numbers: [{ value: '+380671234567' }] });
    expect(fixed.summary).toMatchObject({ valid: 2, duplicate: 1, invalid: 0 });
    const moved = intake.edit(view.sheetId, 0, 0, '0501234567');
    expect(moved.summary).toMatchObject({ valid: 3, duplicate: 0 });
    expect(intake.rows(view.sheetId, 1, 1, 'all').rows[0]?.status).toBe('valid');
  });

  it('filters by number type when asked', async () => {
    const intake = service();
    const view = await openAll(intake, 'types.csv', utf8('phone\n0931234567\n0442345678\n'));
    expect(view.summary.byType).toEqual({ MOBILE: 1, FIXED_LINE: 1 });
    const mobile = intake.setOptions(view.sheetId, { ...view.options, mobileOnly: true });
    expect(mobile.summary).toMatchObject({ valid: 1, invalid: 1, byReason: { 'filtered-type': 1 } });
  });

  it('lets the user override the encoding, the delimiter and the header row', async () => {
    const intake = service();
    const bytes = iconv.encode('Телефон;Имя\n0931234567;Иван\n', 'koi8-r');
    const view = await openAll(intake, 'koi.csv', bytes);
    const forced = await intake.reopen(view.sheetId, { encoding: 'windows-1251', delimiter: ',', headerRow: null });
    expect(forced.encoding).toMatchObject({ value: 'windows-1251', detected: 'koi8-r' });
    expect(forced.delimiter).toMatchObject({ value: ',', detected: ';' });
    expect(forced.headerRow.value).toBeNull();
    expect(forced.summary.rows).toBe(2);
    expect(forced.sheetId).toBe(view.sheetId);
  });

  it('remembers a chosen mapping for the same headers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dialsheet-memory-'));
    const csv = utf8('Код,Номер клієнта,Примітка\n1,0931234567,x\n');
    const first = service(dir);
    const view = await openAll(first, 'a.csv', csv);
    const chosen = await first.setMapping(view.sheetId, { phone: [1], name: null, caller: null, custom: [0, 2] });
    expect(chosen.mappingSource).toBe('chosen');
    const again = await openAll(service(dir), 'b.csv', csv);
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping).toEqual({ phone: [1], name: null, caller: null, custom: [0, 2] });
  });

  it('shows the first rows before a big file is read to its end, and reports progress', async () => {
    const events: ProgressEvent[] = [];
    const intake = service(null, events);
    const rows = Array.from({ length: 120_000 }, (_, i) => `+38093${String(i).padStart(7, '0')},name ${i}`);
    const first = await intake.open('big.csv', utf8(`phone,name\n${rows.join('\n')}\n`));
    expect(first.progress.done).toBe(false);
    expect(first.preview).toHaveLength(100);
    expect(first.summary.rows).toBeLessThan(120_000);
    await intake.finished(first.sheetId);
    const done = intake.view(first.sheetId);
    expect(done.summary).toMatchObject({ rows: 120_000, valid: 120_000, numbers: 120_000 });
    expect(events.at(-1)).toMatchObject({ done: true, rowsRead: 120_000 });
    expect(intake.rows(first.sheetId, 119_999, 5, 'all').rows.map((r) => r.row)).toEqual([120_001]);
  });

  it('reads a file again whole when settings change mid-read, and stops one closed mid-read', async () => {
    const events: ProgressEvent[] = [];
    const intake = service(null, events);
    const rows = Array.from({ length: 120_000 }, (_, i) => `+38093${String(i).padStart(7, '0')},name ${i}`);
    const bytes = utf8(`phone,name\n${rows.join('\n')}\n`);
    const first = await intake.open('big.csv', bytes);
    expect(first.progress.done).toBe(false);
    const again = await intake.reopen(first.sheetId, { delimiter: ',' });
    await intake.finished(again.sheetId);
    expect(intake.view(again.sheetId).summary).toMatchObject({ rows: 120_000, valid: 120_000, duplicate: 0 });

    const closed = await intake.open('closed.csv', bytes);
    expect(intake.close(closed.sheetId)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.some((e) => e.sheetId === closed.sheetId && e.done)).toBe(false);
  });

  it.each([
    ['empty.csv', new Uint8Array(), /empty\.csv holds no rows/],
    ['blank.csv', utf8('\n\n  \n;;\n'), /blank\.csv has no rows with anything in them/],
    ['setup.csv', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), /program or a PDF/],
    ['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /password-protected \.xlsx or an old \.xls file/],
  ])('refuses %s with a message that says what to do', async (name, bytes, message) => {
    await expect(service().open(name, bytes)).rejects.toThrow(message);
  });
});
