import { describe, expect, it } from 'vitest';

import { countriesForCallingCode, isKnownCountry, isNonGeographicCallingCode, readPlanFacts } from './metadata-facts';

describe('readPlanFacts', () => {
  it('reads Ukraine as libphonenumber-js/max has it', () => {
    const ua = readPlanFacts('UA');
    expect(ua.callingCode).toBe('380');
    expect(ua.iddPrefix).toBe('00');
    expect(ua.nationalPrefix).toBe('0');
    expect(ua.nationalPrefixForParsing).toBe('0');
    expect(ua.possibleLengths).toEqual([9, 10]);
    expect(ua.leadingDigits).toBeUndefined();
    expect(ua.hasTypes).toBe(true);
    expect(ua.types.get('MOBILE')?.pattern).toMatch(/\d/);
  });

  it('turns the compressed "absent" zero into undefined (Poland and Italy have no national prefix)', () => {
    expect(readPlanFacts('PL').nationalPrefix).toBeUndefined();
    expect(readPlanFacts('PL').nationalPrefixForParsing).toBeUndefined();
    expect(readPlanFacts('IT').nationalPrefixForParsing).toBeUndefined();
  });

  it('keeps prefix rules and transform rules verbatim', () => {
    expect(readPlanFacts('GB').nationalPrefixForParsing).toBe('0|180020');
    expect(readPlanFacts('AR').nationalPrefixTransformRule).toBe('9$1');
    expect(readPlanFacts('KZ').leadingDigits).toBe('7');
  });

  it('falls back to the plan lengths for a type without its own, as Type.possibleLengths() does', () => {
    const us = readPlanFacts('US');
    expect(us.types.get('FIXED_LINE')?.possibleLengths).toEqual(us.possibleLengths);
  });

  it('keeps an empty MOBILE pattern, which means "same as fixed line"', () => {
    expect(readPlanFacts('US').types.get('MOBILE')?.pattern).toBe('');
  });

  it('selects a plan by calling code: the main country, or a non-geographic plan', () => {
    expect(readPlanFacts('7').nationalNumberPattern).toBe(readPlanFacts('RU').nationalNumberPattern);
    expect(readPlanFacts('800').callingCode).toBe('800');
  });

  it('throws on an unknown country rather than answering for another one', () => {
    expect(() => readPlanFacts('XX')).toThrow(/Unknown country/);
  });
});

describe('calling codes', () => {
  it('lists shared codes main country first', () => {
    expect(countriesForCallingCode('7')).toEqual(['RU', 'KZ']);
    expect(countriesForCallingCode('1')?.[0]).toBe('US');
    expect(countriesForCallingCode('1')).toContain('CA');
    expect(countriesForCallingCode('380')).toEqual(['UA']);
  });

  it('has no countries for non-geographic or unknown codes', () => {
    expect(countriesForCallingCode('800')).toBeUndefined();
    expect(countriesForCallingCode('999')).toBeUndefined();
    expect(countriesForCallingCode('constructor')).toBeUndefined();
  });

  it('knows the non-geographic codes', () => {
    expect(isNonGeographicCallingCode('800')).toBe(true);
    expect(isNonGeographicCallingCode('882')).toBe(true);
    expect(isNonGeographicCallingCode('380')).toBe(false);
  });

  it('knows countries', () => {
    expect(isKnownCountry('UA')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(isKnownCountry('001')).toBe(false);
  });
});
