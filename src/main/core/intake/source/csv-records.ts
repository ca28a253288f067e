import Papa from 'papaparse';

import type { Delimiter } from '../../../../shared/intake-options';
import { UserError } from '../../user-error';
import { MAX_COLUMNS, type RecordBatch } from './record-batch';

const CHUNK_CHARS = 1 << 20;

export interface CsvRecordOptions {
  delimiter: Delimiter;
  /** Bytes of the file, so progress can be told in bytes though the parser counts characters. */
  bytesTotal: number;
  onWideRow?: (rowNumber: number, columns: number) => void;
  /** A quote opened and never closed: the rest of the file reads as one value. */
  onUnclosedQuote?: (rowNumber: number) => void;
}

/**
 * Yields the records of CSV text in batches of about 1 MiB, giving the event loop a turn between
 * batches so the process can answer for rows already read while the rest is parsed.
 */
export async function* csvRecords(source: string, options: CsvRecordOptions): AsyncGenerator<RecordBatch> {
  // Files stitched from several exports mix CRLF, LF and CR; papaparse keeps the first it sees.
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const scale = text.length === 0 ? 1 : options.bytesTotal / text.length;
  const queue: RecordBatch[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  // Set from parser callbacks; held in an object so the loop reads its current value.
  const outcome: { failure: Error | null } = { failure: null };
  let parser: Papa.Parser | null = null;
  let recordIndex = 0;

  const notify = (): void => {
    wake?.();
    wake = null;
  };

  Papa.parse<string[]>(text, {
    delimiter: options.delimiter,
    newline: '\n',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    chunkSize: CHUNK_CHARS,
    chunk(results: Papa.ParseResult<string[]>, chunkParser: Papa.Parser) {
      const records: string[][] = [];
      const rowNumbers: number[] = [];
      const unclosed = results.errors.find((e) => e.code === 'MissingQuotes');
      if (unclosed) options.onUnclosedQuote?.(recordIndex + (unclosed.row ?? 0) + 1);
      for (const record of results.data) {
        recordIndex += 1;
        if (record.length > MAX_COLUMNS) {
          options.onWideRow?.(recordIndex, record.length);
          record.length = MAX_COLUMNS;
        }
        records.push(record);
        rowNumbers.push(recordIndex);
      }
      queue.push({ records, rowNumbers, bytesRead: Math.round(results.meta.cursor * scale) });
      parser = chunkParser;
      chunkParser.pause();
      notify();
    },
    complete() {
      finished = true;
      notify();
    },
    error(error: Error) {
      outcome.failure = new UserError('unreadable', `The file could not be read as CSV: ${error.message}`);
      finished = true;
      notify();
    },
  });

  for (;;) {
    const batch = queue.shift();
    if (batch) {
      yield batch;
      continue;
    }
    if (outcome.failure) throw outcome.failure;
    if (finished) return;
    if (parser) {
      const paused: Papa.Parser = parser;
      parser = null;
      await new Promise<void>((resolve) => setImmediate(resolve));
      paused.resume();
      continue;
    }
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
