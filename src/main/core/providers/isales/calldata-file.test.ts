import { describe, expect, it } from 'vitest';

import { readXlsxRows, type XlsxRow } from '../../intake/xlsx/read-xlsx';
import { readCallDataTemplate } from '../../simulator/isales/isales-template-rows';
import { buildCallDataFiles, type CallDataContact, type CallDataFile, type CallDataFilesProgress } from './calldata-file';
import { CALL_DATA_COLUMNS } from './calldata-row';

async function sheetRows(file: CallDataFile): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readXlsxRows(file.bytes, 0)) rows.push(row);
  return rows;
}

/** Data rows as the cells were stored; a blank cell reads as undefined. */
async function dataCells(file: CallDataFile): Promise<Array<Array<unknown>>> {
  const [header, ...rows] = await sheetRows(file);
  expect(header?.rowNumber).toBe(1);
  expect(header?.cells).toEqual([...CALL_DATA_COLUMNS]);
  rows.forEach((row, index) => expect(row.rowNumber).toBe(index + 2));
  return rows.map((row) => Array.from({ length: CALL_DATA_COLUMNS.length }, (_, i) => row.cells[i]));
}

function onlyFile(files: readonly CallDataFile[]): CallDataFile {
  expect(files).toHaveLength(1);
  return files[0] as CallDataFile;
}

const contact = (sourceRow: number, ...numbers: string[]): CallDataContact => ({ sourceRow, numbers });

