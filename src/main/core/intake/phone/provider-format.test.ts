import { describe, expect, it } from 'vitest';

import { createPhoneNormaliser } from './normalise-phone';
import type { PhoneOk } from './phone-result';
import { dialStringFor, isalesDialString, ISALES_MAX_LENGTH, morDialString, ringostatDialString } from './provider-format';

function normalised(cell: string, mode: 'e164' | 'digits' = 'e164'): PhoneOk {
  const result = createPhoneNormaliser({ defaultCountry: 'UA', mode })(cell);
  if (!result.ok) throw new Error(`test number ${cell} did not normalise: ${result.message}`);
  return result;
}

const byHand = (digits: string): PhoneOk => ({ ok: true, e164: '+' + digits, digits });

describe('provider dial strings', () => {
  const mobile = normalised('093 123 45 67');

  it('MOR: E.164 digits without the plus', () => {
    expect(morDialString(mobile)).toEqual({ ok: true, value: '380931234567' });
    expect(dialStringFor('mor', normalised('123456789', 'digits'))).toEqual({ ok: true, value: '123456789' });
  });

  it('Ringostat: international digits, with or without the plus', () => {
    expect(ringostatDialString(mobile, true)).toEqual({ ok: true, value: '+380931234567' });
    expect(ringostatDialString(mobile, false)).toEqual({ ok: true, value: '380931234567' });
    expect(dialStringFor('ringostat', mobile)).toEqual({ ok: true, value: '+380931234567' });
    expect(dialStringFor('ringostat', mobile, { ringostatPlus: false })).toEqual({ ok: true, value: '380931234567' });
  });

  it('Huawei iSales: digits up to 24 characters', () => {
    expect(isalesDialString(mobile)).toEqual({ ok: true, value: '380931234567' });
    expect(dialStringFor('huawei-isales', byHand('1'.repeat(ISALES_MAX_LENGTH)))).toMatchObject({ ok: true });
  });

  it('Huawei iSales: a longer string is a problem, not a cut', () => {
    expect(isalesDialString(byHand('1'.repeat(ISALES_MAX_LENGTH + 1)))).toEqual({
      ok: false,
      reason: 'too-long-for-provider',
      message: `"${'1'.repeat(25)}" has 25 characters; iSales accepts at most 24.`,
    });
  });

  it('refuses characters a provider cannot dial', () => {
    const broken = byHand('38093 1234567');
    expect(morDialString(broken)).toMatchObject({ ok: false, reason: 'invalid-characters' });
    expect(ringostatDialString(broken, true)).toMatchObject({ ok: false, reason: 'invalid-characters' });
    expect(isalesDialString(broken)).toMatchObject({ ok: false, reason: 'invalid-characters' });
    expect(isalesDialString(byHand('*31#380931234567'))).toEqual({ ok: true, value: '*31#380931234567' });
  });
});
