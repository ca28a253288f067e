import { describe, expect, it } from 'vitest';

import { explainRejection } from './explain-rejection';
import { libraryAnswer } from './library-answer';

const explain = (cell: string, country: 'UA' | 'RU' | 'US' = 'UA') => explainRejection(libraryAnswer(cell, country), cell);

describe('explainRejection', () => {
  it('says too short and too long with the lengths the country allows', () => {
    expect(explain('093 123 45')).toEqual({
      ok: false,
      reason: 'too-short',
      message: '"093 123 45" is too short: Ukraine (UA) numbers have 9 or 10 digits after +380; check for missing digits.',
    });
    expect(explain('+380 93 123 45 67 89')).toMatchObject({ reason: 'too-long' });
  });

  it('calls a length between the allowed ones short or long by the nearest (RU has 10 or 14)', () => {
    expect(explain('+7 912 345 67 89 0', 'RU')).toMatchObject({ reason: 'too-long' });
    expect(explain('+7 912 345 67 89 012', 'RU')).toMatchObject({ reason: 'too-short' });
  });

  it('names the country when the length is right but the number is not', () => {
    expect(explain('+380 12 345 6789')).toEqual({
      ok: false,
      reason: 'invalid-for-country',
      message:
        '"+380 12 345 6789" (+380 123456789) has the right length but is not a valid number for Ukraine (UA); ' +
        "check the digits, or the list's country if the number is from elsewhere.",
    });
  });

  it('names the calling code when no country fitted', () => {
    expect(explain('+7 612 345 67 89')).toMatchObject({ reason: 'invalid-for-country', message: expect.stringContaining('for +7') as unknown });
  });

  it('tells unknown calling codes, no digits and letters apart', () => {
    expect(explain('+999 123 456 789')).toMatchObject({ reason: 'invalid-country-code' });
    expect(explain('---')).toMatchObject({ reason: 'not-a-number', message: expect.stringContaining('no digits') as unknown });
    expect(explain('093 123 45 6x')).toMatchObject({ reason: 'not-a-number', message: expect.stringContaining('letters') as unknown });
    expect(explain('+3')).toMatchObject({ reason: 'too-short' });
    expect(explain('9'.repeat(300))).toMatchObject({ reason: 'too-long' });
  });
});
