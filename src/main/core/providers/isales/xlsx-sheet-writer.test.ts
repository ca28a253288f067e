import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { cellToText, readXlsxRows, type XlsxRow } from '../../intake/xlsx/read-xlsx';
import { MAX_BACKLOG_BYTES, sheetBacklogStream, XlsxSheetWriter } from './xlsx-sheet-writer';

async function readBack(bytes: Uint8Array): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readXlsxRows(bytes, 0)) rows.push(row);
  return rows;
}

async function written(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Promise<Uint8Array> {
  const writer = new XlsxSheetWriter('Sheet1', header);
  for (const row of rows) await writer.addRow(row);
  return writer.finish();
}

describe('XlsxSheetWriter', () => {
  it('writes the header in row 1 and every value as a string cell', async () => {
    const rows = await readBack(await written(['a', 'b', 'c'], [['0931234567', '00', '1e5'], ['x', '', 'Ї']]));
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 2, 3]);
    expect(rows[0]?.cells).toEqual(['a', 'b', 'c']);
    expect(rows[1]?.cells).toEqual(['0931234567', '00', '1e5']);
    // An empty string is a blank cell, not an empty text cell.
    expect(rows[2]?.cells).toEqual(['x', undefined, 'Ї']);
  });

  it('reports the rows written, the header not counted', async () => {
    const writer = new XlsxSheetWriter('Sheet1', ['a']);
    await writer.addRow(['1']);
    await writer.addRow(['2']);
    expect(writer.rows).toBe(2);
    await writer.finish();
  });

  it('finds the backlog handle inside exceljs, so the memory bound is really in force', () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: false });
    expect(sheetBacklogStream(workbook.addWorksheet('S'))).toBeDefined();
    expect(sheetBacklogStream({})).toBeUndefined();
    expect(sheetBacklogStream({ stream: { pipes: [{}] } })).toBeUndefined();
  });

  it('keeps the uncompressed backlog bounded while rows are added', async () => {
    const writer = new XlsxSheetWriter('Sheet1', ['id', 'text']);
    let peak = 0;
    for (let i = 0; i < 30_000; i++) {
      await writer.addRow([`row-${i}`, `some text to compress ${i} ${'z'.repeat(200)}`]);
      peak = Math.max(peak, writer.backlogBytes ?? Number.POSITIVE_INFINITY);
    }
    const rows = await readBack(await writer.finish());
    expect(rows).toHaveLength(30_001);
    // 30,000 rows are about 10 MB of XML. On top of the bound: one check interval's rows
    // (256 of about 330 bytes) and the 64 KB batch exceljs hands on at a time.
    expect(peak).toBeLessThan(MAX_BACKLOG_BYTES + 256 * 400 + 64 * 1024);
  });

  it('shows why some characters are refused: exceljs drops controls and XML turns CR LF into LF', async () => {
    const [, row] = await readBack(await written(['a', 'b'], [['x\u0001y', 'a\r\nb']]));
    expect(row?.cells.map((cell) => cellToText(cell))).toEqual(['xy', 'a\nb']);
  });
});
