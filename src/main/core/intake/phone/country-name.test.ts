import { describe, expect, it } from 'vitest';

import { countryLabel, describeLengths, planLabel } from './country-name';

describe('country labels', () => {
  it('names the country and keeps its code', () => {
    expect(countryLabel('UA')).toBe('Ukraine (UA)');
    expect(countryLabel('KZ')).toBe('Kazakhstan (KZ)');
  });

  it('falls back to the calling code when no country fitted', () => {
    expect(planLabel(undefined, '7')).toBe('+7');
    expect(planLabel('RU', '7')).toBe('Russia (RU)');
  });
});

describe('describeLengths', () => {
  it('says lengths the way a person would', () => {
    expect(describeLengths([9])).toBe('9');
    expect(describeLengths([9, 10])).toBe('9 or 10');
    expect(describeLengths([10, 14])).toBe('10 or 14');
    expect(describeLengths([6, 7, 8, 9, 10])).toBe('6 to 10');
    expect(describeLengths([7, 9, 10])).toBe('7, 9 or 10');
    expect(describeLengths([])).toBe('no');
  });
});
