/**
 * The XLSX reader on a 500,000-row sheet (phone, name, custom field) written by exceljs's
 * WorkbookWriter, against exceljs's streaming WorkbookReader (styles cached, as the reader needs
 * them for dates). Both run in this process, alternating, best of three, and must agree on the
 * row count and the last row. Peak RSS is measured in a child process that runs only our reader.
 * Run: npm run bench (or npx jiti bench/xlsx-read.bench.ts [rows]).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';

import { cellToText, type CellValue, readXlsxRowBatches, readXlsxRows } from '../src/main/core/intake/xlsx/read-xlsx';
import { runBenchChild } from './support/spawn-bench';

const CHILD = '--reader-only';
const ROWS = Number(process.argv[process.argv.indexOf(CHILD) >= 0 ? 4 : 2] ?? 500_000);
const ROUNDS = 3;
const TARGET_RATIO = 0.35;
const TARGET_RSS_MB = 300;
const FIRST_NAMES = ['Олександр', 'Марія', 'Іван', 'Олена', 'Андрій', 'Наталія', 'John', 'Anna'];
const LAST_NAMES = ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Олійник', 'Smith', 'Мельник'];
const NOTES = ['передзвонити ввечері', 'не бере трубку', 'VIP', 'new lead', 'перезвонить завтра утром'];

function pick(list: readonly string[], index: number): string {
  return list[index % list.length] ?? '';
}

async function generate(path: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('Contacts');
  sheet.addRow(['Phone', 'Name', 'Note']).commit();
  for (let index = 1; index < ROWS; index += 1) {
    const name = `${pick(FIRST_NAMES, index * 7)} ${pick(LAST_NAMES, index * 13)} ${index % 1000}`;
    sheet.addRow([380_930_000_000 + index, name, `${pick(NOTES, index)} #${index % 5000}`]).commit();
  }
  sheet.commit();
  await writer.commit();
}

interface Run {
  ms: number;
  rows: number;
  lastRow: string[];
}

function exceljsText(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'richText' in value) return '(rich text)';
  return typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
}

async function readWithExceljs(path: string): Promise<Run> {
  const started = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { styles: 'cache' });
  let rows = 0;
  let lastValues: unknown[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows += 1;
      lastValues = row.values as unknown[];
    }
  }
  return { ms: performance.now() - started, rows, lastRow: lastValues.slice(1).map(exceljsText) };
}

function ourText(cells: ReadonlyArray<CellValue | undefined>): string[] {
  return Array.from(cells, (cell) => cellToText(cell));
}

/**
 * Row by row, the way a simple caller uses it; `batched` takes the batches the rows come in.
 * Like the exceljs run, it keeps each row's values and turns only the last into text, so the
 * figures are the readers' own and not the caller's.
 */
async function readWithOurs(path: string, batched: boolean): Promise<Run> {
  const started = performance.now();
  const bytes = readFileSync(path);
  let rows = 0;
  let lastCells: ReadonlyArray<CellValue | undefined> = [];
  if (batched) {
    for await (const batch of readXlsxRowBatches(bytes, 0)) {
      for (const row of batch) {
        rows += 1;
        lastCells = row.cells;
      }
    }
  } else {
    for await (const row of readXlsxRows(bytes, 0)) {
      rows += 1;
      lastCells = row.cells;
    }
  }
  return { ms: performance.now() - started, rows, lastRow: ourText(lastCells) };
}

function sameRun(a: Run, b: Run): boolean {
  return a.rows === b.rows && JSON.stringify(a.lastRow) === JSON.stringify(b.lastRow);
}

async function main(): Promise<void> {
  if (process.argv.includes(CHILD)) {
    const run = await readWithOurs(process.argv[3] ?? '', false);
    console.log(JSON.stringify({ ...run, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dialsheet-bench-xlsx-'));
  const path = join(dir, 'contacts.xlsx');
  try {
    await generate(path);
    const theirsMs: number[] = [];
    const oursMs: number[] = [];
    const batchedMs: number[] = [];
    let reference: Run | undefined;
    for (let round = 0; round < ROUNDS; round += 1) {
      const theirs = await readWithExceljs(path);
      const ours = await readWithOurs(path, false);
      const batched = await readWithOurs(path, true);
      if (!sameRun(theirs, ours) || !sameRun(theirs, batched) || ours.rows !== ROWS) {
        throw new Error(`readers disagree: exceljs ${theirs.rows} rows ending ${JSON.stringify(theirs.lastRow)}, ours ${ours.rows} ending ${JSON.stringify(ours.lastRow)}`);
      }
      reference = ours;
      theirsMs.push(theirs.ms);
      oursMs.push(ours.ms);
      batchedMs.push(batched.ms);
    }
    const alone = runBenchChild<{ maxRssMb: number }>(process.argv[1] ?? '', [CHILD, path, String(ROWS)]);
    const best = (list: number[]): number => Math.min(...list);
    const ratio = best(oursMs) / best(theirsMs);
    const rss = alone.maxRssMb;
    console.log(`XLSX read, ${ROWS.toLocaleString('en')} rows x 3 columns, ${(readFileSync(path).length / 1024 / 1024).toFixed(1)} MB file:`);
    console.log(`  exceljs WorkbookReader  ${best(theirsMs).toFixed(0)} ms (best of ${ROUNDS})`);
    console.log(`  ours, row by row        ${best(oursMs).toFixed(0)} ms (best of ${ROUNDS})`);
    console.log(`  ours, in batches        ${best(batchedMs).toFixed(0)} ms (best of ${ROUNDS}, ${(best(batchedMs) / best(theirsMs)).toFixed(2)}x)`);
    console.log(`  ratio                   ${ratio.toFixed(2)}x  (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
    console.log(`  peak RSS                ${rss.toFixed(0)} MB  (target < ${TARGET_RSS_MB} MB: ${rss < TARGET_RSS_MB ? 'met' : 'NOT met'})`);
    console.log(`  last row, both readers  ${JSON.stringify(reference?.lastRow)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
