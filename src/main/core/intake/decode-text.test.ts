import { describe, expect, it } from 'vitest';

import { UserError } from '../user-error';
import { decodeText } from './decode-text';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8 and names it', () => {
    expect(decodeText(utf8('Телефон,ПІБ\n380930000001,Іван'), 'a.csv')).toEqual({
      text: 'Телефон,ПІБ\n380930000001,Іван',
      encoding: 'UTF-8',
      notes: [],
    });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('phone')]), 'a.csv');
    expect(decoded.text).toBe('phone');
    expect(decoded.encoding).toBe('UTF-8 with BOM');
  });

  it('reads UTF-16 LE with its mark, as Excel writes "Unicode text"', () => {
    const body = Buffer.from('phone\tname\r\n380930000001\tІван', 'utf16le');
    const decoded = decodeText(new Uint8Array([0xff, 0xfe, ...body]), 'a.txt');
    expect(decoded.text).toBe('phone\tname\r\n380930000001\tІван');
    expect(decoded.encoding).toBe('UTF-16LE');
  });

  it('keeps a file that is not UTF-8 and says so', () => {
    const cp1251 = new Uint8Array([0xd2, 0xe5, 0xeb, 0xe5, 0xf4, 0xee, 0xed]); // "Телефон" in Windows-1251
    const decoded = decodeText(cp1251, 'a.csv');
    expect(decoded.text).toContain('\uFFFD');
    expect(decoded.notes[0]).toMatch(/not UTF-8/);
  });

  it('refuses an empty file with a message that names it', () => {
    expect(() => decodeText(new Uint8Array(), 'empty.csv')).toThrow(UserError);
    expect(() => decodeText(new Uint8Array(), 'empty.csv')).toThrow(/empty\.csv is empty/);
  });

  it('refuses binary junk', () => {
    const junk = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    expect(() => decodeText(junk, 'setup.exe.csv')).toThrow(/binary file/);
  });
});
