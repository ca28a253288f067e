import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import type { CliAddOutcome } from './cli-add';
import { CliReceipts, cliReceiptBytes, cliReceiptFileName, newCliRunId } from './cli-receipt';

const ROWS: readonly CliAddOutcome[] = [
  { row: 2, device: '1', cli: '37061110001', status: 'added', message: 'CLI successfully created' },
  { row: 3, device: '999', cli: '37061110003', status: 'rejected', message: 'MOR said "Device was not found".' },
  { row: 4, device: '=HYPERLINK("http://x")', cli: '@SUM(A1)', status: 'invalid', message: '+cmd|calc' },
  { row: 5, device: '1', cli: 'sip.example.com', status: 'unknown', message: 'Пристрій, "лапки"' },
];

async function xlsxRows(bytes: Uint8Array): Promise<{ values: unknown[][]; types: number[] }> {
  const book = new ExcelJS.Workbook();
  // exceljs types its input as the older, non-generic Buffer.
  await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0]);
  const sheet = book.worksheets[0];
  const values: unknown[][] = [];
  const types: number[] = [];
  sheet?.eachRow((row) => {
    values.push((row.values as unknown[]).slice(1));
    row.eachCell((cell) => types.push(cell.type));
  });
  return { values, types };
}

describe('a CLI receipt file', () => {
  it('is CSV in UTF-8 with a BOM, English headers and status words, every row once and formula cells neutralised', async () => {
    const text = Buffer.from(await cliReceiptBytes('csv', ROWS)).toString('utf8');
    expect(text).toBe(
      '\uFEFFRow,Device,CLI,Status,Message\r\n' +
        '2,1,37061110001,added,CLI successfully created\r\n' +
        '3,999,37061110003,rejected,"MOR said ""Device was not found""."\r\n' +
        `4,"'=HYPERLINK(""http://x"")",'@SUM(A1),invalid,'+cmd|calc\r\n` +
        '5,1,sip.example.com,unknown,"Пристрій, ""лапки"""\r\n',
    );
  });

  it('holds only the header when the sheet had no rows', async () => {
    expect(Buffer.from(await cliReceiptBytes('csv', [])).toString('utf8')).toBe('\uFEFFRow,Device,CLI,Status,Message\r\n');
  });

  it('is XLSX with the same header and rows, every cell text, so nothing is ever evaluated', async () => {
    const bytes = await cliReceiptBytes('xlsx', ROWS);
    expect(Buffer.from(bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    const { values, types } = await xlsxRows(bytes);
    expect(values).toEqual([
      ['Row', 'Device', 'CLI', 'Status', 'Message'],
      ...ROWS.map((r) => [String(r.row), r.device, r.cli, r.status, r.message]),
    ]);
    expect(new Set(types)).toEqual(new Set([ExcelJS.ValueType.String]));
  });

  it('is named after the sheet, the run and the format', () => {
    expect(cliReceiptFileName('clis.csv', 'clis-0123456789ab', 'xlsx')).toBe('clis CLI receipt clis-0123456789ab.xlsx');
    expect(cliReceiptFileName('no extension', 'clis-0123456789ab', 'csv')).toBe('no extension CLI receipt clis-0123456789ab.csv');
    expect(newCliRunId()).toMatch(/^clis-[0-9a-f]{12}$/);
    expect(newCliRunId()).not.toBe(newCliRunId());
  });
});

describe('CliReceipts', () => {
  it('exports a kept run by its id, and forgets the oldest beyond the ones it keeps', async () => {
    const receipts = new CliReceipts(2);
    receipts.add('clis-000000000001', 'a.csv', ROWS.slice(0, 1));
    receipts.add('clis-000000000002', 'b.xlsx', ROWS.slice(1, 2));
    receipts.add('clis-000000000003', 'c.csv', ROWS.slice(2));
    await expect(receipts.export('clis-000000000001', 'csv')).rejects.toMatchObject({ code: 'not-found' });
    const kept = await receipts.export('clis-000000000002', 'csv');
    expect(kept.fileName).toBe('b CLI receipt clis-000000000002.csv');
    expect(Buffer.from(kept.bytes).toString('utf8').split('\r\n').slice(1, -1)).toEqual(['3,999,37061110003,rejected,"MOR said ""Device was not found""."']);
    await expect(receipts.export('clis-ffffffffffff', 'xlsx')).rejects.toThrow(/no receipt of CLI run clis-ffffffffffff/);
  });
});
