import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { splitIvrPollResults } from '../providers/mor/answer';
import { DEMO_IVR_POLL_RESULTS } from '../simulator/demo-seed';
import { type IvrResultsExport, ivrResultsBytes, ivrResultsFileName, ivrResultsHeader } from './ivr-results';

function results(raw: string): IvrResultsExport {
  const rows = splitIvrPollResults(raw);
  return { campaign: 1, header: ivrResultsHeader(rows), rows, raw };
}

describe('an IVR results file', () => {
  it('is CSV in UTF-8 with a BOM, the CLI’s numbered header, one line per result and formula cells neutralised', async () => {
    const text = Buffer.from(await ivrResultsBytes('csv', results(`${DEMO_IVR_POLL_RESULTS}\n=1+1,Київ`))).toString('utf8');
    expect(text).toBe(
      '\uFEFFfield_1,field_2,field_3\r\n' + '1111,,\r\n' + '2222,2020-01-01 01:01:01,2090-12-31 23:59:59\r\n' + "'=1+1,Київ,\r\n",
    );
  });

  it('holds only the header when MOR has no results yet', async () => {
    const text = Buffer.from(await ivrResultsBytes('csv', results(''))).toString('utf8');
    expect(text).toBe('\uFEFFfield_1\r\n');
  });

  it('is XLSX with the same header and rows, read back as text', async () => {
    const bytes = await ivrResultsBytes('xlsx', results(DEMO_IVR_POLL_RESULTS));
    expect(Buffer.from(bytes).subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    // exceljs types its input as the older, non-generic Buffer.
    await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    const values = [1, 2, 3].map((r) => (sheet?.getRow(r).values as unknown[]).slice(1));
    expect(values).toEqual([['field_1', 'field_2', 'field_3'], ['1111'], ['2222', '2020-01-01 01:01:01', '2090-12-31 23:59:59']]);
    expect(sheet?.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  it('is named after the campaign and the format', () => {
    expect(ivrResultsFileName(7, 'xlsx')).toBe('IVR results campaign 7.xlsx');
  });
});
