/**
 * 500,000 phone numbers through libphonenumber-js/max (parse + isValid + getType, the per-row
 * baseline) and through our normaliser, in the same process, printing the time ratio. Run from
 * the repository root:  npx jiti bench/phone.bench.ts [numbers]
 *
 * Corpora: "UA sequential" is 380930000000+i with default UA (a typical MOR list); "mixed" is the
 * differential test's corpus (every country, every writing, a third of it invalid) repeated;
 * "common shapes" is the mixed corpus without junk, IDD, mutations and random codes (about half
 * of it still invalid: national numbers read with another country's default); "valid common
 * shapes" keeps only what the library accepts, i.e. a clean list from anywhere.
 * Papaparse's time for a CSV of the same size is printed so the phone step can be read against
 * the "papaparse + libphonenumber per row" budget. Timings are the best of a few alternating
 * rounds, because the machine is shared.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import Papa from 'papaparse';

import { createFastNormaliser } from '../src/main/core/intake/phone/fast-normalise';
import { createPhoneNormaliser } from '../src/main/core/intake/phone/normalise-phone';
import { buildPhoneCorpus, COMMON_SHAPES, type CorpusEntry } from '../src/main/core/intake/phone/phone-corpus';

const COUNT = Number(process.argv[2] ?? 500_000);
const ROUNDS = 3;

interface Case {
  readonly raw: string;
  readonly country: CountryCode;
}

function repeatTo(entries: readonly CorpusEntry[], count: number): Case[] {
  const cases: Case[] = [];
  for (let i = 0; cases.length < count; i++) {
    const entry = entries[i % entries.length];
    if (entry !== undefined) cases.push({ raw: entry.raw, country: entry.defaultCountry });
  }
  return cases;
}

function uaSequential(count: number): Case[] {
  return Array.from({ length: count }, (_, i) => ({ raw: String(380_930_000_000 + i), country: 'UA' as const }));
}

// Both sides return a checksum so the JIT cannot drop the work.
function library(cases: readonly Case[]): number {
  let valid = 0;
  for (const { raw, country } of cases) {
    const number = parsePhoneNumberFromString(raw, country);
    if (number?.isValid() === true && number.getType() !== undefined) valid++;
  }
  return valid;
}

function normaliserPerCountry<T>(make: (country: CountryCode) => T): (country: CountryCode) => T {
  const made = new Map<CountryCode, T>();
  return (country) => {
    let normaliser = made.get(country);
    if (normaliser === undefined) {
      normaliser = make(country);
      made.set(country, normaliser);
    }
    return normaliser;
  };
}

function fastAnswers(cases: readonly Case[]): number {
  const forCountry = normaliserPerCountry(createFastNormaliser);
  let valid = 0;
  for (const { raw, country } of cases) {
    const answer = forCountry(country)(raw);
    if (answer.parsed && answer.valid && answer.type !== undefined) valid++;
  }
  return valid;
}

function phoneResults(cases: readonly Case[]): number {
  const forCountry = normaliserPerCountry((defaultCountry) => createPhoneNormaliser({ defaultCountry, mode: 'e164' }));
  let valid = 0;
  for (const { raw, country } of cases) {
    if (forCountry(country)(raw).ok) valid++;
  }
  return valid;
}

function papaparse(cases: readonly Case[]): number {
  const csv = 'phone,name\n' + cases.map(({ raw }, i) => `"${raw}",Name ${i}`).join('\n');
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.length;
}

function bestOf(run: () => number): { ms: number; check: number } {
  let best = Infinity;
  let check = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    check = run();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, check };
}

function report(name: string, cases: readonly Case[]): void {
  // Warm every path once so compilation is not billed to whichever runs first.
  const warm = cases.slice(0, 5000);
  library(warm);
  fastAnswers(warm);
  phoneResults(warm);
  const lib = bestOf(() => library(cases));
  const fast = bestOf(() => fastAnswers(cases));
  const full = bestOf(() => phoneResults(cases));
  const csv = bestOf(() => papaparse(cases));
  const perNumber = (ms: number): string => `${((ms * 1000) / cases.length).toFixed(2)} µs/number`;
  console.log(`\n${name}: ${cases.length} numbers, ${lib.check} valid by libphonenumber-js`);
  console.log(`  libphonenumber-js parse+isValid+getType  ${lib.ms.toFixed(0)} ms  (${perNumber(lib.ms)})`);
  console.log(`  fast normaliser (same answers)           ${fast.ms.toFixed(0)} ms  (${perNumber(fast.ms)})  ratio ${(fast.ms / lib.ms).toFixed(3)}  speed-up ${(lib.ms / fast.ms).toFixed(1)}x`);
  console.log(`  createPhoneNormaliser (+ reasons)        ${full.ms.toFixed(0)} ms  (${perNumber(full.ms)})  ratio ${(full.ms / lib.ms).toFixed(3)}`);
  console.log(`  papaparse of the same rows as CSV        ${csv.ms.toFixed(0)} ms`);
  console.log(`  phone step / (papaparse + libphonenumber) = ${(full.ms / (csv.ms + lib.ms)).toFixed(3)}`);
  if (fast.check !== lib.check) console.log(`  !! valid counts differ from the library's`);
}

const corpus = buildPhoneCorpus(20261127);
report('UA sequential (380930000000+i, default UA)', uaSequential(COUNT));
report('mixed corpus', repeatTo(corpus, COUNT));
const common = corpus.filter((entry) => COMMON_SHAPES.has(entry.shape));
report('common shapes', repeatTo(common, COUNT));
const validCommon = common.filter((entry) => parsePhoneNumberFromString(entry.raw, entry.defaultCountry)?.isValid() === true);
report('valid common shapes', repeatTo(validCommon, COUNT));
