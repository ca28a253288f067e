import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';

import { createFastNormaliser, createFastVerdict, type FastNormaliser, type FastVerdict } from './fast-normalise';
import { createPhoneNormaliser, type PhoneNormaliser } from './normalise-phone';
import type { PhoneAnswer } from './phone-answer';
import { buildPhoneCorpus, COMMON_SHAPES, CORPUS_DEFAULT_COUNTRIES, type CorpusEntry } from './phone-corpus';
import type { PhoneResult } from './phone-result';

interface Comparable {
  readonly e164: string | undefined;
  readonly country: CountryCode | undefined;
  readonly valid: boolean;
  readonly type: string | undefined;
}

const NOTHING: Comparable = { e164: undefined, country: undefined, valid: false, type: undefined };

/** The reference: exactly the calls the intake pipeline would otherwise make per row. */
function libraryReference(raw: string, defaultCountry: CountryCode): Comparable {
  const number = parsePhoneNumberFromString(raw, defaultCountry);
  if (number === undefined) return NOTHING;
  return { e164: number.number, country: number.country, valid: number.isValid(), type: number.getType() };
}

function fromAnswer(answer: PhoneAnswer): Comparable {
  if (!answer.parsed) return NOTHING;
  return { e164: answer.e164, country: answer.country, valid: answer.valid, type: answer.type };
}

/** The product API says nothing about invalid numbers beyond "not ok", so only valid ones compare. */
function fromResult(result: PhoneResult, expected: Comparable): Comparable {
  if (!result.ok) return expected.valid ? NOTHING : expected;
  return { e164: result.e164, country: result.country, valid: true, type: result.type };
}

const differs = (actual: Comparable, expected: Comparable): boolean => JSON.stringify(actual) !== JSON.stringify(expected);

interface Normalisers {
  readonly production: FastNormaliser;
  readonly mirror: FastVerdict;
  readonly product: PhoneNormaliser;
}

function normalisersFor(cache: Map<CountryCode, Normalisers>, country: CountryCode): Normalisers {
  let made = cache.get(country);
  if (made === undefined) {
    made = {
      production: createFastNormaliser(country),
      mirror: createFastVerdict(country),
      product: createPhoneNormaliser({ defaultCountry: country, mode: 'e164' }),
    };
    cache.set(country, made);
  }
  return made;
}

interface Tally {
  total: number;
  /** Answered by the fast path in production. */
  fast: number;
  /** Answered by the mirror alone, valid or not, before any fallback. */
  mirrored: number;
  commonValid: number;
  commonValidFast: number;
  /** Cells the product refused as Excel-mangled although the library found a valid number. */
  refusedAsDigitsLost: number;
  mismatches: string[];
}

function compareAll(corpus: readonly CorpusEntry[]): Tally {
  const tally: Tally = { total: 0, fast: 0, mirrored: 0, commonValid: 0, commonValidFast: 0, refusedAsDigitsLost: 0, mismatches: [] };
  const cache = new Map<CountryCode, Normalisers>();
  const check = (label: string, entry: CorpusEntry, actual: Comparable, expected: Comparable): void => {
    if (!differs(actual, expected)) return;
    const where = `${JSON.stringify(entry.raw)} (${entry.defaultCountry})`;
    tally.mismatches.push(`${label} ${where}: ${JSON.stringify(actual)} vs library ${JSON.stringify(expected)}`);
  };
  for (const entry of corpus) {
    const { production, mirror, product } = normalisersFor(cache, entry.defaultCountry);
    const expected = libraryReference(entry.raw, entry.defaultCountry);
    const answer = production(entry.raw);
    tally.total++;
    check('normaliser', entry, fromAnswer(answer), expected);
    if (answer.path === 'fast') tally.fast++;
    if (COMMON_SHAPES.has(entry.shape) && expected.valid) {
      tally.commonValid++;
      if (answer.path === 'fast') tally.commonValidFast++;
    }
    // The mirror alone, checked on its own: production trusts it for invalid numbers as well.
    const mirrored = mirror(entry.raw);
    if (mirrored !== undefined) {
      tally.mirrored++;
      check('mirror', entry, fromAnswer(mirrored), expected);
    }
    const result = product(entry.raw);
    if (!result.ok && result.reason === 'digits-lost' && expected.valid) tally.refusedAsDigitsLost++;
    else check('createPhoneNormaliser', entry, fromResult(result, expected), expected);
  }
  return tally;
}

// Four answers per input over ~90,000 inputs: seconds on an idle machine, more on a shared one.
const DIFFERENTIAL_TIMEOUT_MS = 60_000;

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

describe('fast normaliser against libphonenumber-js/max', () => {
  const corpus = buildPhoneCorpus(20261127, 8);

  it('builds a large corpus over every example country and every default country', () => {
    expect(corpus.length).toBeGreaterThan(50_000);
    const defaults = new Set(corpus.map((entry) => entry.defaultCountry));
    for (const country of CORPUS_DEFAULT_COUNTRIES) expect(defaults.has(country)).toBe(true);
    expect(new Set(corpus.map((entry) => entry.shape)).size).toBe(10);
  });

  it('gives e164, country, validity and type equal to the library for every input, on every path', () => {
    const tally = compareAll(corpus);
    console.log(
      `phone differential: ${tally.total} inputs; ${tally.fast} (${percent(tally.fast, tally.total)}) answered on the fast path, ` +
        `the rest by libphonenumber-js; the mirror alone answered ${tally.mirrored} (${percent(tally.mirrored, tally.total)}), ` +
        `valid or not; valid numbers in common shapes: ${tally.commonValidFast}/${tally.commonValid} ` +
        `(${percent(tally.commonValidFast, tally.commonValid)}) on the fast path; ` +
        `${tally.refusedAsDigitsLost} refused as Excel-mangled although the library accepts them`,
    );
    expect(tally.mismatches.slice(0, 20)).toEqual([]);
    // The common shapes are what the fast path is for; if it stops taking them the speed is gone.
    expect(tally.commonValidFast / tally.commonValid).toBeGreaterThan(0.95);
    expect(tally.mirrored / tally.total).toBeGreaterThan(0.8);
  }, DIFFERENTIAL_TIMEOUT_MS);
});
