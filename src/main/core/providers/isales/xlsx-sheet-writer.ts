import { EventEmitter, once } from 'node:events';
import { Writable } from 'node:stream';

import ExcelJS from 'exceljs';

/** Rows written between looks at the backlog: often enough to bound it, rarely enough to cost nothing. */
const CHECK_EVERY_ROWS = 256;
/** Uncompressed sheet XML allowed to wait for the compressor, about 3,000 call-data rows. */
export const MAX_BACKLOG_BYTES = 1024 * 1024;

/**
 * exceljs 4.4's sheet stream (StreamBuf) writes into the zip's input without ever waiting for
 * it, so a loop that adds rows faster than zlib compresses them piles the whole uncompressed
 * sheet up in memory (about 300 MB at 500,000 rows). The stream it writes into is the one
 * public-enough handle on that backlog. Returns undefined if exceljs no longer looks like this;
 * the writer then still works, only without the bound (the test for this file catches it).
 */
export function sheetBacklogStream(sheet: unknown): (EventEmitter & { readonly _writableState: { readonly length: number } }) | undefined {
  const stream: unknown = typeof sheet === 'object' && sheet !== null && 'stream' in sheet ? sheet.stream : undefined;
  const pipes: unknown = typeof stream === 'object' && stream !== null && 'pipes' in stream ? stream.pipes : undefined;
  const pipe: unknown = Array.isArray(pipes) && pipes.length === 1 ? pipes[0] : undefined;
  if (!(pipe instanceof EventEmitter) || !('_writableState' in pipe)) return undefined;
  const state = pipe._writableState;
  if (typeof state !== 'object' || state === null || !('length' in state) || typeof state.length !== 'number') return undefined;
  return pipe as EventEmitter & { readonly _writableState: { readonly length: number } };
}

/**
 * One worksheet written row by row with exceljs's streaming WorkbookWriter into memory. Text
 * goes in as inline strings (t="str"), not a shared-strings table: every sessionId and called
 * cell is unique, so a table would only hold the whole file's text in memory until the end.
 */
export class XlsxSheetWriter {
  private readonly chunks: Buffer[] = [];
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly backlog: ReturnType<typeof sheetBacklogStream>;
  private sinceCheck = 0;
  private rowCount = 0;

  constructor(sheetName: string, header: readonly string[]) {
    // A Writable, not a PassThrough: exceljs resolves commit() on 'finish', and only a
    // Writable has taken every chunk by then.
    const output = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.chunks.push(chunk);
        done();
      },
    });
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
    this.sheet = this.workbook.addWorksheet(sheetName);
    this.backlog = sheetBacklogStream(this.sheet);
    this.sheet.addRow([...header]).commit();
  }

  /** Data rows written so far, the header not counted. */
  get rows(): number {
    return this.rowCount;
  }

  /** Sheet XML written but not yet taken by the compressor; undefined without the handle. */
  get backlogBytes(): number | undefined {
    return this.backlog?._writableState.length;
  }

  /** An empty string leaves the cell out, as Excel does for a blank cell. */
  async addRow(cells: readonly string[]): Promise<void> {
    this.sheet.addRow(cells.map((cell) => (cell === '' ? null : cell))).commit();
    this.rowCount++;
    if (++this.sinceCheck < CHECK_EVERY_ROWS) return;
    this.sinceCheck = 0;
    await this.waitForCompressor();
  }

  private async waitForCompressor(): Promise<void> {
    if (this.backlog === undefined) {
      // Without the handle, giving zlib's callbacks a turn is the best left.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return;
    }
    while (this.backlog._writableState.length > MAX_BACKLOG_BYTES) await once(this.backlog, 'drain');
  }

  /** Closes the workbook; the writer cannot be used afterwards. */
  async finish(): Promise<Uint8Array> {
    this.sheet.commit();
    await this.workbook.commit();
    return Buffer.concat(this.chunks);
  }
}
