import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { callingCodeEntry, entireMatch, NON_FIXED_LINE_ORDER, planFor, prefixMatch } from './fast-plan';

function librarySource(relativePath: string): string {
  const packageJson = createRequire(import.meta.url).resolve('libphonenumber-js/package.json');
  return readFileSync(join(dirname(packageJson), 'source', relativePath), 'utf8');
}

describe('compiled regexes', () => {
  it('anchors a whole-number pattern around every alternative, as matchesEntirely() does', () => {
    expect(entireMatch('1|23').test('23')).toBe(true);
    expect(entireMatch('1|23').test('123')).toBe(false);
    expect(entireMatch('1|23').test('231')).toBe(false);
  });

  it('anchors a prefix pattern at the start only', () => {
    expect(prefixMatch('0|180020').exec('1800201234')?.[0]).toBe('180020');
    expect(prefixMatch('0|180020').test('1234')).toBe(false);
  });
});

describe('planFor', () => {
  it('compiles a plan once and reuses it', () => {
    expect(planFor('UA')).toBe(planFor('UA'));
  });

  it('compiles Ukraine from the metadata', () => {
    const ua = planFor('UA');
    expect(ua.callingCode).toBe('380');
    expect(ua.nationalPrefixForParsing?.exec('0931234567')?.[0]).toBe('0');
    expect(ua.iddPrefix?.test('00380')).toBe(true);
    expect(ua.nationalNumber.test('931234567')).toBe(true);
    expect(ua.nationalNumber.test('31234567')).toBe(false);
  });

  it('marks a MOBILE pattern that duplicates FIXED_LINE (US) and keeps real ones (UA)', () => {
    expect(planFor('US').mobile).toBe('same-as-fixed-line');
    expect(typeof planFor('UA').mobile).toBe('object');
  });

  it('leaves out prefix rules for countries without one (Italy keeps its zero)', () => {
    expect(planFor('IT').nationalPrefixForParsing).toBeUndefined();
  });

  it('checks the non-fixed-line types in getNumberType.js order', () => {
    const source = librarySource('helpers/getNumberType.js');
    const list = /NON_FIXED_LINE_PHONE_TYPES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    const libraryOrder = [...list.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
    expect(libraryOrder).toEqual(NON_FIXED_LINE_ORDER);
  });
});

describe('callingCodeEntry', () => {
  it('gives +1 with the US first and a compiled plan per country', () => {
    const nanpa = callingCodeEntry('1');
    expect(nanpa?.mainPlan).toBe(planFor('US'));
    expect(nanpa?.countries.map((entry) => entry.country)).toContain('CA');
    expect(nanpa?.countries.length).toBeGreaterThan(20);
  });

  it('gives +7 as Russia then Kazakhstan', () => {
    expect(callingCodeEntry('7')?.countries.map((entry) => entry.country)).toEqual(['RU', 'KZ']);
  });

  it('has no entry for non-geographic or unknown codes', () => {
    expect(callingCodeEntry('800')).toBeUndefined();
    expect(callingCodeEntry('99')).toBeUndefined();
  });
});
