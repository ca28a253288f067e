import { writeFileAtomically } from './write-file-atomically';

/**
 * CSV for people who open it in Excel: UTF-8 with a byte-order mark (without it Excel reads the
 * file in the computer's ANSI code page and Cyrillic turns to mojibake), RFC 4180 quoting and
 * CRLF line ends, and no cell that Excel would run as a formula.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

export type CsvRow = readonly string[];
export type CsvRows = Iterable<CsvRow> | AsyncIterable<CsvRow>;

export interface CsvOptions {
  /**
   * ',' by default (RFC 4180). Excel in a Ukrainian or Russian locale splits double-clicked files
   * on ';', so a caller writing for such users may choose it; quoting follows the choice.
   */
  readonly delimiter?: ',' | ';' | '\t';
}

/** Excel (and LibreOffice, Google Sheets) treat a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A number as people write it: "+380501234567", "-5", "+1 (555) 123-4567", "12.50". Such a cell
 * starts with + or -, yet it cannot hold a function name, a cell reference or a DDE payload (no
 * letters, no "|", "!", "=" or quotes), so Excel can do no harm with it; an apostrophe in front
 * would spoil the phone numbers an export exists to carry. Only plain spaces are allowed between
 * the digits: a tab or a line break could start a second, dangerous line of the cell.
 */
const PLAIN_NUMBER = /^[+-]?\d[\d ().-]*$/;

/** The cell as written to the file: a leading apostrophe when Excel would otherwise run it. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** One field: neutralised, then quoted when it holds a quote, the delimiter or a line break. */
export function csvField(cell: string, delimiter: string = ','): string {
  const safe = neutraliseFormula(cell);
  const needsQuotes = safe.includes('"') || safe.includes(delimiter) || safe.includes('\n') || safe.includes('\r');
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record with its CRLF; short rows are padded so every line has the header's width. */
export function csvLine(cells: CsvRow, width: number = cells.length, delimiter: string = ','): string {
  if (cells.length > width) {
    // A programming error, not bad input: the caller built its header from the same data.
    throw new RangeError(`A CSV row has ${cells.length} cells but the header has ${width}.`);
  }
  const fields = cells.map((cell) => csvField(cell, delimiter));
  for (let i = cells.length; i < width; i += 1) fields.push('');
  return fields.join(delimiter) + CSV_LINE_END;
}

/** Lines are gathered into pieces of about this many characters, so a write is never tiny. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The file's text in pieces: the BOM and header first, then the rows, so a caller can write a
 * million rows without ever holding them as one string.
 */
export async function* csvChunks(header: CsvRow, rows: CsvRows, options: CsvOptions = {}): AsyncGenerator<string> {
  if (header.length === 0) throw new RangeError('A CSV export needs at least one column.');
  const delimiter = options.delimiter ?? ',';
  let chunk = CSV_BOM + csvLine(header, header.length, delimiter);
  for await (const row of rows) {
    chunk += csvLine(row, header.length, delimiter);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** The whole text at once, for small tables and tests. */
export async function csvText(header: CsvRow, rows: CsvRows, options: CsvOptions = {}): Promise<string> {
  let text = '';
  for await (const chunk of csvChunks(header, rows, options)) text += chunk;
  return text;
}

/**
 * Writes the CSV beside its final name and renames it into place only once it is whole, so a
 * reader never sees half a file and a failure leaves an older file with that name untouched.
 */
export async function writeCsvFile(path: string, header: CsvRow, rows: CsvRows, options: CsvOptions = {}): Promise<void> {
  await writeFileAtomically(path, csvChunks(header, rows, options));
}
