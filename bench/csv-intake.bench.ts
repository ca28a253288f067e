/**
 * The intake on a 500,000-row CSV (phone, name, custom field), against the naive pipeline:
 * papaparse streaming parse plus libphonenumber-js parse and isValid per row, on one thread.
 * Both run in this process, alternating, best of three. Peak RSS is measured apart, in a fresh
 * process running the built intake worker (npm run build first), as the app runs it.
 * Run: npm run bench (or npx jiti bench/csv-intake.bench.ts [rows]).
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import Papa from 'papaparse';

import { createIntakeService } from '../src/main/core/intake/create-intake-service';
import { measureIntakeWorker } from './support/spawn-bench';

const ROWS = Number(process.argv[2] ?? 500_000);
const ROUNDS = 3;
const TARGET_RATIO = 0.5;
const TARGET_RSS_MB = 300;
const NAMES = ['Шевченко Тарас', 'Коваленко Марія', 'Smith John', 'Бондаренко Іван', 'Nowak Anna', 'Ткаченко Олена'];

function generate(path: string): void {
  const lines = ['phone,name,customField'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`${380930000000 + i},${NAMES[i % NAMES.length]} ${i % 997},note ${i % 5000}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function naive(path: string): Promise<{ ms: number; valid: number }> {
  const started = performance.now();
  let valid = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<Record<string, string>>(createReadStream(path), {
      header: true,
      skipEmptyLines: true,
      step: (row) => {
        const phone = parsePhoneNumberFromString(row.data.phone ?? '', 'UA');
        if (phone?.isValid()) valid += 1;
      },
      complete: () => resolve({ ms: performance.now() - started, valid }),
      error: reject,
    });
  });
}

async function intake(path: string): Promise<{ ms: number; valid: number }> {
  const started = performance.now();
  const service = createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
  const opened = await service.open('bench.csv', readFileSync(path));
  await service.finished(opened.sheetId);
  const valid = service.view(opened.sheetId).summary.valid;
  return { ms: performance.now() - started, valid };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dialsheet-bench-csv-'));
  const path = join(dir, 'contacts.csv');
  try {
    generate(path);
    const naiveMs: number[] = [];
    const oursMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const base = await naive(path);
      const ours = await intake(path);
      if (base.valid !== ours.valid || ours.valid !== ROWS) throw new Error(`valid counts differ: naive ${base.valid}, intake ${ours.valid}`);
      naiveMs.push(base.ms);
      oursMs.push(ours.ms);
    }
    const alone = measureIntakeWorker(path);
    if (alone.rows !== ROWS) throw new Error(`the worker read ${alone.rows} rows, not ${ROWS}`);
    const best = (list: number[]): number => Math.min(...list);
    const ratio = best(oursMs) / best(naiveMs);
    const rss = alone.maxRssMb ?? Number.NaN;
    console.log(`CSV intake, ${ROWS.toLocaleString('en')} rows (read, map, normalise, validate, deduplicate):`);
    console.log(`  naive pipeline  ${best(naiveMs).toFixed(0)} ms (best of ${ROUNDS})`);
    console.log(`  Dialsheet       ${best(oursMs).toFixed(0)} ms (best of ${ROUNDS})`);
    console.log(`  ratio           ${ratio.toFixed(2)}x  (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
    console.log(
      `  peak RSS        ${rss.toFixed(0)} MB, the built worker alone in a fresh process, ${alone.ms.toFixed(0)} ms (target < ${TARGET_RSS_MB} MB: ${rss < TARGET_RSS_MB ? 'met' : 'NOT met'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
