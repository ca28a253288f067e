import type { CountryCode } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';

import { isKnownCountry, readPlanFacts } from './metadata-facts';
import { seededRandom } from '../../random/seeded-random';

/**
 * A deterministic corpus of the texts a phone column really holds, and of what goes wrong with
 * them, for the differential test and the bench. Not used by the app itself.
 */

/** How a corpus text was written; the first five are the shapes the fast path is for. */
export type CorpusShape =
  | 'e164'
  | 'international-formatted'
  | 'national'
  | 'national-formatted'
  | 'without-plus'
  | 'idd'
  | 'mutated'
  | 'wrong-length'
  | 'random-calling-code'
  | 'junk';

export const COMMON_SHAPES: ReadonlySet<CorpusShape> = new Set<CorpusShape>([
  'e164',
  'international-formatted',
  'national',
  'national-formatted',
  'without-plus',
]);

export interface CorpusEntry {
  readonly raw: string;
  readonly defaultCountry: CountryCode;
  readonly shape: CorpusShape;
}

/** The default countries supervisors pick (UA/RU/KZ first: that is who loads lists today). */
export const CORPUS_DEFAULT_COUNTRIES: readonly CountryCode[] = [
  'UA',
  'RU',
  'KZ',
  'PL',
  'US',
  'GB',
  'DE',
  'IT',
  'AR',
  'MX',
  'BR',
];

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
};

const randomInt = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

const randomDigits = (random: Random, count: number): string => {
  let digits = '';
  for (let i = 0; i < count; i++) digits += String(Math.floor(random() * 10));
  return digits;
};

/** Splits digits into groups of 2-4 joined by one separator style, area code maybe in brackets. */
function formatDigits(random: Random, digits: string): string {
  const separator = pick(random, [' ', '-', '.', ' ', '-']);
  const groups: string[] = [];
  for (let at = 0; at < digits.length; ) {
    const size = randomInt(random, 2, 4);
    groups.push(digits.slice(at, at + size));
    at += size;
  }
  const [first, ...rest] = groups;
  if (first === undefined) return digits;
  const head = random() < 0.3 ? `(${first})` : first;
  return [head, ...rest].join(separator);
}

function mutate(random: Random, digits: string): string {
  const at = randomInt(random, 0, Math.max(0, digits.length - 1));
  switch (randomInt(random, 0, 3)) {
    case 0:
      return digits.slice(0, at) + randomDigits(random, 1) + digits.slice(at + 1);
    case 1:
      return digits.slice(0, at) + digits.slice(at + 1);
    case 2:
      return digits.slice(0, at) + randomDigits(random, 1) + digits.slice(at);
    default:
      return digits.slice(0, at) + randomDigits(random, digits.length - at);
  }
}

/** Keeps the leading digits (operator, area code) and re-rolls the rest: mostly still valid. */
function sibling(random: Random, nationalNumber: string): string {
  const keep = Math.min(nationalNumber.length, randomInt(random, 2, 4));
  return nationalNumber.slice(0, keep) + randomDigits(random, nationalNumber.length - keep);
}

interface CountryFacts {
  readonly country: CountryCode;
  readonly callingCode: string;
  readonly nationalPrefix: string;
  readonly example: string;
}

function countryFacts(country: CountryCode): CountryFacts {
  const facts = readPlanFacts(country);
  return {
    country,
    callingCode: facts.callingCode,
    nationalPrefix: facts.nationalPrefix ?? '',
    example: examples[country],
  };
}

function allCountries(): CountryFacts[] {
  return Object.keys(examples)
    .filter(isKnownCountry)
    .map(countryFacts);
}

type Emit = (raw: string, defaultCountry: CountryCode, shape: CorpusShape) => void;

/** One national number written every way a list writes it. */
function emitWritings(random: Random, emit: Emit, facts: CountryFacts, nsn: string, home: CountryCode): void {
  const { callingCode, nationalPrefix } = facts;
  const other = pick(random, CORPUS_DEFAULT_COUNTRIES);
  emit('+' + callingCode + nsn, other, 'e164');
  const international = random() < 0.2 ? `(+${callingCode})` : `+${callingCode}`;
  emit(`${international} ${formatDigits(random, nsn)}`, pick(random, CORPUS_DEFAULT_COUNTRIES), 'international-formatted');
  emit(nationalPrefix + nsn, home, 'national');
  emit(formatDigits(random, nationalPrefix + nsn), home, 'national-formatted');
  emit(callingCode + nsn, home, 'without-plus');
  emit(nationalPrefix + nsn, other, 'national');
  emit('00' + callingCode + nsn, home, 'idd');
  emit('+' + mutate(random, callingCode + nsn), other, 'mutated');
  emit(mutate(random, nationalPrefix + nsn), home, 'mutated');
  emit(mutate(random, callingCode + nsn), home, 'mutated');
}

