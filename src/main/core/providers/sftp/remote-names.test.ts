import { describe, expect, it } from 'vitest';

import { fileNameProblem, fileNamesProblem, remotePath, temporaryName } from './remote-names';

describe('file names', () => {
  it('accepts plain names, spaces and non-Latin letters', () => {
    expect(fileNamesProblem(['calldata-001.xlsx', 'part 2.xlsx', 'дзвінки.xlsx'])).toBeUndefined();
  });

  it('refuses names that are not a single plain file', () => {
    expect(fileNameProblem('')).toMatch(/empty/);
    expect(fileNameProblem('../etc/passwd')).toMatch(/not a plain file name/);
    expect(fileNameProblem('a/b.xlsx')).toMatch(/not a plain file name/);
    expect(fileNameProblem('a\0b')).toMatch(/not a plain file name/);
    expect(fileNameProblem('.hidden.xlsx')).toMatch(/starts with a dot/);
    expect(fileNameProblem('..')).toMatch(/starts with a dot/);
    expect(fileNameProblem('x'.repeat(236))).toBeUndefined();
    expect(fileNameProblem('x'.repeat(237))).toMatch(/longer than 236 bytes/);
    // Bytes, not characters: two bytes each in UTF-8.
    expect(fileNameProblem('ї'.repeat(119))).toMatch(/longer than/);
  });

  it('refuses an empty list and a name given twice', () => {
    expect(fileNamesProblem([])).toMatch(/no files/);
    expect(fileNamesProblem(['a.xlsx', 'b.xlsx', 'a.xlsx'])).toBe('"a.xlsx" is listed twice.');
  });
});

describe('temporaryName', () => {
  it('is hidden, keeps the real extension out of the end, and differs each time', () => {
    const first = temporaryName('calldata.xlsx');
    expect(first).toMatch(/^\.calldata\.xlsx\.[0-9a-f]{12}\.part$/);
    expect(first.endsWith('.xlsx')).toBe(false);
    expect(temporaryName('calldata.xlsx')).not.toBe(first);
    expect(Buffer.byteLength(temporaryName('x'.repeat(236)))).toBe(255);
  });
});

describe('remotePath', () => {
  it('joins with forward slashes whatever the local platform, and treats an empty dir as the start dir', () => {
    expect(remotePath('incoming', 'a.xlsx')).toBe('incoming/a.xlsx');
    expect(remotePath('/srv/in/', 'a.xlsx')).toBe('/srv/in/a.xlsx');
    expect(remotePath('', 'a.xlsx')).toBe('a.xlsx');
    expect(remotePath('.', 'a.xlsx')).toBe('a.xlsx');
  });
});
