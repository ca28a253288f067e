import Papa from 'papaparse';

import { UserError } from '../user-error';

export interface CsvTable {
  delimiter: string;
  header: string[];
  rows: string[][];
}

export interface CsvProgress {
  rowsRead: number;
  charsRead: number;
  charsTotal: number;
}

const CHUNK_CHARS = 1 << 20;

/**
 * Parses CSV text in 1 MiB chunks and yields to the event loop between them, so the process
 * that parses stays responsive and progress reaches the window while a big file is read.
 * The first non-blank row is the header (header detection is the intake issue's work).
 */
export function parseCsvText(source: string, onProgress?: (progress: CsvProgress) => void): Promise<CsvTable> {
  // Files stitched together from several exports mix CRLF, LF and old-Mac CR; papaparse
  // keeps the first ending it sees and would glue rows that use another.
  const text = source.replace(/\r\n?/g, '\n');
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    let delimiter = ',';
    let failed = false;
    Papa.parse<string[]>(text, {
      header: false,
      dynamicTyping: false,
      skipEmptyLines: 'greedy',
      newline: '\n',
      chunkSize: CHUNK_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        delimiter = results.meta.delimiter || delimiter;
        for (const row of results.data) rows.push(row);
        onProgress?.({ rowsRead: rows.length, charsRead: results.meta.cursor, charsTotal: text.length });
        parser.pause();
        setImmediate(() => {
          if (!failed) parser.resume();
        });
      },
      complete() {
        const [header, ...data] = rows;
        if (header === undefined) {
          reject(new UserError('unreadable', 'The file holds only blank lines: there are no rows to show.'));
          return;
        }
        resolve({ delimiter, header, rows: data });
      },
      error(error: Error) {
        failed = true;
        reject(new UserError('unreadable', `The file could not be read as CSV: ${error.message}`));
      },
    });
  });
}