function emitWrongLengths(random: Random, emit: Emit, facts: CountryFacts, nsn: string): void {
  const cut = nsn.slice(0, Math.max(1, nsn.length - randomInt(random, 1, 3)));
  const long = nsn + randomDigits(random, randomInt(random, 1, 3));
  emit('+' + facts.callingCode + cut, facts.country, 'wrong-length');
  emit(facts.nationalPrefix + long, facts.country, 'wrong-length');
  emit(facts.callingCode + long, facts.country, 'wrong-length');
}

function emitRandomCallingCodes(random: Random, emit: Emit, count: number): void {
  for (let i = 0; i < count; i++) {
    const digits = randomDigits(random, randomInt(random, 1, 3)) + randomDigits(random, randomInt(random, 4, 13));
    emit('+' + digits, pick(random, CORPUS_DEFAULT_COUNTRIES), 'random-calling-code');
    emit(digits, pick(random, CORPUS_DEFAULT_COUNTRIES), 'random-calling-code');
  }
}

/** Cells that are not clean numbers; each must still get exactly the library's answer. */
const JUNK = [
  '',
  ' ',
  '+',
  '12',
  '(12)',
  '+12',
  '++380931234567',
  '+0931234567',
  '+380 93 123 45 67 ext. 12',
  '093 123 45 67 x12',
  '093\t123 45 67',
  'tel:+380931234567',
  'моб. 0931234567',
  '3.8093E+11',
  '380931234567890000',
  '+3８0931234567',
  '０９３１２３４５６７',
  '093/123-45-67',
  '8 (800) 555-35-35',
  '+7 (800) 555-35-35',
  '8 800 555 35 35',
  '+1 (800) 555-0100',
  '1-800-555-0100',
  '+44 (0) 20 7946 0018',
  '+39 06 6988 1234',
  '06 6988 1234',
  '0039 06 6988 1234',
  '+39 3123456789',
  '+54 9 11 2345-6789',
  '011 15-2345-6789',
  '+55 11 96123-4567',
  '(011) 96123-4567',
  '0 11 96123-4567',
  '+52 1 55 1234 5678',
  '+800 1234 5678',
  '+882 1234 5678',
  '+7 701 000 99 98',
  '8 701 000 99 98',
  '+7 6123456789',
  '+1 340 123 4567',
  '1 340 123 4567',
  '+1 242 359 1234',
  '+262 269 61 23 45',
  '+44 7624 123456',
  '07624 123456',
  // Canada's 7-digit numbers: the prefix check must use Canada's lengths, not the main plan's.
  '+1 1 310 1234',
  '1 310 1234',
  '13101234',
  '+13101234',
  // Nothing or next to nothing after the calling code.
  '380',
  '+380',
  '+3800',
  '3800',
  '777',
  '+777',
  '8 8 8',
  '0 0 0',
  '.(-1-)',
  // A '+' after a digit is not a leading plus.
  '12345+',
  '0+380931234567',
  '8+7 912 345 67 89',
  '380+931234567',
];

function emitJunk(random: Random, emit: Emit): void {
  for (const raw of JUNK) {
    for (const country of CORPUS_DEFAULT_COUNTRIES) emit(raw, country, 'junk');
  }
  for (let i = 0; i < 200; i++) {
    const digits = randomDigits(random, randomInt(random, 9, 13));
    const noisy = pick(random, [`${digits}#`, `${digits};1`, `a${digits}`, `${digits} доб. 5`, `+${digits}+`, `${digits}+`, `${digits.slice(0, 2)}+${digits.slice(2)}`]);
    emit(noisy, pick(random, CORPUS_DEFAULT_COUNTRIES), 'junk');
  }
}

/** Every example country, several siblings per country; more for the default countries. */
export function buildPhoneCorpus(seed: number, siblingsPerCountry = 12): CorpusEntry[] {
  const random = seededRandom(seed);
  const corpus: CorpusEntry[] = [];
  const emit: Emit = (raw, defaultCountry, shape) => corpus.push({ raw, defaultCountry, shape });
  const defaults = new Set<CountryCode>(CORPUS_DEFAULT_COUNTRIES);
  for (const facts of allCountries()) {
    const rounds = defaults.has(facts.country) ? siblingsPerCountry * 20 : siblingsPerCountry;
    emitWritings(random, emit, facts, facts.example, facts.country);
    for (let i = 0; i < rounds; i++) {
      const nsn = sibling(random, facts.example);
      emitWritings(random, emit, facts, nsn, facts.country);
      emitWrongLengths(random, emit, facts, nsn);
      // Fixed lines and other types: same length, any leading digits.
      emitWritings(random, emit, facts, randomDigits(random, facts.example.length), facts.country);
    }
  }
  emitRandomCallingCodes(random, emit, 3000);
  emitJunk(random, emit);
  return corpus;
}
