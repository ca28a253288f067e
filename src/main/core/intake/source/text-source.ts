import type { Delimiter, Encoding } from '../../../../shared/intake-options';
import type { DelimiterReason, EncodingReason, SheetNote } from '../../../../shared/sheet-notes';
import type { SheetSettings } from '../../../../shared/sheet-schemas';
import { UserError } from '../../user-error';
import { ReaderNotes } from '../sheet-note';
import { detectDelimiter } from '../text/detect-delimiter';
import { decodeBytes, detectEncoding } from '../text/detect-encoding';
import { bomLength } from '../text/sniff-unicode';
import { csvRecords } from './csv-records';
import { decodedChunks } from './decoded-chunks';
import { MAX_COLUMNS, type RecordStream } from './record-batch';

export interface Guess<T, R> {
  value: T;
  detected: T;
  confidence: number;
  reason: R;
}

export interface TextSource {
  encoding: Guess<Encoding, EncodingReason>;
  delimiter: Guess<Delimiter, DelimiterReason>;
  /** What the reader noticed, coded; grows while the records are read. */
  sheetNotes: SheetNote[];
  /** The same notes in English. */
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

function delimiterReason(confidence: number): DelimiterReason {
  if (confidence <= 0.1) return { code: 'one-column', text: 'Every row has one column, so no separator was needed.' };
  const percent = Math.round(confidence * 100);
  return { code: 'splits-evenly', confidence: percent, text: `The rows split most evenly on this separator (confidence ${percent}%).` };
}

/**
 * Decodes a text table with the detected (or chosen) encoding and splits it with the detected
 * (or chosen) delimiter. Only a sample is decoded up front, to decide; the rows stream.
 */
export function openTextSource(bytes: Uint8Array, fileName: string, settings: SheetSettings): TextSource {
  const notes = new ReaderNotes();
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
      onUnclosedQuote: (row) => notes.add({ code: 'unclosed-quote', row }),
      onWideRow: (row) => {
        if (wideNoted) return;
        wideNoted = true;
        notes.add({ code: 'wide-row', row, limit: MAX_COLUMNS });
      },
    });
    if (cleaner.nuls > 0) {
      notes.add({ code: 'nul-bytes-removed', count: cleaner.nuls });
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
      reason: delimiterReason(delimiterGuess.confidence),
    },
    sheetNotes: notes.coded,
    notes: notes.texts,
    records: records(),
  };
}
