import iconv from 'iconv-lite';

import type { Encoding } from '../../../../shared/intake-options';
import { bomLength } from '../text/sniff-unicode';

const CHUNK_BYTES = 1 << 16;

export interface DecodedChunk {
  text: string;
  /** Bytes of the file decoded so far, this chunk included. */
  bytesEnd: number;
}

/** Fixes each chunk as it goes: line endings made "\n", NUL bytes counted and dropped. */
export interface ChunkCleaner {
  nuls: number;
}

/**
 * The file's text 64 KB at a time, so a 500,000-row file never exists as one giant string
 * next to its parsed rows. The decoder carries a character split across two chunks; a "\r" at a
 * chunk's end waits for the next chunk, in case it is the first half of "\r\n".
 */
export function* decodedChunks(bytes: Uint8Array, encoding: Encoding, cleaner: ChunkCleaner): Generator<DecodedChunk> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  let carry = '';
  const clean = (text: string): string => {
    let out = carry + text;
    carry = '';
    if (out.endsWith('\r')) {
      carry = '\r';
      out = out.slice(0, -1);
    }
    if (out.includes('\0')) {
      const before = out.length;
      out = out.replaceAll('\0', '');
      cleaner.nuls += before - out.length;
    }
    // Files stitched from several exports mix CRLF, LF and CR; the parser keeps the first it sees.
    return out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
  };
  for (let at = bomLength(bytes, encoding); at < bytes.length; at += CHUNK_BYTES) {
    const end = Math.min(bytes.length, at + CHUNK_BYTES);
    const text = clean(decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset + at, end - at)));
    if (text !== '') yield { text, bytesEnd: end };
  }
  const last = carry;
  carry = '';
  const tail = clean((decoder.end() ?? '') + last);
  if (tail !== '') yield { text: tail, bytesEnd: bytes.length };
}
