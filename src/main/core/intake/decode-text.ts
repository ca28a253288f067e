import { UserError } from '../user-error';

export interface DecodedText {
  text: string;
  encoding: string;
  notes: string[];
}

const SNIFF_BYTES = 8192;

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Bytes to text for the first slice: byte-order marks and UTF-8. Choosing among legacy
 * code pages (Windows-1251, KOI8, CP866) is the intake issue's work; until then a file that
 * is not UTF-8 is still shown, with a note saying which characters could not be read.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) {
    throw new UserError('unreadable', `${fileName} is empty: there is nothing to read. Nothing was loaded.`);
  }
  if (hasPrefix(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE', notes: [] };
  }
  if (hasPrefix(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE', notes: [] };
  }
  const withBom = hasPrefix(bytes, [0xef, 0xbb, 0xbf]);
  const body = withBom ? bytes.subarray(3) : bytes;
  if (body.subarray(0, SNIFF_BYTES).includes(0)) {
    throw new UserError(
      'unreadable',
      `${fileName} looks like a binary file, not a text table (it holds NUL bytes). Save it as CSV or XLSX and try again. Nothing was loaded.`,
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { text, encoding: withBom ? 'UTF-8 with BOM' : 'UTF-8', notes: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(body);
    return {
      text,
      encoding: 'UTF-8 (with unreadable bytes)',
      notes: ['Some bytes are not UTF-8 and show as \uFFFD. The file may be in another encoding such as Windows-1251.'],
    };
  }
}
