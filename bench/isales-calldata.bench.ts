/**
 * The iSales call-data writer on one full file (500,000 rows, the documented import maximum),
 * against the baseline of exceljs's WorkbookWriter fed the same rows in a plain loop (the
 * obvious way to use it, which never waits for the compressor, so the uncompressed sheet piles
 * up). Each runs alone in a child process for its peak RSS; the parent then reads our file back
 * with the simulator's template reader, which must accept every row. What still grows with the
 * row count in ours is by contract: each row's entry (sourceRow, sessionId, numbers), about
 * 230 bytes a row, and the finished file itself. Run: npm run bench (or npx jiti bench/isales-calldata.bench.ts [rows]).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import ExcelJS from 'exceljs';

import { buildCallDataFiles, type CallDataContact } from '../src/main/core/providers/isales/calldata-file';
import { buildCallDataRow, CALL_DATA_COLUMNS } from '../src/main/core/providers/isales/calldata-row';
import { readCallDataTemplate } from '../src/main/core/simulator/isales/isales-template-rows';
import { runBenchChild } from './support/spawn-bench';

const OURS = '--ours';
const NAIVE = '--naive';
const mode = process.argv[2] === OURS || process.argv[2] === NAIVE ? process.argv[2] : undefined;
const ROWS = Number(process.argv[mode === undefined ? 2 : 4] ?? 500_000);
const NAMES = ['Олександр Шевченко', 'Марія Коваленко', 'Іван Бондаренко', 'Олена Ткаченко', 'John Smith'];

const phone = (n: number): string => String(n).padStart(10, '0');

/** Rows shaped like an intelligent-IVR campaign: callData as the seed's JSON example, every row. */
function* contacts(): Generator<CallDataContact> {
  for (let i = 0; i < ROWS; i += 1) {
    const name = NAMES[i % NAMES.length] ?? '';
    yield {
      sourceRow: i + 2,
      numbers: [phone(930_000_000 + i), ...(i % 4 === 0 ? [phone(500_000_000 + i)] : [])],
      customField: `${name} #${i}`,
      callData: JSON.stringify({ iSales: { ServiceID: String(1_164_541_685 + i), fullName: name, date: '2024-05-01', riskName: 'Compulsory traffic insurance' } }),
    };
  }
}

interface ChildRun {
  ms: number;
  rows: number;
  bytes: number;
  startRssMb: number;
  maxRssMb: number;
}

async function runOurs(path: string): Promise<Omit<ChildRun, 'startRssMb' | 'maxRssMb'>> {
  const started = performance.now();
  const { files, rejected } = await buildCallDataFiles(contacts(), { baseName: 'bench' });
  const ms = performance.now() - started;
  const [file, ...more] = files;
  if (file === undefined || more.length > 0 || rejected.length > 0) throw new Error(`expected one file and no rejects, got ${files.length} files, ${rejected.length} rejected`);
  writeFileSync(path, file.bytes);
  return { ms, rows: file.entries.length, bytes: file.bytes.length };
}

/** The same rows through exceljs's streaming writer with nothing in between: the baseline. */
async function runNaive(): Promise<Omit<ChildRun, 'startRssMb' | 'maxRssMb'>> {
  const started = performance.now();
  let bytes = 0;
  const output = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      bytes += chunk.length;
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([...CALL_DATA_COLUMNS]).commit();
  let rows = 0;
  for (const contact of contacts()) {
    const built = buildCallDataRow({ ...contact, sessionId: `bench-${contact.sourceRow}`, called: contact.numbers.map((calledNo) => ({ calledNo })) });
    if (!built.ok) throw new Error(`row ${contact.sourceRow} refused`);
    sheet.addRow(built.row.map((cell) => (cell === '' ? null : cell))).commit();
    rows += 1;
  }
  sheet.commit();
  await workbook.commit();
  return { ms: performance.now() - started, rows, bytes };
}

async function child(path: string): Promise<void> {
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;
  const run = mode === OURS ? await runOurs(path) : await runNaive();
  console.log(JSON.stringify({ ...run, startRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function main(): Promise<void> {
  if (mode !== undefined) return child(process.argv[3] ?? '');
  const dir = mkdtempSync(join(tmpdir(), 'dialsheet-bench-isales-'));
  const path = join(dir, 'bench-1.xlsx');
  try {
    const ours = runBenchChild<ChildRun>(process.argv[1] ?? '', [OURS, path, String(ROWS)]);
    const naive = runBenchChild<ChildRun>(process.argv[1] ?? '', [NAIVE, path, String(ROWS)]);
    const readStarted = performance.now();
    const read = await readCallDataTemplate(readFileSync(path));
    const readMs = performance.now() - readStarted;
    if (!read.ok) throw new Error(`the simulator refused the file: ${read.errMsg}`);
    const refused = read.rows.filter((row) => !row.ok).length;
    if (read.rows.length !== ROWS || refused > 0) throw new Error(`the simulator read ${read.rows.length} rows, ${refused} refused; expected ${ROWS}, none refused`);
    const mb = (value: number): string => `${value.toFixed(0)} MB`;
    console.log(`iSales call-data file, ${ROWS.toLocaleString('en')} rows, ${(ours.bytes / 1024 / 1024).toFixed(1)} MB file:`);
    console.log(`  ours (buildCallDataFiles)  ${ours.ms.toFixed(0)} ms, peak RSS ${mb(ours.maxRssMb)} (${mb(ours.startRssMb)} at start)`);
    console.log(`  exceljs in a plain loop    ${naive.ms.toFixed(0)} ms, peak RSS ${mb(naive.maxRssMb)} (${mb(naive.startRssMb)} at start)`);
    console.log(`  time ratio                 ${(ours.ms / naive.ms).toFixed(2)}x`);
    const ratio = (ours.maxRssMb - ours.startRssMb) / (naive.maxRssMb - naive.startRssMb);
    console.log(`  RSS growth ratio           ${ratio.toFixed(2)}x  (target < 1x, though ours also keeps every row's entry: ${ratio < 1 ? 'met' : 'NOT met'})`);
    console.log(`  simulator read back        ${read.rows.length.toLocaleString('en')} rows accepted in ${readMs.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
