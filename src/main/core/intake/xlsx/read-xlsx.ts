import { SHEET_NAMES, SheetRowBuilder, type WideRowPolicy, type XlsxRow } from './sheet-rows';
import { readDateStyles, readSharedStrings, readWorkbookInfo, type WorkbookInfo, type WorkbookSheet, type XlsxSheetInfo } from './workbook';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits';
import { XlsxError, xlsxErrors } from './xlsx-error';
import { parseXmlPartInChunks } from './xml-part';
import { ZipArchive } from './zip-reader';

export { cellToText } from './cell-text';
export type { CellValue, ErrorValue, FormulaValue, RichTextRun, RichTextValue } from './cell-value';
export type { WideRowPolicy, XlsxRow } from './sheet-rows';
export type { SheetState, XlsxSheetInfo } from './workbook';
export type { XlsxLimits } from './xlsx-limits';
export { isXlsxError, XlsxError, type XlsxErrorReason } from './xlsx-error';

export interface XlsxReadOptions {
  limits?: Partial<XlsxLimits>;
  /** A row with more cells than `maxCellsPerRow`: refuse the file (default) or keep the first cells and flag the row. */
  wideRows?: WideRowPolicy;
  /** After each chunk of the sheet: bytes of sheet XML read so far, and in all. */
  onProgress?: (done: number, total: number) => void;
}

interface OpenedWorkbook {
  zip: ZipArchive;
  info: WorkbookInfo;
  limits: XlsxLimits;
}

function openWorkbook(bytes: Uint8Array, options: XlsxReadOptions): OpenedWorkbook {
  const limits = { ...DEFAULT_XLSX_LIMITS, ...options.limits };
  const zip = ZipArchive.open(bytes, limits);
  return { zip, info: readWorkbookInfo(zip, limits), limits };
}

function publicInfo(sheet: WorkbookSheet): XlsxSheetInfo {
  return { index: sheet.index, name: sheet.name, state: sheet.state };
}

/** The workbook's worksheets in tab order, hidden ones included (their `state` says so). */
export function listXlsxSheets(bytes: Uint8Array, options: Pick<XlsxReadOptions, 'limits'> = {}): XlsxSheetInfo[] {
  return openWorkbook(bytes, options).info.sheets.map(publicInfo);
}

function pickSheet(info: WorkbookInfo, sheet: number | string): WorkbookSheet {
  const found =
    typeof sheet === 'number'
      ? info.sheets[sheet]
      : (info.sheets.find((candidate) => candidate.name === sheet) ??
        // Excel treats sheet names case-insensitively, so no two can differ only in case.
        info.sheets.find((candidate) => candidate.name.toLowerCase() === sheet.toLowerCase()));
  if (found !== undefined) return found;
  const names = info.sheets.map((candidate) => `"${candidate.name}"`).join(', ');
  const asked = typeof sheet === 'number' ? `number ${sheet + 1}` : `"${sheet}"`;
  throw new XlsxError('sheet-not-found', `This workbook has no sheet ${asked}. Its sheets are: ${names || 'none'}. Pick one of those.`);
}

/**
 * The rows of one worksheet, a chunk's worth at a time (a few thousand rows per batch), in
 * file order. `sheet` is a position from listXlsxSheets or a sheet name. Memory stays at the
 * shared-strings table plus a few inflated chunks, whatever the sheet's size.
 */
export async function* readXlsxRowBatches(bytes: Uint8Array, sheet: number | string, options: XlsxReadOptions = {}): AsyncGenerator<XlsxRow[], void, undefined> {
  const { zip, info, limits } = openWorkbook(bytes, options);
  const chosen = pickSheet(info, sheet);
  const entry = chosen.partPath === undefined ? undefined : zip.find(chosen.partPath);
  if (entry === undefined) throw xlsxErrors.missingPart(chosen.partPath ?? `the part of sheet "${chosen.name}"`);
  const dateStyles = readDateStyles(zip, info, limits);
  const sharedStrings = await readSharedStrings(zip, info, limits);
  const builder = new SheetRowBuilder({
    sheetName: chosen.name,
    sharedStrings,
    dateStyles,
    date1904: info.date1904,
    maxCellsPerRow: limits.maxCellsPerRow,
    wideRows: options.wideRows ?? 'error',
  });
  for await (const done of parseXmlPartInChunks(zip, entry, builder, SHEET_NAMES, limits)) {
    options.onProgress?.(done, entry.uncompressedSize);
    const rows = builder.takeRows();
    if (rows.length > 0) yield rows;
  }
  const rest = builder.takeRows();
  if (rest.length > 0) yield rest;
}

/**
 * Hands out the rows of the batches one at a time. Written by hand because an async generator
 * costs about three times as much per row, which is a tenth of the whole read at 500,000 rows.
 */
class RowsOfBatches implements AsyncIterableIterator<XlsxRow> {
  private readonly batches: AsyncGenerator<XlsxRow[], void, undefined>;
  private batch: XlsxRow[] = [];
  private index = 0;

  constructor(batches: AsyncGenerator<XlsxRow[], void, undefined>) {
    this.batches = batches;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<XlsxRow, undefined>> {
    const row = this.batch[this.index];
    if (row === undefined) return this.nextBatch();
    this.index++;
    return Promise.resolve({ done: false, value: row });
  }

  /** Called when a for-await loop is left early: stops inflating and parsing. */
  async return(): Promise<IteratorResult<XlsxRow, undefined>> {
    this.batch = [];
    await this.batches.return();
    return { done: true, value: undefined };
  }

  private async nextBatch(): Promise<IteratorResult<XlsxRow, undefined>> {
    const next = await this.batches.next();
    if (next.done === true) return { done: true, value: undefined };
    this.batch = next.value;
    this.index = 0;
    return this.next();
  }
}

/** The rows of one worksheet, one at a time, for `for await`; see readXlsxRowBatches. */
export function readXlsxRows(bytes: Uint8Array, sheet: number | string, options: XlsxReadOptions = {}): AsyncIterableIterator<XlsxRow> {
  return new RowsOfBatches(readXlsxRowBatches(bytes, sheet, options));
}
