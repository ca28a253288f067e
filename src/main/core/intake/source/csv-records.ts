import { Readable } from 'node:stream';

import Papa from 'papaparse';

import type { Delimiter } from '../../../../shared/intake-options';
import { UserError } from '../../user-error';
import type { DecodedChunk } from './decoded-chunks';
import { MAX_COLUMNS, type RecordBatch } from './record-batch';

export interface CsvRecordOptions {
  delimiter: Delimiter;
  onWideRow?: (rowNumber: number, columns: number) => void;
  /** A quote opened and never closed: the rest of the file reads as one value. */
  onUnclosedQuote?: (rowNumber: number) => void;
}

/**
 * Yields the records of CSV text, parsed by papaparse from chunks of decoded text, giving the
 * event loop a turn between chunks so the process can answer for rows already read while the rest
 * is parsed.
 */
export async function* csvRecords(chunks: Iterable<DecodedChunk>, options: CsvRecordOptions): AsyncGenerator<RecordBatch> {
  let bytesRead = 0;
  const source = Readable.from(
    (function* texts() {
      for (const chunk of chunks) {
        bytesRead = chunk.bytesEnd;
        yield chunk.text;
      }
    })(),
    // One chunk ahead at most: read-ahead would hold megabytes of text for nothing.
    { objectMode: true, highWaterMark: 1 },
  );
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

  Papa.parse<string[]>(source, {
    delimiter: options.delimiter,
    newline: '\n',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
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
      queue.push({ records, rowNumbers, bytesRead });
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

  try {
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
        paused.resume();
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // Abandoned part-way (the file was closed or read again): stop reading the rest.
    source.destroy();
  }
}
