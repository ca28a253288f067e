import { describe, expect, it } from 'vitest';

import type { SharedString } from './cell-value';
import { DateStyles, DateStylesBuilder, STYLE_NAMES } from './date-styles';
import { SHEET_NAMES, type SheetContext, SheetRowBuilder, type XlsxRow } from './sheet-rows';
import { isXlsxError } from './xlsx-error';
import { XmlTokenizer } from './xml-tokenizer';
import { stylesXml } from './xlsx-test-zip';

function dateStyles(ids: number[]): DateStyles {
  const builder = new DateStylesBuilder();
  const tokenizer = new XmlTokenizer(builder, { part: 'styles', names: STYLE_NAMES, maxTokenBytes: 1 << 20 });
  tokenizer.write(Buffer.from(stylesXml(ids)));
  tokenizer.end();
  return builder.build();
}

function readRows(sheetData: string, context: Partial<SheetContext> = {}, chunkSize = Infinity): XlsxRow[] {
  const builder = new SheetRowBuilder({
    sheetName: 'Sheet1',
    sharedStrings: [],
    dateStyles: DateStyles.NONE,
    date1904: false,
    maxCellsPerRow: 20_000,
    wideRows: 'error',
    ...context,
  });
  const tokenizer = new XmlTokenizer(builder, { part: 'sheet1.xml', names: SHEET_NAMES, maxTokenBytes: 1 << 20 });
  const bytes = Buffer.from(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`, 'utf8');
  const rows: XlsxRow[] = [];
  for (let at = 0; at < bytes.length; at += Math.min(chunkSize, bytes.length)) {
    tokenizer.write(bytes.subarray(at, at + chunkSize));
    rows.push(...builder.takeRows());
  }
  tokenizer.end();
  return [...rows, ...builder.takeRows()];
}

function cellsOf(sheetData: string, context: Partial<SheetContext> = {}): unknown[] {
  return readRows(sheetData, context)[0]?.cells ?? [];
}

describe('SheetRowBuilder', () => {
  it('places cells at their column from the r attribute, leaving holes', () => {
    const rows = readRows('<row r="3"><c r="B3"><v>1</v></c><c r="AB3"><v>2</v></c></row><row r="7"/>');
    expect(rows.map((row) => row.rowNumber)).toEqual([3, 7]);
    expect(rows[0]?.cells.length).toBe(28);
    expect(rows[0]?.cells[1]).toBe(1);
    expect(rows[0]?.cells[27]).toBe(2);
    expect(0 in (rows[0]?.cells ?? [])).toBe(false);
    expect(rows[1]?.cells).toEqual([]);
  });

  it('reads the same rows however the sheet is chunked', () => {
    const sheet =
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>Іван &amp; Co</t></is></c><c r="C1"><v>380931234567</v></c></row>' +
      '<row r="2"><c r="A2"><f>A1*2</f><v>4</v></c><c r="B2" t="str"><v>Шевченко</v></c></row>';
    const context = { sharedStrings: ['zero', 'one'] };
    const whole = readRows(sheet, context);
    expect(whole[0]?.cells).toEqual(['one', 'Іван & Co', 380931234567]);
    for (const size of [1, 2, 5, 13]) expect(readRows(sheet, context, size)).toEqual(whole);
  });

  it('reads numbers exactly as parseFloat would, fast path or not', () => {
    const texts = ['0', '007', '380931234567', '123456789012345', '1234567890123456789', '1e3', '1.5E+3', '-0.5', '.5', '5.', ' 5', '5 ', '', 'abc', '12abc', '&#49;2'];
    const sheet = `<row r="1">${texts.map((text) => `<c><v>${text}</v></c>`).join('')}</row>`;
    const cells = cellsOf(sheet);
    texts.forEach((text, index) => {
      expect(cells[index]).toStrictEqual(Number.parseFloat(text.replace('&#49;', '1')));
    });
  });

  it('looks shared strings up by index; a missing or empty entry is an empty cell', () => {
    const sharedStrings: SharedString[] = ['a', null, { richText: [{ text: 'r' }] }];
    const cells = cellsOf('<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>9</v></c><c t="s"><v>x</v></c></row>', { sharedStrings });
    expect(cells).toEqual(['a', undefined, { richText: [{ text: 'r' }] }]);
  });

  it('turns a number into a Date by the cell style, else the row style, as exceljs does', () => {
    // Styles: 0 general, 1 date (14), 2 text (49).
    const styles = dateStyles([0, 14, 49]);
    const cells = cellsOf('<row r="1" s="1" customFormat="1"><c><v>45356</v></c><c s="0"><v>45356</v></c><c s="2"><v>45356</v></c><c s="9"><v>45356</v></c><c s="1" t="n"><v>45356.5</v></c></row>', {
      dateStyles: styles,
    });
    const march5 = new Date(Date.UTC(2024, 2, 5));
    expect(cells).toEqual([march5, march5, 45356, march5, new Date(Date.UTC(2024, 2, 5, 12))]);
    expect(cellsOf('<row r="1"><c s="1"><v>45356</v></c></row>', { dateStyles: styles, date1904: true })).toEqual([new Date(Date.UTC(2028, 2, 6))]);
  });

  it('mirrors exceljs formula values: falsy results dropped, shared-formula followers kept raw', () => {
    const cells = cellsOf(
      '<row r="1"><c><f>A1</f><v>5</v></c><c><f>A1</f><v>0</v></c><c t="str"><f>B1</f><v>a&amp;amp;b</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c><c><f t="shared" si="0"/><v>0</v></c><c><f>NOW()</f></c></row>',
    );
    expect(cells).toEqual([
      { formula: 'A1', result: 5 },
      { formula: 'A1' },
      { formula: 'B1', result: 'a&b' },
      { formula: '1/0' },
      { formula: '', result: 0 },
      { formula: 'NOW()' },
    ]);
  });

  it('mirrors exceljs for booleans, errors and str cells, including its second entity decoding', () => {
    const cells = cellsOf('<row r="1"><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="str"><v>&amp;lt;x&amp;gt;</v></c><c t="str"><v></v></c></row>');
    expect(cells).toEqual([true, false, { error: '#N/A' }, '<x>', '']);
  });

  it('keeps every run of a rich inline string and skips its phonetic guide (exceljs keeps only the last run)', () => {
    const cells = cellsOf('<row r="1"><c t="inlineStr"><is><r><t>Іван </t></r><r><rPr><b/></rPr><t>Петренко</t></r><rPh><t>x</t></rPh></is></c></row>');
    expect(cells).toEqual(['Іван Петренко']);
  });

  it('reads t="d" ISO cells as dates (exceljs parseFloats them into 2024)', () => {
    const cells = cellsOf('<row r="1"><c t="d"><v>2024-03-05</v></c><c t="d"><v>2024-03-05T14:30:00</v></c><c t="d"><v>2024-03-05T14:30:00+02:00</v></c><c t="d"><v>soon</v></c></row>');
    expect(cells).toEqual([new Date(Date.UTC(2024, 2, 5)), new Date(Date.UTC(2024, 2, 5, 14, 30)), new Date(Date.UTC(2024, 2, 5, 12, 30)), Number.NaN]);
  });

  it('puts rows and cells without r at the next position instead of failing', () => {
    const rows = readRows('<row><c><v>1</v></c><c><v>2</v></c><c r="E5"><v>5</v></c><c><v>6</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row>');
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 2]);
    expect(rows[0]?.cells[0]).toBe(1);
    expect(rows[0]?.cells[1]).toBe(2);
    expect(rows[0]?.cells[4]).toBe(5);
    expect(rows[0]?.cells[5]).toBe(6);
    expect(rows[1]?.cells).toEqual(['x']);
  });

  it('reads a workbook written with a namespace prefix', () => {
    const rows = readRows('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c></x:row>');
    expect(rows[0]?.cells).toEqual(['prefixed']);
  });

  it('ignores rows outside sheetData and cells outside rows', () => {
    expect(readRows('<c r="A1"><v>1</v></c>')).toEqual([]);
  });

  it('refuses a row with more cells than the limit, naming the row and sheet', () => {
    const wide = `<row r="4">${'<c><v>1</v></c>'.repeat(101)}</row>`;
    let error: unknown;
    try {
      readRows(wide, { maxCellsPerRow: 100 });
    } catch (caught) {
      error = caught;
    }
    expect(isXlsxError(error, 'row-too-wide')).toBe(true);
    expect(String(error)).toMatch(/Row 4 of sheet "Sheet1" has more than 100 cells/);
    expect(readRows(`<row r="4">${'<c><v>1</v></c>'.repeat(100)}</row>`, { maxCellsPerRow: 100 })[0]?.cells).toHaveLength(100);
  });

  it('refuses a cell beyond column XFD', () => {
    expect(() => readRows('<row r="1"><c r="XFE1"><v>1</v></c></row>')).toThrow(/beyond column XFD/);
    expect(cellsOf('<row r="1"><c r="XFD1"><v>1</v></c></row>')[16_383]).toBe(1);
  });

  it('with wideRows "truncate", keeps the first cells, flags the row and goes on', () => {
    const rows = readRows(`<row r="1">${'<c><v>7</v></c>'.repeat(50)}<c r="XFE1"><v>1</v></c></row><row r="2"><c><v>8</v></c></row>`, { maxCellsPerRow: 10, wideRows: 'truncate' });
    expect(rows[0]?.truncated).toBe(true);
    expect(rows[0]?.cells).toEqual(Array.from({ length: 10 }, () => 7));
    expect(rows[1]).toEqual({ rowNumber: 2, cells: [8] });
  });
});
