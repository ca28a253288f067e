import { buildCallDataRow, CALL_DATA_COLUMNS, type CallDataProblem, type CallDataReason, type CallDataRow } from './calldata-row';
import { sessionIdsFor } from './calldata-session-id';
import { cellTextProblems } from './xlsx-cell-text';
import { XlsxSheetWriter } from './xlsx-sheet-writer';

/** The seed's restriction: at most 500,000 records imported from one file. */
export const MAX_ROWS_PER_FILE = 500_000;

// Often enough for a progress bar to move, rarely enough to cost nothing.
const PROGRESS_EVERY = 1000;

/** One contact bound for an iSales campaign, with the source row the receipt names it by. */
export interface CallDataContact {
  readonly sourceRow: number;
  /** Empty or absent: one is generated from the base name and the source row. */
  readonly sessionId?: string;
  /** Already in iSales dial format (0-9 * #, at most 24 characters); dialled in this order. */
  readonly numbers: readonly string[];
  readonly caller?: string;
  readonly callData?: string;
  readonly customField?: string;
  /** yyyy-mm-dd hh:mm:ss */
  readonly recycleTime?: string;
}

/** A written row: iSales reports results by sessionId, and this maps one back to its source row. */
export interface CallDataEntry {
  readonly sourceRow: number;
  readonly sessionId: string;
  readonly numbers: readonly string[];
}

export interface CallDataFile {
  /** baseName-1.xlsx, baseName-2.xlsx, ... */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The rows of this file, in sheet order (entries[0] is sheet row 2). */
  readonly entries: readonly CallDataEntry[];
}

export interface CallDataFileProblem {
  readonly field: string;
  /** The template rules' reasons, and `duplicate` for a sessionId an earlier row already has. */
  readonly reason: CallDataReason | 'duplicate';
  readonly message: string;
}

export interface RejectedContact {
  readonly sourceRow: number;
  readonly problems: readonly CallDataFileProblem[];
}

export interface CallDataFilesProgress {
  /** Contacts taken from the input so far. */
  readonly contacts: number;
  readonly written: number;
  readonly rejected: number;
}

export interface CallDataFileOptions {
  /**
   * File name stem, also part of generated sessionIds. Runs of characters outside
   * [A-Za-z0-9._-] become one underscore, so the name is safe on the file server and in the
   * uploadFileServer request.
   */
  readonly baseName: string;
  /** 1 to 500,000; smaller files make a failed import cheaper to redo. */
  readonly rowsPerFile?: number;
  /** Intelligent-IVR flows parse callData as JSON, so for them it must be JSON. */
  readonly requireJsonCallData?: boolean;
  /** Every 1,000 contacts and once at the end. */
  readonly onProgress?: (progress: CallDataFilesProgress) => void;
}

export interface CallDataFiles {
  readonly files: readonly CallDataFile[];
  /** Contacts left out of every file, in input order, with every reason at once. */
  readonly rejected: readonly RejectedContact[];
}

