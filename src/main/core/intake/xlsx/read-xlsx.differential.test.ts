import { describe, expect, it } from 'vitest';

import {
  handWritten1904Workbook,
  handWrittenWorkbook,
  readWithExceljs,
  readWithOurs,
  streamedWorkbook,
  workbookOfEverything,
} from './xlsx-test-corpus';

/**
 * The reader promises exceljs's values, cell by cell. Each workbook is read by exceljs's
 * streaming WorkbookReader (styles cached, so dates are dates) and by ours, and compared whole.
 */
describe('readXlsxRows gives the same values as exceljs WorkbookReader', () => {
  const corpus: Array<[string, () => Promise<Buffer> | Buffer]> = [
    ['exceljs Workbook with every value type and sheet state', () => workbookOfEverything()],
    ['exceljs Workbook in the 1904 date system', () => workbookOfEverything({ date1904: true })],
    ['exceljs WorkbookWriter with shared strings', () => streamedWorkbook(true)],
    ['exceljs WorkbookWriter with inline (t="str") strings', () => streamedWorkbook(false)],
    ['hand-written parts: inline strings, styles, formulas, entities', () => handWrittenWorkbook()],
    ['hand-written 1904 workbook', () => handWritten1904Workbook()],
  ];

  it.each(corpus)('%s', async (_name, build) => {
    const bytes = await build();
    const theirs = await readWithExceljs(bytes);
    const ours = await readWithOurs(bytes);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, rows] of theirs) expect({ name, rows: ours.get(name) }).toEqual({ name, rows });
  });

  it('is not vacuous: the corpus holds every kind of value', async () => {
    const ours = await readWithOurs(await workbookOfEverything());
    const values = [...ours.values()].flatMap((rows) => rows.flatMap((row) => row.cells.map(([, value]) => value)));
    const kinds = new Set(values.map((value) => (typeof value === 'object' && value !== null ? Object.keys(value).sort().join('+') : typeof value)));
    expect([...kinds].sort()).toEqual(['boolean', 'date', 'error', 'formula', 'formula+result', 'number', 'richText', 'string'].sort());
  });
});