describe('buildCallDataFiles', () => {
  it('writes every value exactly, as text, leading zeros kept and `called` as JSON', async () => {
    const { files, rejected } = await buildCallDataFiles(
      [
        {
          sourceRow: 2,
          sessionId: '00417',
          numbers: ['0931234567', '*100#'],
          caller: '044200',
          callData: '{"iSales":{"fullName":"Lin Zihang"}}',
          customField: 'batch "7" & <more>',
          recycleTime: '2024-02-29 23:59:59',
        },
        contact(3, '00380931234567'),
      ],
      { baseName: 'may-leads' },
    );
    expect(rejected).toEqual([]);
    const file = onlyFile(files);
    expect(file.name).toBe('may-leads-1.xlsx');
    const [first, second] = await dataCells(file);
    expect(first).toEqual([
      '00417',
      '[{"calledNo":"0931234567"},{"calledNo":"*100#"}]',
      '044200',
      '{"iSales":{"fullName":"Lin Zihang"}}',
      'batch "7" & <more>',
      '2024-02-29 23:59:59',
    ]);
    const generated = file.entries[1]?.sessionId ?? '';
    expect(generated).toMatch(/^may-leads-[0-9a-f]{8}-3$/);
    expect(second).toEqual([generated, '[{"calledNo":"00380931234567"}]', undefined, undefined, undefined, undefined]);
    expect(JSON.parse(String(second?.[1]))).toEqual([{ calledNo: '00380931234567' }]);
    expect(file.entries).toEqual([
      { sourceRow: 2, sessionId: '00417', numbers: ['0931234567', '*100#'] },
      { sourceRow: 3, sessionId: generated, numbers: ['00380931234567'] },
    ]);
  });

  it('keeps Cyrillic in customField exactly, up to the 200-character limit', async () => {
    const names = ['Олександр Шевченко, передзвонити ввечері', 'Ґанна Їжакевич: є борг', 'Ж'.repeat(200)];
    const { files, rejected } = await buildCallDataFiles(
      names.map((customField, i) => ({ ...contact(i + 2, '0501234567'), customField })),
      { baseName: 'кирилиця' },
    );
    expect(rejected).toEqual([]);
    const file = onlyFile(files);
    // Nothing readable in the base name: the files still get a plain name.
    expect(file.name).toBe('calldata-1.xlsx');
    expect((await dataCells(file)).map((cells) => cells[4])).toEqual(names);
  });

  it('splits at rowsPerFile, numbering the files and their entries in sheet order', async () => {
    const contacts = Array.from({ length: 7 }, (_, i) => contact(i + 10, `050000000${i}`));
    const { files } = await buildCallDataFiles(contacts, { baseName: 'leads.xlsx', rowsPerFile: 3 });
    expect(files.map((file) => [file.name, file.entries.map((entry) => entry.sourceRow)])).toEqual([
      ['leads-1.xlsx', [10, 11, 12]],
      ['leads-2.xlsx', [13, 14, 15]],
      ['leads-3.xlsx', [16]],
    ]);
    for (const file of files) {
      const cells = await dataCells(file);
      expect(cells.map((row) => [row[0], JSON.parse(String(row[1])) as unknown])).toEqual(
        file.entries.map((entry) => [entry.sessionId, entry.numbers.map((calledNo) => ({ calledNo }))]),
      );
    }
  });

  it('opens no empty file: a full last file ends the list, and no valid row means no file', async () => {
    const six = Array.from({ length: 6 }, (_, i) => contact(i + 2, '1'));
    expect((await buildCallDataFiles(six, { baseName: 'b', rowsPerFile: 3 })).files.map((file) => file.name)).toEqual(['b-1.xlsx', 'b-2.xlsx']);
    const none = await buildCallDataFiles([contact(2, '+1')], { baseName: 'b' });
    expect(none.files).toEqual([]);
    expect(none.rejected).toHaveLength(1);
  });

  it('leaves out a contact with problems and returns its row with every reason', async () => {
    const { files, rejected } = await buildCallDataFiles(
      [
        contact(2, '0931234567'),
        { ...contact(3, '+380931234567', '12a'), customField: 'c'.repeat(201) },
        { ...contact(4, '0931234567'), callData: 'name=Ivan' },
        { ...contact(5, '0931234567'), caller: '044\r\n' },
        { ...contact(6, '0931234567'), sessionId: 'dup' },
        { ...contact(7, '0931234567'), sessionId: 'dup', recycleTime: '2024-02-30 10:00:00' },
        contact(8),
        contact(9, '0501234567'),
      ],
      { baseName: 'b', requireJsonCallData: true },
    );
    expect(onlyFile(files).entries.map((entry) => entry.sourceRow)).toEqual([2, 6, 9]);
    expect(rejected.map((r) => [r.sourceRow, r.problems.map((p) => `${p.field}: ${p.reason}`)])).toEqual([
      [3, ['called[0].calledNo: invalid-characters', 'called[1].calledNo: invalid-characters', 'customField: too-long']],
      [4, ['callData: not-json']],
      [5, ['caller: invalid-characters']],
      [7, ['recycleTime: invalid-format', 'sessionId: duplicate']],
      [8, ['called: required']],
    ]);
    const duplicate = rejected[3]?.problems[1]?.message;
    expect(duplicate).toBe('sessionId "dup" is already used by row 6; each row needs its own, or iSales results cannot be traced back to one row.');
  });

  it('accepts non-JSON callData unless the flow needs JSON', async () => {
    const input = [{ ...contact(2, '1'), callData: 'name=Ivan' }];
    expect((await buildCallDataFiles(input, { baseName: 'b' })).rejected).toEqual([]);
    expect((await buildCallDataFiles(input, { baseName: 'b', requireJsonCallData: true })).rejected).toHaveLength(1);
  });

  it('writes files the simulated iSales import accepts row for row', async () => {
    const contacts: CallDataContact[] = [
      { ...contact(2, '0931234567', '0501234567'), customField: 'Марія', recycleTime: '2025-01-31 09:00:00' },
      { ...contact(3, '*100#'), sessionId: 'S-3', caller: '4420', callData: '{"k":"v"}' },
      contact(4, '0441234567'),
    ];
    const { files } = await buildCallDataFiles(contacts, { baseName: 'sim', rowsPerFile: 2 });
    expect(files).toHaveLength(2);
    for (const file of files) {
      const read = await readCallDataTemplate(file.bytes);
      if (!read.ok) throw new Error(read.errMsg);
      expect(read.rows).toEqual(
        file.entries.map((entry, index) => ({ rowNumber: index + 2, ok: true, sessionId: entry.sessionId, called: entry.numbers })),
      );
    }
  });

  it('reports progress every 1,000 contacts and once at the end', async () => {
    const seen: CallDataFilesProgress[] = [];
    const contacts = Array.from({ length: 2500 }, (_, i) => contact(i + 2, i % 10 === 0 ? '+1' : '1'));
    await buildCallDataFiles(contacts, { baseName: 'b', onProgress: (progress) => seen.push(progress) });
    expect(seen).toEqual([
      { contacts: 1000, written: 900, rejected: 100 },
      { contacts: 2000, written: 1800, rejected: 200 },
      { contacts: 2500, written: 2250, rejected: 250 },
    ]);
  });

  it.each([0, 500_001, 2.5, Number.NaN])('refuses rowsPerFile %s', async (rowsPerFile) => {
    await expect(buildCallDataFiles([], { baseName: 'b', rowsPerFile })).rejects.toThrow(RangeError);
  });

  it('refuses a contact whose sourceRow is not a row number, even with a sessionId', async () => {
    await expect(buildCallDataFiles([{ ...contact(0, '1'), sessionId: 's' }], { baseName: 'b' })).rejects.toThrow(/sourceRow/);
  });

  it('writes 100,000 rows from a generator (figures printed; memory is held to account in the bench)', async () => {
    const rows = 100_000;
    async function* contacts(): AsyncGenerator<CallDataContact> {
      for (let i = 0; i < rows; i++) yield { ...contact(i + 2, `0${930_000_000 + i}`), customField: `Олена Коваленко ${i}` };
    }
    const before = process.memoryUsage().rss;
    let peakGrowth = 0;
    const started = performance.now();
    const { files, rejected } = await buildCallDataFiles(contacts(), {
      baseName: 'big',
      onProgress: () => {
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().rss - before);
      },
    });
    const ms = performance.now() - started;
    const file = onlyFile(files);
    console.log(`100,000 rows: ${ms.toFixed(0)} ms, ${(file.bytes.length / 1e6).toFixed(1)} MB file, peak RSS growth ${(peakGrowth / 1e6).toFixed(0)} MB`);
    expect(rejected).toEqual([]);
    expect(file.entries).toHaveLength(rows);
    // RSS is noisy on a shared machine, so no ceiling is asserted here: the backlog's bound is
    // checked exactly in xlsx-sheet-writer.test.ts, and npm run bench measures the 500,000-row peak.
    const read = await readCallDataTemplate(file.bytes);
    if (!read.ok) throw new Error(read.errMsg);
    expect(read.rows).toHaveLength(rows);
    expect(read.rows.at(-1)).toEqual({ rowNumber: rows + 1, ok: true, sessionId: file.entries.at(-1)?.sessionId, called: ['0930099999'] });
  });
});