function fileStem(baseName: string): string {
  const stem = baseName
    .replace(/\.xlsx$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return stem === '' ? 'calldata' : stem;
}

function checkRowsPerFile(rowsPerFile: number): void {
  if (!Number.isSafeInteger(rowsPerFile) || rowsPerFile < 1 || rowsPerFile > MAX_ROWS_PER_FILE) {
    throw new RangeError(`rowsPerFile must be a whole number from 1 to ${MAX_ROWS_PER_FILE}, not ${rowsPerFile}.`);
  }
}

// recycleTime and the numbers have character rules of their own; these free-text fields don't.
function characterProblems(contact: CallDataContact, sessionId: string): CallDataProblem[] {
  return [
    ...cellTextProblems('sessionId', sessionId),
    ...cellTextProblems('caller', contact.caller ?? ''),
    ...cellTextProblems('callData', contact.callData ?? ''),
    ...cellTextProblems('customField', contact.customField ?? ''),
  ];
}

type Checked = { readonly ok: true; readonly row: CallDataRow; readonly entry: CallDataEntry } | { readonly ok: false; readonly rejected: RejectedContact };

/** Validates contacts one by one and hands each written row a sessionId no earlier row has. */
class ContactChecker {
  private readonly newSessionId: (sourceRow: number) => string;
  /** sessionId -> the source row that has it, so a duplicate's message can name the first row. */
  private readonly claimed = new Map<string, number>();

  constructor(
    baseName: string,
    private readonly requireJsonCallData: boolean,
  ) {
    this.newSessionId = sessionIdsFor(baseName);
  }

  check(contact: CallDataContact): Checked {
    const { sourceRow, numbers, caller, callData, customField, recycleTime } = contact;
    // A bad row number is the caller's bug, not the user's: the receipt could not name the row.
    if (!Number.isSafeInteger(sourceRow) || sourceRow < 1) throw new RangeError(`sourceRow must be a whole number of at least 1, not ${sourceRow}.`);
    const sessionId = contact.sessionId === undefined || contact.sessionId === '' ? this.newSessionId(sourceRow) : contact.sessionId;
    const called = numbers.map((calledNo) => ({ calledNo }));
    const built = buildCallDataRow({ sessionId, called, caller, callData, customField, recycleTime }, { requireJsonCallData: this.requireJsonCallData });
    const problems: CallDataFileProblem[] = [...(built.ok ? [] : built.problems), ...characterProblems(contact, sessionId), ...this.duplicate(sessionId)];
    if (!built.ok || problems.length > 0) return { ok: false, rejected: { sourceRow, problems } };
    this.claimed.set(sessionId, sourceRow);
    return { ok: true, row: built.row, entry: { sourceRow, sessionId, numbers } };
  }

  private duplicate(sessionId: string): CallDataFileProblem[] {
    const first = this.claimed.get(sessionId);
    if (first === undefined) return [];
    return [
      {
        field: 'sessionId',
        reason: 'duplicate',
        message: `sessionId "${sessionId}" is already used by row ${first}; each row needs its own, or iSales results cannot be traced back to one row.`,
      },
    ];
  }
}

/** Cuts the written rows into files of at most rowsPerFile, opening a file only when a row needs it. */
class FileSplitter {
  readonly files: CallDataFile[] = [];
  private writer: XlsxSheetWriter | undefined;
  private entries: CallDataEntry[] = [];
  private rowsWritten = 0;

  constructor(
    private readonly stem: string,
    private readonly rowsPerFile: number,
  ) {}

  get written(): number {
    return this.rowsWritten;
  }

  async add(row: CallDataRow, entry: CallDataEntry): Promise<void> {
    this.writer ??= new XlsxSheetWriter('Sheet1', CALL_DATA_COLUMNS);
    await this.writer.addRow(row);
    this.entries.push(entry);
    this.rowsWritten++;
    if (this.writer.rows >= this.rowsPerFile) await this.close();
  }

  async close(): Promise<void> {
    if (this.writer === undefined) return;
    const bytes = await this.writer.finish();
    this.files.push({ name: `${this.stem}-${this.files.length + 1}.xlsx`, bytes, entries: this.entries });
    this.writer = undefined;
    this.entries = [];
  }
}

/**
 * The iSales outbound call-data files (provider-apis.md §2.6): one sheet, the template header
 * in row 1, data from row 2, `called` as double-quoted JSON, every cell text. A contact that
 * breaks a template rule, holds a character an .xlsx cell cannot carry, or repeats an earlier
 * sessionId goes to `rejected` instead. The input may be an async iterable, so a large list
 * need never be in memory at once; the finished files are (about 15-17 MB per 500,000 rows).
 * Throws RangeError for a rowsPerFile out of range or a sourceRow that is not a row number.
 */
export async function buildCallDataFiles(
  contacts: Iterable<CallDataContact> | AsyncIterable<CallDataContact>,
  options: CallDataFileOptions,
): Promise<CallDataFiles> {
  const rowsPerFile = options.rowsPerFile ?? MAX_ROWS_PER_FILE;
  checkRowsPerFile(rowsPerFile);
  const checker = new ContactChecker(options.baseName, options.requireJsonCallData ?? false);
  const splitter = new FileSplitter(fileStem(options.baseName), rowsPerFile);
  const rejected: RejectedContact[] = [];
  let seen = 0;
  const report = (): void => options.onProgress?.({ contacts: seen, written: splitter.written, rejected: rejected.length });
  for await (const contact of contacts) {
    const checked = checker.check(contact);
    if (checked.ok) await splitter.add(checked.row, checked.entry);
    else rejected.push(checked.rejected);
    if (++seen % PROGRESS_EVERY === 0) report();
  }
  await splitter.close();
  report();
  return { files: splitter.files, rejected };
}
