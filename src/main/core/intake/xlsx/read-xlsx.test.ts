import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { cellToText, listXlsxSheets, readXlsxRowBatches, readXlsxRows, type XlsxReadOptions, type XlsxRow } from './read-xlsx';
import { isXlsxError, type XlsxErrorReason } from './xlsx-error';
import { streamedWorkbook, workbookOfEverything } from './xlsx-test-corpus';
import { buildWorkbook, buildZip, stylesXml, type TestWorkbook, workbookParts } from './xlsx-test-zip';

const MIB = 1024 * 1024;

async function allRows(bytes: Uint8Array, sheet: number | string, options?: XlsxReadOptions): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readXlsxRows(bytes, sheet, options)) rows.push(row);
  return rows;
}

async function failure(run: () => Promise<unknown>): Promise<{ reason: XlsxErrorReason; message: string }> {
  try {
    await run();
  } catch (error) {
    if (isXlsxError(error)) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected the read to fail');
}

function textRows(rows: readonly XlsxRow[]): string[][] {
  return rows.map((row) => Array.from(row.cells, (cell) => cellToText(cell)));
}

const SIMPLE: TestWorkbook = {
  sharedStrings: ['<si><t>Phone</t></si>', '<si><t>Name</t></si>', '<si><t>Іван</t></si>'],
  styles: stylesXml([0, 14]),
  sheets: [
    { name: 'Contacts', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>380931234567</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>45356</v></c></row>' },
    { name: 'Archive', state: 'hidden', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
  ],
};

describe('listXlsxSheets', () => {
  it('lists worksheets in tab order with their state', async () => {
    expect(listXlsxSheets(await workbookOfEverything())).toEqual([
      { index: 0, name: 'Контакти', state: 'visible' },
      { index: 1, name: 'Hidden one', state: 'hidden' },
      { index: 2, name: 'Very hidden', state: 'veryHidden' },
      { index: 3, name: 'Empty', state: 'visible' },
      { index: 4, name: 'R&D <sheet>', state: 'visible' },
    ]);
  });
});

describe('readXlsxRows', () => {
  it('reads a sheet by position or by name, in any letter case', async () => {
    const bytes = buildWorkbook(SIMPLE);
    const expected = [['Phone', 'Name'], ['380931234567', 'Іван', '2024-03-05']];
    expect(textRows(await allRows(bytes, 0))).toEqual(expected);
    expect(textRows(await allRows(bytes, 'Contacts'))).toEqual(expected);
    expect(textRows(await allRows(bytes, 'contacts'))).toEqual(expected);
    expect(textRows(await allRows(bytes, 'Archive'))).toEqual([['1']]);
  });

  it('names the sheets there are when asked for one that is not', async () => {
    const bytes = buildWorkbook(SIMPLE);
    expect(await failure(() => allRows(bytes, 'Лист1'))).toEqual({
      reason: 'sheet-not-found',
      message: 'This workbook has no sheet "Лист1". Its sheets are: "Contacts", "Archive". Pick one of those.',
    });
    expect((await failure(() => allRows(bytes, 5))).message).toMatch(/no sheet number 6/);
  });

  it('reads a workbook in Excel part order (sheets before styles and strings) the same', async () => {
    const parts = workbookParts(SIMPLE);
    const sheetsFirst = [...parts.filter((part) => part.name.includes('worksheets/')), ...parts.filter((part) => !part.name.includes('worksheets/'))];
    expect(textRows(await allRows(buildZip(sheetsFirst), 0))).toEqual(textRows(await allRows(buildWorkbook(SIMPLE), 0)));
  });

  it('reads an empty sheet as no rows', async () => {
    expect(await allRows(await workbookOfEverything(), 'Empty')).toEqual([]);
  });

  it('gives Cyrillic shared strings intact however the inflated chunks cut them', async () => {
    const names = Array.from({ length: 40_000 }, (_, index) => `Олександра Шевченко-Коваленко ${index}`);
    const bytes = buildWorkbook({
      sharedStrings: names.map((name) => `<si><t>${name}</t></si>`),
      sheets: [{ name: 'A', rows: names.map((_, index) => `<row r="${index + 1}"><c r="A${index + 1}" t="s"><v>${index}</v></c></row>`).join('') }],
    });
    const read = await allRows(bytes, 0);
    expect(read.map((row) => row.cells[0])).toEqual(names);
  });

  it('comes in batches, with progress up to the whole sheet', async () => {
    const bytes = await streamedWorkbook(true, 20_000);
    const progress: Array<[number, number]> = [];
    let batches = 0;
    let rows = 0;
    for await (const batch of readXlsxRowBatches(bytes, 0, { onProgress: (done, total) => progress.push([done, total]) })) {
      batches++;
      rows += batch.length;
    }
    expect(rows).toBe(20_001);
    expect(batches).toBeGreaterThan(1);
    const last = progress.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
  });

  it('can be abandoned part-way', async () => {
    const bytes = await streamedWorkbook(true, 20_000);
    for await (const row of readXlsxRows(bytes, 0)) {
      expect(row.rowNumber).toBe(1);
      break;
    }
  });
});

describe('readXlsxRows on hostile or broken files', () => {
  const sheetWith = (rows: string): Buffer => buildWorkbook({ sheets: [{ name: 'A', rows }] });

  it('refuses a zip bomb in the sheet before inflating it', async () => {
    const parts = workbookParts({ sheets: [{ name: 'A', rows: '' }] }).map((part) =>
      part.name.includes('worksheets/') ? { ...part, data: Buffer.alloc(64 * MIB, 0x20) } : part,
    );
    const bytes = buildZip(parts);
    expect(bytes.length).toBeLessThan(100 * 1024);
    const progress: number[] = [];
    expect((await failure(() => allRows(bytes, 0, { onProgress: (done) => progress.push(done) }))).reason).toBe('zip-bomb');
    expect(progress).toEqual([]);
  });

  it('stops a sheet that inflates past the total budget', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${(index * 7919) % 100_003}</v></c></row>`).join('');
    expect((await failure(() => allRows(sheetWith(rows), 0, { limits: { maxTotalUncompressedBytes: 200_000 } }))).reason).toBe('zip-bomb');
  });

  it('says a truncated workbook is incomplete', async () => {
    const bytes = await workbookOfEverything();
    expect((await failure(() => allRows(bytes.subarray(0, Math.floor(bytes.length / 2)), 0))).reason).toBe('truncated');
  });

  it('says a compound (OLE) file is a password-protected .xlsx or an old .xls', async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(4096)]);
    const { reason, message } = await failure(() => allRows(bytes, 0));
    expect(reason).toBe('encrypted');
    expect(message).toMatch(/password-protected \.xlsx or an old \.xls/);
    expect(() => listXlsxSheets(bytes)).toThrow(/password-protected/);
  });

  it('refuses random bytes and renamed programs', async () => {
    const noise = randomBytes(64 * 1024);
    noise[0] = 0x01;
    expect((await failure(() => allRows(noise, 0))).reason).toBe('not-a-zip');
    expect((await failure(() => allRows(Buffer.concat([Buffer.from('MZ'), noise]), 0))).message).toMatch(/program/);
  });

  it('refuses a zip that holds no workbook', async () => {
    expect((await failure(() => allRows(buildZip([{ name: 'readme.txt', data: 'hello' }]), 0))).reason).toBe('missing-part');
  });

  it('refuses a workbook whose sheet part is missing', async () => {
    const parts = workbookParts({ sheets: [{ name: 'A', rows: '' }] }).filter((part) => !part.name.includes('worksheets/'));
    expect((await failure(() => allRows(buildZip(parts), 'A'))).reason).toBe('missing-part');
  });

  it('refuses a 100,000-column row early, without reading the rest of the sheet', async () => {
    // Distinct values keep the sheet as compressible as a real one, well inside the ratio limit.
    const wide = `<row r="1">${Array.from({ length: 100_000 }, (_, index) => `<c><v>${index}</v></c>`).join('')}</row>`;
    const bytes = sheetWith(`${wide}${Array.from({ length: 100_000 }, (_, index) => `<row><c><v>${index}</v></c></row>`).join('')}`);
    const progress: Array<[number, number]> = [];
    const { reason, message } = await failure(() => allRows(bytes, 0, { onProgress: (done, total) => progress.push([done, total]) }));
    expect(reason).toBe('row-too-wide');
    // Column 16,385 comes before cell 20,001: Excel itself stops at column XFD.
    expect(message).toMatch(/Row 1 of sheet "A" has a cell beyond column XFD/);
    const [done = 0, total = 0] = progress.at(-1) ?? [];
    expect(done).toBeLessThan(total / 4);
  });

  it('with wideRows "truncate", reads the 100,000-column row cut to the limit', async () => {
    const wide = `<row r="1">${Array.from({ length: 100_000 }, (_, index) => `<c><v>${index}</v></c>`).join('')}</row><row r="2"><c><v>2</v></c></row>`;
    const rows = await allRows(sheetWith(wide), 0, { wideRows: 'truncate', limits: { maxCellsPerRow: 1000 } });
    expect(rows.map((row) => [row.rowNumber, row.cells.length, row.truncated])).toEqual([
      [1, 1000, true],
      [2, 1, undefined],
    ]);
  });

  it('refuses a sheet whose XML is broken', async () => {
    expect((await failure(() => allRows(sheetWith('<row r="1"><c r="A1"><v>&bogus;</v></c></row>'), 0))).reason).toBe('bad-xml');
    // Long enough to straddle two inflated chunks, so the reader would have to hold it whole.
    const huge = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(600_000)}</t></is></c></row>`;
    expect((await failure(() => allRows(sheetWith(huge), 0, { limits: { maxTokenBytes: 100_000 } }))).reason).toBe('bad-xml');
  });
});
