import type { SheetNote } from '../../../../shared/sheet-notes';
import type { SheetSettings } from '../../../../shared/sheet-schemas';
import { UserError } from '../../user-error';
import { ReaderNotes } from '../sheet-note';
import { cellToText, listXlsxSheets, readXlsxRowBatches, type CellValue, type XlsxRow } from '../xlsx/read-xlsx';
import { MAX_COLUMNS, type RecordBatch, type RecordStream } from './record-batch';

/** A workbook's sheet as the window lists it. */
export interface SheetChoice {
  index: number;
  name: string;
  hidden: boolean;
}

export interface XlsxSource {
  sheets: SheetChoice[];
  sheet: number;
  /** What the reader noticed, coded; grows while the records are read. */
  sheetNotes: SheetNote[];
  /** The same notes in English. */
  notes: string[];
  records: RecordStream;
}

function texts(cells: readonly (CellValue | undefined)[]): string[] {
  const width = Math.min(cells.length, MAX_COLUMNS);
  const out = new Array<string>(width);
  for (let i = 0; i < width; i += 1) {
    const cell = cells[i];
    out[i] = cell === undefined ? '' : cellToText(cell);
  }
  return out;
}

/**
 * A workbook's chosen sheet (the first visible one unless the user picks another) as records of
 * text, numbers with all their digits. Empty rows are not in the file at all, so row numbers jump
 * as Excel's do.
 */
/** The reader's messages say what is wrong with "this workbook"; the user also needs to know which one. */
function named(fileName: string, error: unknown): unknown {
  return error instanceof UserError ? new UserError(error.code, `${fileName}: ${error.message} Nothing else was changed.`) : error;
}

export function openXlsxSource(bytes: Uint8Array, fileName: string, settings: SheetSettings): XlsxSource {
  let listed: ReturnType<typeof listXlsxSheets>;
  try {
    listed = listXlsxSheets(bytes);
  } catch (error) {
    throw named(fileName, error);
  }
  const sheets = listed.map((s) => ({ index: s.index, name: s.name, hidden: s.state !== 'visible' }));
  if (sheets.length === 0) {
    throw new UserError('unreadable', `${fileName} has no worksheets (only charts, or nothing). Nothing was loaded.`);
  }
  const sheet = settings.sheet ?? sheets.find((s) => !s.hidden)?.index ?? 0;
  if (sheet >= sheets.length) {
    throw new UserError('bad-input', `${fileName} has ${sheets.length} ${sheets.length === 1 ? 'sheet' : 'sheets'}; there is no sheet ${sheet + 1}.`);
  }
  const notes = new ReaderNotes();
  if (sheets.length > 1) notes.add({ code: 'several-sheets', fileName, count: sheets.length, sheet: sheets[sheet]?.name ?? '' });
  let fraction = 0;
  let wideNoted = false;
  async function* records(): AsyncGenerator<RecordBatch> {
    const batches = readXlsxRowBatches(bytes, sheet, {
      wideRows: 'truncate',
      onProgress: (done, total) => (fraction = total > 0 ? done / total : 1),
    });
    try {
      for await (const batch of batches) yield convert(batch);
    } catch (error) {
      throw named(fileName, error);
    }
  }
  function convert(batch: XlsxRow[]): RecordBatch {
    const wide = batch.find((row) => row.cells.length > MAX_COLUMNS);
    if (wide && !wideNoted) {
      wideNoted = true;
      notes.add({ code: 'wide-row', row: wide.rowNumber, limit: MAX_COLUMNS });
    }
    return {
      records: batch.map((row) => texts(row.cells)),
      rowNumbers: batch.map((row) => row.rowNumber),
      bytesRead: Math.round(bytes.length * fraction),
    };
  }
  return { sheets, sheet, sheetNotes: notes.coded, notes: notes.texts, records: records() };
}
