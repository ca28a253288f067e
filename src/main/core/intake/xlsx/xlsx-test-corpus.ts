/**
 * Test support: real-shaped workbooks written by exceljs (both writers) and by hand, and a way to
 * read any workbook with exceljs's streaming WorkbookReader and with ours into the same shape.
 */
import { PassThrough, Readable } from 'node:stream';

import ExcelJS from 'exceljs';

import { listXlsxSheets, readXlsxRows } from './read-xlsx';
import { buildWorkbook, stylesXml } from './xlsx-test-zip';

/** A row as [column index from 0, comparable value] pairs, so holes and trailing gaps compare alike. */
export interface ComparableRow {
  rowNumber: number;
  cells: Array<[number, unknown]>;
}

export type ComparableSheets = Map<string, ComparableRow[]>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Dates by time, NaN by name, rich-text runs by text only: the parts both readers promise alike. */
export function comparable(value: unknown): unknown {
  if (value instanceof Date) return { date: Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (Array.isArray(value)) return value.map(comparable);
  if (!isRecord(value)) return value;
  if (Array.isArray(value.richText)) {
    return { richText: (value.richText as unknown[]).map((run) => (isRecord(run) ? (run.text ?? '') : run)) };
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, comparable(inner)]));
}

function comparableCells(values: readonly unknown[], firstColumn: number): Array<[number, unknown]> {
  const cells: Array<[number, unknown]> = [];
  values.forEach((value, index) => {
    if (index >= firstColumn && value !== undefined) cells.push([index - firstColumn, comparable(value)]);
  });
  return cells;
}

/**
 * exceljs's WorkbookReader sometimes reads a worksheet before its own workbook model is there and
 * throws "Cannot read properties of undefined (reading 'sheets')" (exceljs/exceljs#962); on a
 * loaded machine it happens to good files. It is the oracle's race, so the oracle is asked again.
 */
export async function readWithExceljs(bytes: Buffer): Promise<ComparableSheets> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await readWithExceljsOnce(bytes);
    } catch (error) {
      const race = error instanceof TypeError && error.message.includes("reading 'sheets'");
      if (!race || attempt === 3) throw error;
    }
  }
}

async function readWithExceljsOnce(bytes: Buffer): Promise<ComparableSheets> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { styles: 'cache' });
  const sheets: ComparableSheets = new Map();
  for await (const sheet of reader) {
    const rows: ComparableRow[] = [];
    // exceljs's typings omit the name its WorksheetReader carries.
    sheets.set((sheet as unknown as { name: string }).name, rows);
    for await (const row of sheet) rows.push({ rowNumber: row.number, cells: comparableCells(row.values as unknown[], 1) });
  }
  return sheets;
}

export async function readWithOurs(bytes: Buffer): Promise<ComparableSheets> {
  const sheets: ComparableSheets = new Map();
  for (const sheet of listXlsxSheets(bytes)) {
    const rows: ComparableRow[] = [];
    sheets.set(sheet.name, rows);
    for await (const row of readXlsxRows(bytes, sheet.index)) rows.push({ rowNumber: row.rowNumber, cells: comparableCells(row.cells, 0) });
  }
  return sheets;
}

const PHONE = 380931234567;

/** Text that must come through untouched: Cyrillic, markup characters, spaces, newlines, emoji. */
export const AWKWARD_TEXTS = [
  'Шевченко Тарас Григорович',
  'ґєїі ҐЄЇІ ёЁ ыЫ',
  '<b>bold</b> & "quoted" \'apostrophe\'',
  '&lt; stays as typed',
  '  leading and trailing spaces  ',
  'line one\nline two',
  'tab\there',
  '📞 +38 (093) 123-45-67',
  '3.8093E+11',
  '0380931234567',
];

function fillEverything(sheet: ExcelJS.Worksheet): void {
  sheet.getCell('A1').value = 'Phone';
  sheet.getCell('B1').value = 'Name';
  sheet.getCell('C1').value = 'Note';
  sheet.getCell('A2').value = PHONE;
  sheet.getCell('B2').value = 'Шевченко Тарас';
  sheet.getCell('C2').value = { richText: [{ text: 'Іван ', font: { bold: true } }, { text: 'Петренко', font: { italic: true } }] };
  sheet.getCell('A3').value = 3.8093e11;
  sheet.getCell('B3').value = '3.8093E+11';
  sheet.getCell('C3').value = true;
  sheet.getCell('D3').value = false;
  sheet.getCell('A4').value = new Date(Date.UTC(2024, 2, 5));
  sheet.getCell('B4').value = new Date(Date.UTC(2024, 2, 5, 14, 30, 15));
  sheet.getCell('C4').value = new Date(Date.UTC(2024, 2, 5));
  sheet.getCell('C4').numFmt = 'dd.mm.yyyy';
  sheet.getCell('D4').value = 45356.25;
  sheet.getCell('D4').numFmt = 'h:mm';
  sheet.getCell('E4').value = 1234.5;
  sheet.getCell('E4').numFmt = '#,##0.00';
  sheet.getCell('F4').value = PHONE;
  sheet.getCell('F4').numFmt = '"tel:" 0';
  sheet.getCell('G4').value = 0.25;
  sheet.getCell('G4').numFmt = '0%';
  sheet.getCell('A5').value = { formula: 'A2*2', result: PHONE * 2 };
  sheet.getCell('B5').value = { formula: 'CONCAT("a","b")', result: 'ab' };
  sheet.getCell('C5').value = { formula: 'A2*0', result: 0 };
  sheet.getCell('D5').value = { formula: 'NA()', result: { error: '#N/A' } };
  sheet.getCell('E5').value = { formula: 'TRUE()', result: true };
  sheet.getCell('F5').value = { formula: 'NOW()' };
  sheet.getCell('A6').value = { error: '#DIV/0!' };
  sheet.getCell('B6').value = { text: 'a link', hyperlink: 'https://example.com/' };
  sheet.getCell('C6').value = -2.25;
  sheet.getCell('D6').value = 0.1 + 0.2;
  sheet.getCell('E6').value = 1e-7;
  sheet.getCell('F6').value = 123456789012345;
  sheet.getCell('G6').value = 0;
  AWKWARD_TEXTS.forEach((text, index) => {
    sheet.getCell(8, index + 1).value = text;
  });
  // Sparse: far columns, and rows that skip numbers.
  sheet.getCell('Z20').value = 'far right';
  sheet.getCell('AB21').value = 42;
  sheet.getCell('A100').value = 'after a gap';
  sheet.mergeCells('A30:C30');
  sheet.getCell('A30').value = 'merged';
}

