import iconv from 'iconv-lite';

import { ENCODINGS, type Encoding } from '../../../../shared/intake-options';
import type { EncodingReason, Unworded } from '../../../../shared/sheet-notes';

import { scoreDecodedText, type TextPlausibility } from './score-decoded-text';
import { bomLength, checkUtf8, detectBom, indexOfNonAscii, sniffUtf16WithoutBom } from './sniff-unicode';

/** The picker's list lives in src/shared so the window shows the same choices the reader knows. */
export const SUPPORTED_ENCODINGS = ENCODINGS.map(({ id, label }) => ({ encoding: id, label }));
export type { Encoding };

export interface EncodingGuess {
  encoding: Encoding;
  /** 0-1: how sure the guess is; a picker should be offered when it is low. */
  confidence: number;
  bom: boolean;
  /** What the guess rests on: a code the window words, and one English sentence a supervisor can read. */
  reason: EncodingReason;
}

/** Enough for hundreds of rows; more only costs time on files of millions of rows. */
const SAMPLE_BYTES = 64 * 1024;
/** Bytes kept before the first non-ASCII one when the sample is taken further in, so its word is whole. */
const LEAD_IN_BYTES = 256;

/**
 * Ties go to the earlier entry. KOI8-R precedes KOI8-U because they only differ in the
 * Ukrainian letters: text without them reads the same either way, so it is most likely Russian.
 */
const CODE_PAGES = ['windows-1251', 'koi8-r', 'koi8-u', 'cp866', 'windows-1252'] as const;
type CodePage = (typeof CODE_PAGES)[number];

export function encodingLabel(encoding: Encoding): string {
  return SUPPORTED_ENCODINGS.find((option) => option.encoding === encoding)?.label ?? encoding;
}

/** Bytes to text in the given encoding, without the byte-order mark that belongs to it. */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
  const body = bytes.subarray(bomLength(bytes, encoding));
  // Node's own UTF-8 decoder is several times faster than iconv-lite's on a 25 MB file.
  if (encoding === 'utf-8') return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return iconv.decode(body, encoding, { stripBOM: false });
}

function reasonText(reason: Unworded<EncodingReason>): string {
  switch (reason.code) {
    case 'byte-order-mark':
      return `The file starts with a ${encodingLabel(reason.encoding)} byte-order mark.`;
    case 'utf16-zero-bytes':
      return `No byte-order mark, but zero bytes fall at every other position, the way ${encodingLabel(reason.encoding)} stores digits and Latin letters.`;
    case 'ascii-only':
      return 'The file holds only ASCII characters (digits, Latin letters, punctuation), which every supported encoding reads the same way.';
    case 'valid-utf8':
      return `No byte-order mark; the text is valid UTF-8 (${reason.characters} non-ASCII characters checked).`;
    case 'mostly-utf8':
      return `Mostly valid UTF-8 (${reason.characters} characters), but ${reason.invalidBytes} bytes are not and will show as \uFFFD.`;
    case 'code-page': {
      const next = reason.runnerUp === null ? '' : ` Next best: ${encodingLabel(reason.runnerUp)}.`;
      return `Not UTF-8; read as ${encodingLabel(reason.encoding)}, ${reason.plausible} of ${reason.nonAscii} non-ASCII characters form plausible words.${next}`;
    }
  }
}

function because(reason: Unworded<EncodingReason>): EncodingReason {
  return { ...reason, text: reasonText(reason) };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = detectBom(bytes);
  if (bom !== null) {
    return {
      encoding: bom.encoding,
      confidence: 1,
      bom: true,
      reason: because({ code: 'byte-order-mark', encoding: bom.encoding }),
    };
  }
  const utf16 = sniffUtf16WithoutBom(bytes.subarray(0, SAMPLE_BYTES));
  if (utf16 !== null) {
    return {
      encoding: utf16.encoding,
      confidence: round2(0.8 + 0.19 * clamp01(utf16.zeroHighShare / 0.3)),
      bom: false,
      reason: because({ code: 'utf16-zero-bytes', encoding: utf16.encoding }),
    };
  }
  // A file whose first 64 KiB are numbers only may still hold names further down; finding the
  // first non-ASCII byte is a cheap scan, and the sample is then taken from there.
  const firstNonAscii = indexOfNonAscii(bytes);
  if (firstNonAscii < 0) {
    return {
      encoding: 'utf-8',
      confidence: 1,
      bom: false,
      reason: because({ code: 'ascii-only' }),
    };
  }
  const start = firstNonAscii < SAMPLE_BYTES ? 0 : firstNonAscii - LEAD_IN_BYTES;
  const end = Math.min(bytes.length, start + SAMPLE_BYTES);
  return guessFromSample(bytes.subarray(start, end), end < bytes.length);
}

