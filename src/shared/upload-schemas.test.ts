import { describe, expect, it } from 'vitest';

import { ringostatProfileSchema } from './profiles/profile-schemas';
import { uploadOptionsSchema, uploadTargetSchema } from './upload-schemas';

function refusal(options: unknown): string | undefined {
  const parsed = uploadOptionsSchema.safeParse(options);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe('uploadOptionsSchema', () => {
  it.each([
    { numbersPerFile: 1 },
    { numbersPerFile: 1_000_000 },
    { concurrency: 1 },
    { concurrency: 8 },
    { requestsPerSecond: 0.1 },
    { requestsPerSecond: 10 },
    { at: { hour: 0, minute: 0 } },
    { at: { hour: 23, minute: 59 } },
    {},
  ])('takes the edges of each range: %j', (options) => {
    expect(uploadOptionsSchema.parse(options)).toEqual(options);
  });

  it.each([
    [{ numbersPerFile: 0 }, 'A MOR file holds at least 1 number.'],
    [{ numbersPerFile: 1_000_001 }, 'A MOR file holds at most 1,000,000 numbers.'],
    [{ numbersPerFile: 2.5 }, 'Give the numbers per MOR file as a whole number.'],
    [{ concurrency: 0 }, 'Ringostat sends at least 1 number at once.'],
    [{ concurrency: 9 }, 'Ringostat sends at most 8 numbers at once.'],
    [{ requestsPerSecond: 0.09 }, 'Ringostat gets at least 0.1 requests a second (one every 10 seconds).'],
    [{ requestsPerSecond: 10.5 }, 'Ringostat gets at most 10 requests a second.'],
    [{ at: { hour: 24, minute: 0 } }, 'The hour is 0 to 23.'],
    [{ at: { hour: -1, minute: 0 } }, 'The hour is 0 to 23.'],
    [{ at: { hour: 12, minute: 60 } }, 'The minute is 0 to 59.'],
  ])('refuses %j: "%s"', (options, message) => {
    expect(refusal(options)).toBe(message);
  });

  it('refuses an option it does not know, and an import time without its minute', () => {
    expect(refusal({ numbersPerFiles: 10 })).toBeDefined();
    expect(refusal({ at: { hour: 12 } })).toBeDefined();
    expect(refusal({ at: { hour: 12, minute: 0, second: 0 } })).toBeDefined();
  });

  it('has the same bounds as the profile: a profile refuses what an upload refuses, in the same words', () => {
    const profile = { id: 'r', name: 'R', provider: 'ringostat', projectId: '1', defaultCountry: 'UA', tls: null };
    const tooMany = ringostatProfileSchema.safeParse({ ...profile, options: { concurrency: 9 } });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.message).toBe(refusal({ concurrency: 9 }));
    expect(ringostatProfileSchema.parse({ ...profile, options: { concurrency: 8, requestsPerSecond: 0.1 } }).options).toEqual({ concurrency: 8, requestsPerSecond: 0.1 });
  });
});

const SHEET = 'sheet-0123456789abcdef';

describe('uploadTargetSchema', () => {
  it('takes a target with or without options', () => {
    expect(uploadTargetSchema.parse({ sheetId: SHEET, profileId: 'p' })).toEqual({ sheetId: SHEET, profileId: 'p' });
    expect(uploadTargetSchema.parse({ sheetId: SHEET, profileId: 'p', options: { numbersPerFile: 100 } }).options).toEqual({ numbersPerFile: 100 });
    expect(uploadTargetSchema.safeParse({ sheetId: SHEET, profileId: 'p', options: { concurrency: 9 } }).success).toBe(false);
  });
});
