import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { bomLength, checkUtf8, detectBom, indexOfNonAscii, sniffUtf16WithoutBom } from './sniff-unicode';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('detectBom', () => {
  it('recognises the three byte-order marks', () => {
    expect(detectBom(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ encoding: 'utf-8', length: 3 });
    expect(detectBom(bytes(0xff, 0xfe, 0x41, 0x00))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(detectBom(bytes(0xfe, 0xff, 0x00, 0x41))).toEqual({ encoding: 'utf-16be', length: 2 });
  });

  it('finds none in plain text, a partial mark or an empty file', () => {
    expect(detectBom(bytes(0x33, 0x38, 0x30))).toBeNull();
    expect(detectBom(bytes(0xef, 0xbb))).toBeNull();
    expect(detectBom(bytes())).toBeNull();
  });

  it('gives the length of the mark only for its own encoding', () => {
    const marked = bytes(0xef, 0xbb, 0xbf, 0x41);
    expect(bomLength(marked, 'utf-8')).toBe(3);
    expect(bomLength(marked, 'windows-1251')).toBe(0);
  });
});

describe('sniffUtf16WithoutBom', () => {
  it('reads zero high bytes at odd offsets as little-endian and at even ones as big-endian', () => {
    const le = sniffUtf16WithoutBom(iconv.encode('380931234567;Петренко\r\n', 'utf-16le'));
    const be = sniffUtf16WithoutBom(iconv.encode('380931234567;Петренко\r\n', 'utf-16be'));
    expect(le?.encoding).toBe('utf-16le');
    expect(be?.encoding).toBe('utf-16be');
    expect(le?.zeroHighShare).toBeCloseTo(15 / 23, 5);
  });

  it('ignores single-byte text, which has no NULs', () => {
    expect(sniffUtf16WithoutBom(iconv.encode('380931234567;Петренко', 'windows-1251'))).toBeNull();
  });

  it('ignores binary data with NULs at both parities', () => {
    expect(sniffUtf16WithoutBom(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00))).toBeNull();
  });

  it('needs at least one 2-byte unit', () => {
    expect(sniffUtf16WithoutBom(bytes(0x41))).toBeNull();
  });
});

describe('indexOfNonAscii', () => {
  it('finds the first byte above 0x7F or says -1', () => {
    expect(indexOfNonAscii(bytes(0x31, 0x32, 0xd0, 0x9f))).toBe(2);
    expect(indexOfNonAscii(bytes(0x31, 0x32, 0x7f))).toBe(-1);
  });
});

describe('checkUtf8', () => {
  it('counts multi-byte characters of valid UTF-8', () => {
    expect(checkUtf8(iconv.encode('Іванов №5 😀', 'utf-8'), false)).toEqual({ multiByteChars: 8, invalidBytes: 0 });
  });

  it('counts Windows-1251 letters as invalid bytes', () => {
    expect(checkUtf8(iconv.encode('Іван', 'windows-1251'), false)).toEqual({ multiByteChars: 0, invalidBytes: 4 });
  });

  it('rejects overlong forms and encoded surrogates', () => {
    expect(checkUtf8(bytes(0xc0, 0xaf), false).invalidBytes).toBe(2);
    expect(checkUtf8(bytes(0xe0, 0x80, 0xaf), false).invalidBytes).toBe(3);
    expect(checkUtf8(bytes(0xed, 0xa0, 0x80), false).invalidBytes).toBe(3);
  });

  it('forgives a character cut by the end of a sample, not by the end of the file', () => {
    const cut = iconv.encode('Ж', 'utf-8').subarray(0, 1);
    expect(checkUtf8(cut, true).invalidBytes).toBe(0);
    expect(checkUtf8(cut, false).invalidBytes).toBe(1);
  });
});