/**
 * UTF-8 with a few stray bytes (a cell pasted from elsewhere) reads far better as UTF-8 with a
 * few unreadable characters than as any code page, which would garble every letter.
 */
const MOSTLY_UTF8_MIN_CHARS = 8;
const MOSTLY_UTF8_MAX_INVALID_SHARE = 0.1;

function guessFromSample(sample: Uint8Array, cutFromLongerFile: boolean): EncodingGuess {
  const { multiByteChars, invalidBytes } = checkUtf8(sample, cutFromLongerFile);
  if (invalidBytes === 0) {
    return {
      encoding: 'utf-8',
      // Legacy Cyrillic or accented text is almost never valid UTF-8 by chance, but one or two
      // characters could be.
      confidence: round2(Math.min(0.99, 0.75 + 0.06 * multiByteChars)),
      bom: false,
      reason: because({ code: 'valid-utf8', characters: multiByteChars }),
    };
  }
  if (multiByteChars >= MOSTLY_UTF8_MIN_CHARS && invalidBytes <= multiByteChars * MOSTLY_UTF8_MAX_INVALID_SHARE) {
    return {
      encoding: 'utf-8',
      confidence: round2(0.7 * (1 - invalidBytes / multiByteChars)),
      bom: false,
      reason: because({ code: 'mostly-utf8', characters: multiByteChars, invalidBytes }),
    };
  }
  return guessCodePage(sample);
}

interface Reading {
  codePage: CodePage;
  text: string;
  plausibility: TextPlausibility;
}

function readAll(sample: Uint8Array): Reading[] {
  return CODE_PAGES.map((codePage) => {
    const text = iconv.decode(sample, codePage);
    return { codePage, text, plausibility: scoreDecodedText(text) };
  });
}

function best(readings: readonly Reading[]): Reading | undefined {
  return readings.reduce<Reading | undefined>(
    (top, reading) => (top === undefined || reading.plausibility.score > top.plausibility.score ? reading : top),
    undefined,
  );
}

/** Characters where two readings of the same bytes disagree; single-byte readings align one to one. */
function disagreements(a: string, b: string): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 1) if (a.charCodeAt(i) !== b.charCodeAt(i)) count += 1;
  return count;
}

/**
 * Sure when the winner is clearly ahead where the readings disagree (KOI8-U and KOI8-R differ
 * only in four Ukrainian letters, so the lead is judged on those, not diluted by the rest),
 * when most of its non-ASCII characters form plausible words, and when there are enough of
 * them to judge. KOI8-R and KOI8-U reading Russian alike is no doubt, so such ties are skipped.
 */
function codePageConfidence(winner: Reading, runnerUp: Reading | undefined): number {
  const { score, nonAsciiChars, plausibleChars } = winner.plausibility;
  const leadPerChar =
    runnerUp === undefined
      ? 2
      : ((score - runnerUp.plausibility.score) * nonAsciiChars) / Math.max(1, disagreements(winner.text, runnerUp.text));
  const separation = clamp01(leadPerChar / 2);
  const plausibleShare = plausibleChars / nonAsciiChars;
  const evidence = clamp01(0.4 + nonAsciiChars / 30);
  return round2(Math.min(0.99, separation * plausibleShare * evidence));
}

function guessCodePage(sample: Uint8Array): EncodingGuess {
  const readings = readAll(sample);
  const winner = best(readings);
  if (winner === undefined) throw new Error('CODE_PAGES is empty');
  const runnerUp = best(readings.filter((reading) => reading.text !== winner.text));
  const { nonAsciiChars, plausibleChars } = winner.plausibility;
  return {
    encoding: winner.codePage,
    confidence: codePageConfidence(winner, runnerUp),
    bom: false,
    reason: because({ code: 'code-page', encoding: winner.codePage, plausible: plausibleChars, nonAscii: nonAsciiChars, runnerUp: runnerUp?.codePage ?? null }),
  };
}
