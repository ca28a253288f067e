import { describe, expect, it } from 'vitest';

import { compilePlan, planFor } from './fast-plan';
import type { PlanFacts } from './metadata-facts';
import { countryByCallingCode, countryByNationalNumber, extractNationalNumber } from './national-number';

describe('extractNationalNumber', () => {
  it('strips a literal national prefix (UA 0, RU 8, US 1)', () => {
    expect(extractNationalNumber('0931234567', planFor('UA'))).toBe('931234567');
    expect(extractNationalNumber('89123456789', planFor('RU'))).toBe('9123456789');
    expect(extractNationalNumber('12015550123', planFor('US'))).toBe('2015550123');
  });

  it('keeps the digits when stripping would leave too few (UA 031234567)', () => {
    expect(extractNationalNumber('031234567', planFor('UA'))).toBe('031234567');
  });

  it('keeps a leading 8 that belongs to the number (Belarus 8 200 toll-free)', () => {
    expect(extractNationalNumber('82004910060', planFor('BY'))).toBe('82004910060');
    expect(extractNationalNumber('80294911911', planFor('BY'))).toBe('294911911');
  });

  it('strips what a group-free alternation matched (GB 0|180020)', () => {
    expect(extractNationalNumber('07911123456', planFor('GB'))).toBe('7911123456');
  });

  it('strips a bare prefix when the rule has groups that captured nothing (BR 0 without carrier code)', () => {
    expect(extractNationalNumber('011961234567', planFor('BR'))).toBe('11961234567');
  });

  it('leaves transform rules and carrier codes to the library (AR 0 11 15..., BR 0 15 11...)', () => {
    expect(extractNationalNumber('0111523456789', planFor('AR'))).toBeUndefined();
    expect(extractNationalNumber('01511961234567', planFor('BR'))).toBeUndefined();
  });

  it('leaves a number alone where the country has no prefix rule (Italy keeps its zero)', () => {
    expect(extractNationalNumber('0612345678', planFor('IT'))).toBe('0612345678');
  });
});

describe('countryByCallingCode', () => {
  it('needs no digits for a code of one country', () => {
    expect(countryByCallingCode('380', '')).toBe('UA');
  });

  it('splits +7 by leading digits: Kazakhstan 7..., Russia 3/4/8/9..., nobody 6...', () => {
    expect(countryByCallingCode('7', '7010009998')).toBe('KZ');
    expect(countryByCallingCode('7', '9123456789')).toBe('RU');
    expect(countryByCallingCode('7', '6123456789')).toBeUndefined();
  });

  it('splits +1 by type patterns: New York is US, Toronto is Canada', () => {
    expect(countryByCallingCode('1', '2125550123')).toBe('US');
    expect(countryByCallingCode('1', '4165550123')).toBe('CA');
  });
});

describe('countryByNationalNumber', () => {
  const facts = (leadingDigits: string | undefined): PlanFacts => ({
    callingCode: '999',
    iddPrefix: undefined,
    nationalPrefix: undefined,
    nationalPrefixForParsing: undefined,
    nationalPrefixTransformRule: undefined,
    nationalNumberPattern: '\\d{6}',
    possibleLengths: [6],
    leadingDigits,
    hasTypes: true,
    types: new Map([['FIXED_LINE', { pattern: '\\d{6}', possibleLengths: undefined }]]),
  });

  it('skips a country whose leading digits do not match even when its types would', () => {
    // Real codes on synthetic plans: only the order of checks is under test.
    const candidates = [
      { country: 'KZ' as const, plan: compilePlan('KZ', facts('9')) },
      { country: 'UA' as const, plan: compilePlan('UA', facts(undefined)) },
    ];
    expect(countryByNationalNumber('512345', candidates)).toBe('UA');
    expect(countryByNationalNumber('912345', candidates)).toBe('KZ');
  });
});
