import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';

import { formatReport, inspectFile } from './inspect-command';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-inspect-'));
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const base = { country: 'UA', mode: 'e164' as const, dataDir: null };

describe('inspectFile', () => {
  it('reports a Windows-1251 list as the CLI prints it with --json', async () => {
    const path = await file('list.csv', iconv.encode('Телефон;ПІБ\r\n0931234567;Іван\r\nhello;Петро\r\n093 123 45 67;Олена\r\n', 'win1251'));
    const report = await inspectFile({ ...base, file: path });
    expect(report).toEqual({
      file: path,
      encoding: 'windows-1251',
      delimiter: ';',
      sheet: null,
      headerRow: 1,
      rows: 3,
      valid: 1,
      invalid: 1,
      duplicates: 1,
      numbers: ['+380931234567'],
      issues: [
        {
          row: 3,
          column: 'Телефон',
          value: 'hello',
          reason: 'not-a-number',
          message: '"hello" is not a phone number: it contains letters; notes belong in another column.',
        },
        { row: 4, column: 'Телефон', value: '093 123 45 67', reason: 'duplicate', message: 'Duplicate of row 2.' },
      ],
    });
  });

  it("passes MOR's own example file of nine-digit numbers in digits mode", async () => {
    const path = await file('mor-example.csv', '123456789\n234567891\n345678912\n');
    const report = await inspectFile({ ...base, file: path, mode: 'digits' });
    expect(report).toMatchObject({ headerRow: null, rows: 3, valid: 3, invalid: 0, numbers: ['123456789', '234567891', '345678912'] });
    const strict = await inspectFile({ ...base, file: path });
    // Checked as Ukrainian numbers, most of these made-up numbers do not exist.
    expect(strict.invalid).toBeGreaterThan(0);
  });

  it('takes the phone column, header row and encoding the user names', async () => {
    const path = await file('two.csv', 'Title of the list\nid,mobile,other\n1,0931234567,0671234567\n');
    const report = await inspectFile({ ...base, file: path, headerRow: 2, phoneColumn: 'other', encoding: 'utf-8' });
    expect(report).toMatchObject({ headerRow: 2, rows: 1, numbers: ['+380671234567'] });
    await expect(inspectFile({ ...base, file: path, phoneColumn: 'nope' })).rejects.toThrow(/No column "nope"; the columns are/);
    await expect(inspectFile({ ...base, file: path, encoding: 'latin9' })).rejects.toThrow(/--encoding must be one of/);
  });

  it('says clearly when a file cannot be read', async () => {
    await expect(inspectFile({ ...base, file: join(dir, 'missing.csv') })).rejects.toThrow(/could not be opened/);
    await expect(inspectFile({ ...base, file: dir })).rejects.toThrow(/is not a file/);
  });

  it('prints a readable summary', async () => {
    const path = await file('summary.csv', 'phone\n0931234567\nbad\n');
    const text = formatReport(await inspectFile({ ...base, file: path }));
    expect(text).toContain('rows:       2');
    expect(text).toContain('row 3: "bad" is not a phone number');
  });
});
