import type { Delimiter, Encoding } from '../../../../shared/intake-options';
import type { SheetSettings } from '../../../../shared/sheet-schemas';
import { UserError } from '../../user-error';
import { detectDelimiter } from '../text/detect-delimiter';
import { decodeBytes, detectEncoding } from '../text/detect-encoding';
import { bomLength } from '../text/sniff-unicode';
import { csvRecords } from './csv-records';
import { decodedChunks } from './decoded-chunks';
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

const SAMPLE_BYTES = 64 * 1024;
/** More NULs than this share of the text means binary junk, not a text file with a stray byte. */
const MAX_NUL_SHARE = 0.01;

function countNuls(text: string): number {
  let nuls = 0;
  for (let at = text.indexOf('\0'); at >= 0; at = text.indexOf('\0', at + 1)) nuls += 1;
  return nuls;
}

/**
 * Decodes a text table with the detected (or chosen) encoding and splits it with the detected
 * (or chosen) delimiter. Only a sample is decoded up front, to decide; the rows stream.
 */
export function openTextSource(bytes: Uint8Array, fileName: string, settings: SheetSettings): TextSource {
  const notes: string[] = [];
  const encodingGuess = detectEncoding(bytes);
  const encoding = settings.encoding ?? encodingGuess.encoding;
  if (bytes.length - bomLength(bytes, encoding) === 0) {
    throw new UserError('unreadable', `${fileName} holds no rows: it is empty. Nothing was loaded.`);
  }
  // The sample may end inside a character; a replacement mark there changes neither decision.
  const sample = decodeBytes(bytes.subarray(0, SAMPLE_BYTES), encoding);
  if (countNuls(sample) / sample.length > MAX_NUL_SHARE) {
    throw new UserError(
      'unreadable',
      `${fileName} looks like a binary file, not a text table (it is full of NUL bytes). Save it from Excel as .xlsx or CSV and try again. Nothing was loaded.`,
    );
  }
  const delimiterGuess = detectDelimiter(sample.replaceAll('\0', ''));
  const delimiter = settings.delimiter ?? delimiterGuess.delimiter;
  const cleaner = { nuls: 0 };
  let wideNoted = false;
  async function* records(): RecordStream {
    yield* csvRecords(decodedChunks(bytes, encoding, cleaner), {
      delimiter,
      onUnclosedQuote: (row) =>
        notes.push(
          `Row ${row} opens a quoted value (") that is never closed, so everything after it was read as one cell. Fix the quote in the file, or choose another separator.`,
        ),
      onWideRow: (row) => {
        if (wideNoted) return;
        wideNoted = true;
        notes.push(`Row ${row} has more than 1,000 columns; only the first 1,000 are kept.`);
      },
    });
    if (cleaner.nuls > 0) {
      notes.push(`${cleaner.nuls} NUL ${cleaner.nuls === 1 ? 'byte was' : 'bytes were'} removed from the text; everything else was kept.`);
    }
  }
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
    records: records(),
  };
}
