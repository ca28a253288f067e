import { describe, expect, it } from 'vitest';

import { createFastNormaliser, createFastVerdict } from './fast-normalise';

describe('createFastNormaliser: the fast path', () => {
  const ua = createFastNormaliser('UA');

  it('answers the common Ukrainian shapes without the library', () => {
    for (const text of ['+380931234567', '+38 (093) 123-45-67', '093 123 45 67', '0931234567', '380931234567', '38 093 123 45 67']) {
      expect(ua(text), text).toMatchObject({ parsed: true, e164: '+380931234567', country: 'UA', type: 'MOBILE', valid: true, path: 'fast' });
    }
  });

  it('decides +7 between Russia and Kazakhstan, from any default country', () => {
    expect(ua('+7 912 345-67-89')).toMatchObject({ country: 'RU', path: 'fast' });
    expect(ua('+7 701 000 99 98')).toMatchObject({ country: 'KZ', type: 'MOBILE', path: 'fast' });
    const kz = createFastNormaliser('KZ');
    expect(kz('8 701 000 99 98')).toMatchObject({ e164: '+77010009998', country: 'KZ', path: 'fast' });
    expect(kz('8 912 345 67 89')).toMatchObject({ e164: '+79123456789', country: 'RU', path: 'fast' });
  });

  it('decides +1 between the US, Canada and the islands', () => {
    expect(ua('+1 201 555 0123')).toMatchObject({ country: 'US', type: 'FIXED_LINE_OR_MOBILE', path: 'fast' });
    expect(ua('+1 416 555 0123')).toMatchObject({ country: 'CA', path: 'fast' });
    expect(ua('+1 (800) 555-0100')).toMatchObject({ country: 'US', type: 'TOLL_FREE', path: 'fast' });
    expect(createFastNormaliser('US')('1 242 359 1234')).toMatchObject({ country: 'BS', path: 'fast' });
  });

  it("keeps Italy's leading zero and finds the Vatican inside +39", () => {
    const it = createFastNormaliser('IT');
    expect(it('06 1234 5678')).toMatchObject({ e164: '+390612345678', country: 'IT', type: 'FIXED_LINE', path: 'fast' });
    expect(it('+39 06 6988 1234')).toMatchObject({ country: 'VA', path: 'fast' });
  });

  it('reads an international number written without the plus only where libphonenumber does', () => {
    const de = createFastNormaliser('DE');
    // The whole string is no German number but the rest is: +49 30...
    expect(de('49 30 12345678')).toMatchObject({ e164: '+493012345678', path: 'fast' });
    // 49... is also a German area code, and the whole string is a valid German number: kept whole.
    expect(de('49 1512 3456789')).toMatchObject({ e164: '+494915123456789', type: 'FIXED_LINE', path: 'fast' });
    expect(createFastNormaliser('PL')('48 512 345 678')).toMatchObject({ e164: '+48512345678', path: 'fast' });
  });
});

describe('createFastNormaliser: the library decides', () => {
  const ua = createFastNormaliser('UA');

  it('for unknown calling codes; an invalid number of a known one is the mirror’s, with the library’s verdict', () => {
    expect(ua('+380 12 345 67')).toMatchObject({ parsed: true, valid: false, path: 'fast' });
    expect(ua('+999 123 456 789')).toMatchObject({ parsed: false, error: 'INVALID_COUNTRY', path: 'library' });
  });

  it('for IDD prefixes, extensions, letters and non-ASCII digits, with the library’s answer', () => {
    expect(ua('00380931234567')).toMatchObject({ e164: '+380931234567', valid: true, path: 'library' });
    expect(ua('+380931234567 ext. 12')).toMatchObject({ e164: '+380931234567', valid: true, path: 'library' });
    expect(ua('моб. 0931234567')).toMatchObject({ e164: '+380931234567', path: 'library' });
    expect(ua('０９３１２３４５６７')).toMatchObject({ e164: '+380931234567', path: 'library' });
  });

  it('for non-geographic calling codes and for prefix rules that rewrite the number (AR 15)', () => {
    expect(ua('+800 1234 5678')).toMatchObject({ path: 'library' });
    expect(createFastNormaliser('AR')('011 15-2345-6789')).toMatchObject({ e164: '+5491123456789', valid: true, path: 'library' });
  });
});

describe('createFastVerdict', () => {
  it('answers invalid numbers of the simple shapes itself, as the library would', () => {
    expect(createFastVerdict('UA')('+380 12 345 67')).toMatchObject({ e164: '+3801234567', valid: false, path: 'fast' });
  });

  it('steps aside for shapes it does not understand', () => {
    expect(createFastVerdict('UA')('00380931234567')).toBeUndefined();
    expect(createFastVerdict('UA')('0931234567 x12')).toBeUndefined();
  });
});
