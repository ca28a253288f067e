import { describe, expect, it } from 'vitest';

import { buildUploadFiles, DEFAULT_NUMBERS_PER_FILE, type UploadEntry } from './upload-file';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const entries = (count: number, firstRow = 2): UploadEntry[] =>
  Array.from({ length: count }, (_, i) => ({ sourceRow: firstRow + i, number: `38093000${String(i).padStart(4, '0')}` }));

describe('buildUploadFiles', () => {
  it('writes one number per line, like the wiki example file', () => {
    const [file, ...rest] = buildUploadFiles([
      { sourceRow: 2, number: '123456789' },
      { sourceRow: 3, number: '222222222' },
      { sourceRow: 5, number: '333333333' },
    ]);
    expect(rest).toHaveLength(0);
    expect(text(file!.bytes)).toBe('123456789\n222222222\n333333333');
    expect(file!.name).toBe('numbers-001.csv');
    expect(file!.entries.map((e) => e.sourceRow)).toEqual([2, 3, 5]);
  });

  it('splits into files of the configured size and keeps each number with its source row', () => {
    const files = buildUploadFiles(entries(7), { numbersPerFile: 3, baseName: 'campaign-12' });
    expect(files.map((f) => f.name)).toEqual(['campaign-12-001.csv', 'campaign-12-002.csv', 'campaign-12-003.csv']);
    expect(files.map((f) => f.entries.length)).toEqual([3, 3, 1]);
    expect(files[1]!.entries[0]).toEqual({ sourceRow: 5, number: '380930000003' });
    expect(text(files[2]!.bytes)).toBe('380930000006');
    for (const file of files) {
      expect(text(file.bytes).split('\n')).toEqual(file.entries.map((e) => e.number));
    }
  });

  it('carries every number exactly once across the files', () => {
    const input = entries(25);
    const files = buildUploadFiles(input, { numbersPerFile: 4 });
    expect(files.flatMap((f) => f.entries)).toEqual(input);
  });

  it('uses a wide enough counter for many files, so names sort in order', () => {
    const files = buildUploadFiles(entries(1001), { numbersPerFile: 1 });
    expect(files[0]!.name).toBe('numbers-0001.csv');
    expect(files.at(-1)!.name).toBe('numbers-1001.csv');
  });

  it('makes no file for no numbers, since MOR refuses an empty file', () => {
    expect(buildUploadFiles([])).toEqual([]);
  });

  it('defaults to a documented file size', () => {
    expect(buildUploadFiles(entries(DEFAULT_NUMBERS_PER_FILE + 1)).map((f) => f.entries.length)).toEqual([
      DEFAULT_NUMBERS_PER_FILE,
      1,
    ]);
  });

  it('ends every name in .csv and keeps names safe for a multipart header', () => {
    const [file] = buildUploadFiles(entries(1), { baseName: 'Кампанія "1"/x.CSV' });
    expect(file!.name).toMatch(/^[A-Za-z0-9._-]+\.csv$/);
    expect(file!.name).toBe('1_x-001.csv');
    expect(buildUploadFiles(entries(1), { baseName: 'Кампанія' })[0]!.name).toBe('numbers-001.csv');
  });

  it.each([
    '',
    ' 380930000001',
    '380930000001 ',
    '38093\n0000001',
    '38093\r0000001',
    '380930000001,2',
    '3809;3',
    '3809\t3',
    '"380930000001"',
  ])(
    'refuses %j rather than write a line MOR would read differently, naming the row',
    (number) => {
      expect(() => buildUploadFiles([{ sourceRow: 9, number }])).toThrow(/^Row 9:/);
    },
  );

  it.each([0, -1, 1.5, Number.NaN])('refuses numbersPerFile %s', (numbersPerFile) => {
    expect(() => buildUploadFiles(entries(1), { numbersPerFile })).toThrow(RangeError);
  });
});
