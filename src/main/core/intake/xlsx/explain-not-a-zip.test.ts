import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { explainNotAZip } from './explain-not-a-zip';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A compound file's header followed by a directory naming the given streams (UTF-16LE), as Office writes it. */
function compoundFile(...streams: string[]): Buffer {
  return Buffer.concat([CFB_MAGIC, Buffer.alloc(504), ...streams.map((name) => Buffer.from(`${name}\0`, 'utf16le')), Buffer.alloc(64)]);
}

describe('explainNotAZip', () => {
  it('says a compound file with an EncryptedPackage is a password-protected workbook', () => {
    const error = explainNotAZip(compoundFile('\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'));
    expect(error.reason).toBe('encrypted');
    expect(error.message).toMatch(/password-protected/);
    expect(error.message).toMatch(/remove the password/);
  });

  it('says a compound file with a Workbook stream is an old .xls', () => {
    const error = explainNotAZip(compoundFile('Workbook', '\u0005SummaryInformation'));
    expect(error.reason).toBe('old-xls');
    expect(error.message).toMatch(/old \.xls/);
    expect(error.message).toMatch(/save it as \.xlsx/);
  });

  it('names both possibilities when the compound file says neither', () => {
    const error = explainNotAZip(compoundFile('Something'));
    expect(error.reason).toBe('encrypted');
    expect(error.message).toBe(
      'This is a password-protected .xlsx or an old .xls file; save it from Excel as .xlsx without a password, then try again.',
    );
  });

  it('warns about programs renamed to .xlsx', () => {
    expect(explainNotAZip(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')).message).toMatch(/program/);
    expect(explainNotAZip(Buffer.from('\x7fELF\x02\x01\x01', 'latin1')).message).toMatch(/program/);
  });

  it('recognises PDFs, text and empty files', () => {
    expect(explainNotAZip(Buffer.from('%PDF-1.7\n')).message).toMatch(/PDF/);
    expect(explainNotAZip(Buffer.from('Телефон;ПІБ\n380931234567;Іван\n')).message).toMatch(/plain text/);
    expect(explainNotAZip(Buffer.alloc(0)).message).toMatch(/empty/);
  });

  it('falls back to a plain refusal for random bytes', () => {
    const bytes = randomBytes(4096);
    bytes[0] = 0x00;
    const error = explainNotAZip(bytes);
    expect(error.reason).toBe('not-a-zip');
    expect(error.message).toMatch(/not an Excel workbook/);
  });
});
