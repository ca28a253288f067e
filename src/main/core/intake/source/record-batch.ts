/** Records as read from a file, before header detection, with the row number a person sees. */
export interface RecordBatch {
  records: string[][];
  /** 1-based row numbers in the file, one per record. */
  rowNumbers: number[];
  /** How far into the file the batch ends, for progress. */
  bytesRead: number;
}

export type RecordStream = AsyncIterable<RecordBatch>;

/** Columns kept per row: a file with 100,000 columns is a mistake, not a contact list. */
export const MAX_COLUMNS = 1000;

export function isBlankRecord(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}
