import { describe, expect, it } from 'vitest';

import { libraryAnswer } from './library-answer';

describe('libraryAnswer', () => {
  it('returns the parsed number, its validity and type', () => {
    expect(libraryAnswer('093 123 45 67', 'UA')).toEqual({
      parsed: true,
      e164: '+380931234567',
      callingCode: '380',
      nationalNumber: '931234567',
      country: 'UA',
      valid: true,
      type: 'MOBILE',
      path: 'library',
    });
  });

  it('returns invalid numbers too, so the reason can be worked out', () => {
    const answer = libraryAnswer('+380 12 345 67', 'UA');
    expect(answer.parsed && answer.valid).toBe(false);
    expect(answer.parsed ? answer.nationalNumber : '').toBe('1234567');
  });

  it("keeps libphonenumber-js's reason when there is no number at all", () => {
    expect(libraryAnswer('+999 123 456 789', 'UA')).toEqual({ parsed: false, error: 'INVALID_COUNTRY', path: 'library' });
    expect(libraryAnswer('+3', 'UA')).toEqual({ parsed: false, error: 'TOO_SHORT', path: 'library' });
    expect(libraryAnswer('no digits', 'UA')).toEqual({ parsed: false, error: 'NOT_A_NUMBER', path: 'library' });
    expect(libraryAnswer('1'.repeat(300), 'UA')).toEqual({ parsed: false, error: 'TOO_LONG', path: 'library' });
  });
});
