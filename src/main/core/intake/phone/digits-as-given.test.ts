import { describe, expect, it } from 'vitest';

import { digitsAsGiven } from './digits-as-given';

describe('digitsAsGiven', () => {
  it("passes MOR's own nine-digit sample numbers untouched", () => {
    expect(digitsAsGiven('123456789')).toEqual({ ok: true, e164: '+123456789', digits: '123456789' });
  });

  it('drops separators and a leading plus but keeps every digit, zeros included', () => {
    expect(digitsAsGiven('+38 (093) 123-45-67')).toMatchObject({ digits: '380931234567' });
    expect(digitsAsGiven('00 44 20.7946/0018')).toMatchObject({ digits: '00442079460018' });
  });

  it('accepts 3 to 24 digits', () => {
    expect(digitsAsGiven('112')).toMatchObject({ ok: true });
    expect(digitsAsGiven('12')).toMatchObject({ ok: false, reason: 'too-short' });
    expect(digitsAsGiven('1'.repeat(24))).toMatchObject({ ok: true });
    expect(digitsAsGiven('1'.repeat(25))).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('refuses letters and a plus that is not leading', () => {
    expect(digitsAsGiven('093 123 45 67 ext 5')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(digitsAsGiven('38+0931234567')).toMatchObject({ ok: false, reason: 'not-a-number' });
  });
});
