/**
 * The Unicode checks that come before any code-page guessing: they are near certain when they
 * fire, and a Unicode file read as a code page would look like plausible garbage.
 */

export type UnicodeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface ByteOrderMark {
  encoding: UnicodeEncoding;
  length: number;
}

const BOMS: readonly { encoding: UnicodeEncoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

export function detectBom(bytes: Uint8Array): ByteOrderMark | null {
  const bom = BOMS.find((candidate) => startsWith(bytes, candidate.bytes));
  return bom === undefined ? null : { encoding: bom.encoding, length: bom.bytes.length };
}

export function bomLength(bytes: Uint8Array, encoding: string): number {
  const bom = detectBom(bytes);
  return bom !== null && bom.encoding === encoding ? bom.length : 0;
}

export interface Utf16Sniff {
  encoding: 'utf-16le' | 'utf-16be';
  /** Share of 2-byte units whose high byte is zero: the evidence. */
  zeroHighShare: number;
}

/**
 * A phone list always holds digits, separators and line breaks, which UTF-16 stores with a
 * zero high byte; so NULs at one parity and almost none at the other mean UTF-16. Cyrillic
 * letters have high byte 0x04, hence the low bar for the share of zeros.
 */
const MIN_ZERO_HIGH_SHARE = 0.05;
/** Room for a stray U+0000 or an odd byte without letting a binary file (NULs everywhere) pass. */
const MAX_ZERO_LOW_SHARE = 0.01;

export function sniffUtf16WithoutBom(sample: Uint8Array): Utf16Sniff | null {
  const units = Math.floor(sample.length / 2);
  if (units === 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven += 1;
    if (sample[i + 1] === 0) zeroOdd += 1;
  }
  const looksLike = (zeroHigh: number, zeroLow: number): boolean =>
    zeroHigh / units >= MIN_ZERO_HIGH_SHARE && zeroLow / units <= MAX_ZERO_LOW_SHARE;
  if (looksLike(zeroOdd, zeroEven)) return { encoding: 'utf-16le', zeroHighShare: zeroOdd / units };
  if (looksLike(zeroEven, zeroOdd)) return { encoding: 'utf-16be', zeroHighShare: zeroEven / units };
  return null;
}

/** Index of the first byte above 0x7F, or -1: a plain loop, as this may run over a whole big file. */
export function indexOfNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i += 1) {
    if ((bytes[i] ?? 0) >= 0x80) return i;
  }
  return -1;
}

/** Allowed range of the byte after each lead byte (RFC 3629): rules out overlong forms and surrogates. */
function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

type SequenceCheck = 'valid' | 'invalid' | 'cut';

function checkSequence(bytes: Uint8Array, start: number, length: number): SequenceCheck {
  const lead = bytes[start] ?? 0;
  const [low, high] = secondByteRange(lead);
  for (let k = 1; k < length; k += 1) {
    const byte = bytes[start + k];
    if (byte === undefined) return 'cut';
    const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (byte < min || byte > max) return 'invalid';
  }
  return 'valid';
}

export interface Utf8Check {
  /** Characters of two or more bytes: the more there are, the less likely valid UTF-8 is a coincidence. */
  multiByteChars: number;
  /** Bytes that belong to no valid UTF-8 character. */
  invalidBytes: number;
}

/**
 * Counts rather than a yes/no, so that a UTF-8 file with a few stray bytes pasted in can still
 * be told from a code-page file. A character cut off by the end of a sample taken from a longer
 * file is not held against it.
 */
export function checkUtf8(sample: Uint8Array, cutFromLongerFile: boolean): Utf8Check {
  let multiByteChars = 0;
  let invalidBytes = 0;
  let i = 0;
  while (i < sample.length) {
    const lead = sample[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(lead);
    const check = length === 0 ? 'invalid' : checkSequence(sample, i, length);
    if (check === 'cut' && cutFromLongerFile) break;
    if (check === 'valid') {
      multiByteChars += 1;
      i += length;
    } else {
      invalidBytes += 1;
      i += 1;
    }
  }
  return { multiByteChars, invalidBytes };
}
