import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { receiptBytes } from './receipt-export';

const rows = [
  ['2', '380501234567', 'imported', 'Ringostat added the number to the campaign.'],
  ['3', '=HYPERLINK("http://x")', 'invalid', 'Not sent: "=1+1" is not a number; Київ'],
];

describe('a receipt file', () => {
  it('is CSV in UTF-8 with a BOM, CRLF lines, and formula cells neutralised', async () => {
    const text = Buffer.from(await receiptBytes('csv', rows)).toString('utf8');
    expect(text.startsWith('\uFEFFRow,Number,Status,Message\r\n')).toBe(true);
    expect(text).toContain('2,380501234567,imported,Ringostat added the number to the campaign.\r\n');
    expect(text).toContain(`3,"'=HYPERLINK(""http://x"")",invalid,"Not sent: ""=1+1"" is not a number; Київ"`);
  });

  it('is XLSX whose cells are text, read back the same', async () => {
    const bytes = await receiptBytes('xlsx', rows);
    expect(Buffer.from(bytes).subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    // exceljs types its input as the older, non-generic Buffer.
    await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    const values = [1, 2, 3].map((r) => (sheet?.getRow(r).values as unknown[]).slice(1));
    expect(values).toEqual([['Row', 'Number', 'Status', 'Message'], ...rows]);
    expect(sheet?.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});
