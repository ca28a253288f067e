import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

import { UserError } from '../user-error';
import { csvChunks, csvField, csvLine, csvText, neutraliseFormula, writeCsvFile } from './csv-export';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-csv-'));
});

describe('neutraliseFormula', () => {
  it('puts an apostrophe before every way Excel starts a formula', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseFormula('+HYPERLINK("http://x","y")')).toBe('\'+HYPERLINK("http://x","y")');
    expect(neutraliseFormula('-2+3+cmd|x!A1')).toBe("'-2+3+cmd|x!A1");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
  });

  it('keeps plain numbers whole, signs and phone punctuation included', () => {
    for (const value of ['+380501234567', '-5', '+1 (555) 123-4567', '-12.50', '380501234567', '0']) {
      expect(neutraliseFormula(value), value).toBe(value);
    }
  });

  it('does not let a number hide a second line or an operator after it', () => {
    expect(neutraliseFormula('+1\n=2')).toBe("'+1\n=2");
    expect(neutraliseFormula('-1\t+1')).toBe("'-1\t+1");
    expect(neutraliseFormula('+1+1')).toBe("'+1+1");
    expect(neutraliseFormula('-')).toBe("'-");
  });

  it('leaves text that does not start a formula alone', () => {
    expect(neutraliseFormula('a=1')).toBe('a=1');
    expect(neutraliseFormula(' =1')).toBe(' =1');
    expect(neutraliseFormula('')).toBe('');
  });
});

describe('csvField and csvLine', () => {
  it('quote as RFC 4180 says: quotes doubled, commas and line breaks enclosed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('neutralises before quoting, so the apostrophe sits inside the quotes', () => {
    expect(csvField('=1,2')).toBe('"\'=1,2"');
  });

  it('ends every line with CRLF and pads short rows to the header width', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
    expect(csvLine(['a'], 3)).toBe('a,,\r\n');
    expect(() => csvLine(['a', 'b', 'c'], 2)).toThrow(RangeError);
  });
});

describe('csvChunks', () => {
  it('starts with the BOM and header and reads back cell for cell', async () => {
    const rows = [
      ['+380501234567', 'Іван, "Ваня"', '=HYPERLINK("x")'],
      ['two\r\nlines', '', '-5'],
    ];
    const text = await csvText(['phone', 'name', 'note'], rows);
    expect(text.startsWith('\uFEFFphone,name,note\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).replace(/\r\n$/, ''), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([['phone', 'name', 'note'], ['+380501234567', 'Іван, "Ваня"', '\'=HYPERLINK("x")'], ['two\r\nlines', '', '-5']]);
  });

  it('streams a long table in pieces, from an async source too', async () => {
    async function* many(): AsyncGenerator<string[]> {
      for (let i = 0; i < 20_000; i += 1) yield [String(i), 'x'.repeat(10)];
    }
    const chunks: string[] = [];
    for await (const chunk of csvChunks(['n', 'pad'], many())) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const lines = chunks.join('').split('\r\n');
    expect(lines).toHaveLength(20_002);
    expect(lines[20_000]).toBe('19999,xxxxxxxxxx');
  });

  it('refuses a table without columns', async () => {
    await expect(csvText([], [])).rejects.toThrow(RangeError);
  });
});

describe('writeCsvFile', () => {
  it('writes UTF-8 bytes with a BOM and leaves no temporary file behind', async () => {
    const path = join(dir, 'out.csv');
    await writeCsvFile(path, ['номер'], [['+380501234567']]);
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('номер\r\n+380501234567\r\n');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces an older file only once the new one is whole', async () => {
    const path = join(dir, 'replace.csv');
    await writeFile(path, 'old');
    async function* failing(): AsyncGenerator<string[]> {
      yield ['1'];
      throw new UserError('unreadable', 'the source broke');
    }
    await expect(writeCsvFile(path, ['n'], failing())).rejects.toThrow('the source broke');
    expect(await readFile(path, 'utf8')).toBe('old');
    await writeCsvFile(path, ['n'], [['2']]);
    expect(await readFile(path, 'utf8')).toBe('\uFEFFn\r\n2\r\n');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says clearly when the folder is missing or the name is a folder', async () => {
    await expect(writeCsvFile(join(dir, 'no-such-folder', 'x.csv'), ['n'], [])).rejects.toThrow(/its folder does not exist\. Nothing was written/);
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    await expect(writeCsvFile(folder, ['n'], [])).rejects.toThrow(/is a folder/);
  });
});
