import type { Delimiter, Encoding } from '../../../../shared/intake-options';
import type { SheetSettings } from '../../../../shared/sheet-schemas';
import { UserError } from '../../user-error';
import { detectDelimiter } from '../text/detect-delimiter';
import { decodeBytes, detectEncoding } from '../text/detect-encoding';
import { csvRecords } from './csv-records';
import type { RecordStream } from './record-batch';

export interface Guess<T> {
  value: T;
  detected: T;
  confidence: number;
  reason: string;
}

export interface TextSource {
  encoding: Guess<Encoding>;
  delimiter: Guess<Delimiter>;
  notes: string[];
  records: RecordStream;
}

const DELIMITER_SAMPLE_CHARS = 64 * 1024;
/** More NULs than this share of the text means binary junk, not a text file with a stray byte. */
const MAX_NUL_SHARE = 0.01;

function stripNuls(text: string, fileName: string, notes: string[]): string {
  if (!text.includes('\0')) return text;
  const nuls = text.split('\0').length - 1;
  if (nuls / text.length > MAX_NUL_SHARE) {
    throw new UserError(
      'unreadable',
      `${fileName} looks like a binary file, not a text table (it is full of NUL bytes). Save it from Excel as .xlsx or CSV and try again. Nothing was loaded.`,
    );
  }
  notes.push(`${nuls} NUL ${nuls === 1 ? 'byte was' : 'bytes were'} removed from the text; everything else was kept.`);
  return text.replaceAll('\0', '');
}

/** Decodes a text table with the detected (or chosen) encoding and splits it with the detected (or chosen) delimiter. */
export function openTextSource(bytes: Uint8Array, fileName: string, settings: SheetSettings): TextSource {
  const notes: string[] = [];
  const encodingGuess = detectEncoding(bytes);
  const encoding = settings.encoding ?? encodingGuess.encoding;
  const text = stripNuls(decodeBytes(bytes, encoding), fileName, notes);
  if (text.trim() === '') {
    throw new UserError('unreadable', `${fileName} holds no rows: it is empty or only blank lines. Nothing was loaded.`);
  }
  const delimiterGuess = detectDelimiter(text.slice(0, DELIMITER_SAMPLE_CHARS));
  const delimiter = settings.delimiter ?? delimiterGuess.delimiter;
  const wide: number[] = [];
  const records = csvRecords(text, {
    delimiter,
    bytesTotal: bytes.length,
    onUnclosedQuote: (row) =>
      notes.push(
        `Row ${row} opens a quoted value (") that is never closed, so everything after it was read as one cell. Fix the quote in the file, or choose another separator.`,
      ),
    onWideRow: (row) => {
      if (wide.push(row) === 1) {
        notes.push(`Row ${row} has more than 1,000 columns; only the first 1,000 are kept.`);
      }
    },
  });
  return {
    encoding: {
      value: encoding,
      detected: encodingGuess.encoding,
      confidence: encodingGuess.confidence,
      reason: encodingGuess.reason,
    },
    delimiter: {
      value: delimiter,
      detected: delimiterGuess.delimiter,
      confidence: delimiterGuess.confidence,
      reason:
        delimiterGuess.confidence <= 0.1
          ? 'Every row has one column, so no separator was needed.'
          : `The rows split most evenly on this separator (confidence ${Math.round(delimiterGuess.confidence * 100)}%).`,
    },
    notes,
    records,
  };
}