/** Every value type exceljs's in-memory Workbook writes, over visible, hidden and empty sheets. */
export async function workbookOfEverything(options: { date1904?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904 === true) workbook.properties.date1904 = true;
  fillEverything(workbook.addWorksheet('Контакти'));
  const hidden = workbook.addWorksheet('Hidden one', { state: 'hidden' });
  hidden.addRow(['secret', 1]);
  const veryHidden = workbook.addWorksheet('Very hidden', { state: 'veryHidden' });
  veryHidden.addRow(['deeper', 2]);
  workbook.addWorksheet('Empty');
  const shared = workbook.addWorksheet('R&D <sheet>');
  shared.getCell('A1').value = 2;
  shared.getCell('A2').value = 3;
  // exceljs reads shareType and ref, though its typings leave them out.
  shared.getCell('B1').value = { formula: 'A1*10', result: 20, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
  shared.getCell('B2').value = { sharedFormula: 'B1', result: 30 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The streaming WorkbookWriter, with and without a shared-strings table. */
export async function streamedWorkbook(useSharedStrings: boolean, rows = 300): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings, useStyles: true });
  const sheet = writer.addWorksheet('Streamed');
  sheet.addRow(['Phone', 'Name', 'Joined', 'Active']).commit();
  for (let index = 1; index <= rows; index++) {
    const row = sheet.addRow([PHONE + index, `${AWKWARD_TEXTS[index % AWKWARD_TEXTS.length] ?? ''} ${index}`, new Date(Date.UTC(2020, 0, index)), index % 3 === 0]);
    row.commit();
  }
  sheet.commit();
  const second = writer.addWorksheet('Second');
  second.addRow(['only row']).commit();
  second.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

/** Written by hand: what Excel and other tools write that exceljs's writers never do. */
export function handWrittenWorkbook(): Buffer {
  return buildWorkbook({
    sharedStrings: [
      '<si><t>plain</t></si>',
      '<si><r><t>rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text </t></r></si>',
      '<si><t/></si>',
      '<si><t>&#x0406;&#1074;&#x430;&#x43D; &amp; Co &lt;ok&gt;</t></si>',
      '<si><t>crlf\r\nline</t></si>',
    ],
    // Styles: 0 general, 1 built-in date 14, 2 custom date, 3 text "@", 4 custom non-date, 5 time 21, 6 id 164 escaped.
    styles: stylesXml([0, 14, 165, 49, 166, 21, 167], { 165: 'dd/mm/yyyy', 166: '0.000', 167: '\\d\\a\\y 0' }),
    sheets: [
      {
        name: 'Raw',
        rows:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>99</v></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>inline Іван</t></is></c><c r="B2" t="str"><v>str &amp;amp; value</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#REF!</v></c><c r="F2" t="n"><v>380931234567</v></c></row>' +
          '<row r="3"><c r="A3" s="1"><v>45356</v></c><c r="B3" s="2"><v>45356.5</v></c><c r="C3" s="3"><v>42</v></c><c r="D3" s="4"><v>1.5</v></c><c r="E3" s="5"><v>0.75</v></c><c r="F3" s="6"><v>3</v></c><c r="G3" s="0"><v>45356</v></c><c r="H3" s="77"><v>45356</v></c></row>' +
          '<row r="4" s="1" customFormat="1"><c r="A4"><v>45356</v></c><c r="B4" s="3"><v>45356</v></c><c r="C4" s="77"><v>45356</v></c><c r="D4" t="s"><v>0</v></c><c r="E4" s="0"><v>45356</v></c></row>' +
          '<row r="5"><c r="A5"><f>SUM(A1:A2)</f><v>0</v></c><c r="B5"><f t="shared" ref="B5:B6" si="0">A5+1</f><v>1</v></c><c r="C5" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E5"><f>A1</f></c></row>' +
          '<row r="6"><c r="B6"><f t="shared" si="0"/><v>2</v></c><c r="C6"><f t="shared" si="0"/><v>0</v></c><c r="D6" s="1"/><c r="E6"><v></v></c><c r="F6"><v>1.5E+3</v></c><c r="G6"><v>-0.5</v></c></row>' +
          '<row r="7"/>' +
          '<row r="9" spans="1:2"><c r="$B$9"><v>7</v></c><c r="AA9"><v>8</v></c></row>',
      },
      { name: 'Hidden', state: 'hidden', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>' },
    ],
  });
}

/** A 1904-date-system workbook written by hand, with a date-styled cell. */
export function handWritten1904Workbook(): Buffer {
  return buildWorkbook({
    date1904: true,
    styles: stylesXml([0, 14]),
    sheets: [{ name: 'Mac', rows: '<row r="1"><c r="A1" s="1"><v>43891</v></c><c r="B1"><v>43891</v></c></row>' }],
  });
}
