import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, expectTypeOf, it } from 'vitest';

import { ISSUE_REASONS, type NumberType as SharedNumberType } from '../../../../shared/intake-options';
import { createPhoneNormaliser } from './normalise-phone';
import type { NumberType, PhoneReason } from './phone-result';

describe('createPhoneNormaliser, e164 mode', () => {
  const ua = createPhoneNormaliser({ defaultCountry: 'UA', mode: 'e164' });

  it('normalises a Ukrainian mobile written any common way', () => {
    for (const cell of ['093 123 45 67', '+38 (093) 123-45-67', '380931234567', ' 0931234567 ']) {
      expect(ua(cell), cell).toEqual({ ok: true, e164: '+380931234567', digits: '380931234567', country: 'UA', type: 'MOBILE' });
    }
  });

  it('gives exactly what libphonenumber-js gives, including numbers it finds inside text', () => {
    for (const cell of ['00 380 93 123 45 67', 'тел. 0931234567', '+7 701 000 99 98', '+1 416 555 0123']) {
      const library = parsePhoneNumberFromString(cell, 'UA');
      expect(ua(cell), cell).toMatchObject({ ok: true, e164: library?.number, country: library?.country, type: library?.getType() });
    }
  });

  it('gives a toll-free number shared by all of +1 to the main country, as the library does', () => {
    const ca = createPhoneNormaliser({ defaultCountry: 'CA', mode: 'e164' });
    expect(ca('+1 800 555 0100')).toEqual({ ok: true, e164: '+18005550100', digits: '18005550100', country: 'US', type: 'TOLL_FREE' });
  });

  it('refuses empty cells', () => {
    expect(ua('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(ua('   ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses digits Excel destroyed instead of guessing them', () => {
    expect(ua('3.8093E+11')).toMatchObject({ ok: false, reason: 'digits-lost' });
    expect(ua('3,8093E+11')).toMatchObject({ ok: false, reason: 'digits-lost' });
    expect(ua('380931234567890000')).toMatchObject({ ok: false, reason: 'digits-lost' });
  });

  it('gives each failure its stable reason', () => {
    expect(ua('Іван')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(ua('093 123')).toMatchObject({ ok: false, reason: 'too-short' });
    expect(ua('+380 93 123 45 67 890')).toMatchObject({ ok: false, reason: 'too-long' });
    expect(ua('+999 12 345 67 89')).toMatchObject({ ok: false, reason: 'invalid-country-code' });
    expect(ua('012 345 67 89')).toMatchObject({ ok: false, reason: 'invalid-for-country', message: expect.stringContaining('Ukraine') as unknown });
  });
});

describe('createPhoneNormaliser, digits mode', () => {
  const digits = createPhoneNormaliser({ defaultCountry: 'UA', mode: 'digits' });

  it('passes nine-digit numbers like 123456789 (MOR sample file) with no country or type', () => {
    expect(digits('123456789')).toEqual({ ok: true, e164: '+123456789', digits: '123456789' });
  });

  it('still refuses empty cells and lost digits', () => {
    expect(digits('')).toMatchObject({ reason: 'empty' });
    expect(digits('3.8093E+11')).toMatchObject({ reason: 'digits-lost' });
  });
});

describe('fits the intake contract', () => {
  it('uses only reasons the shared contract knows', () => {
    const reasons: PhoneReason[] = ['empty', 'not-a-number', 'too-short', 'too-long', 'invalid-country-code', 'invalid-for-country', 'digits-lost'];
    for (const reason of reasons) expect(ISSUE_REASONS).toContain(reason);
  });

  it('uses the same number type names as the shared contract', () => {
    expectTypeOf<NumberType>().toEqualTypeOf<SharedNumberType>();
  });
});
