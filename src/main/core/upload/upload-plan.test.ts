import { describe, expect, it } from 'vitest';

import type { SheetContact } from './sheet-contacts';
import { planUpload } from './upload-plan';

const contact = (row: number, numbers: string[], extra: Partial<SheetContact> = {}): SheetContact => ({
  row,
  status: 'valid',
  numbers,
  written: numbers.join(', '),
  problem: null,
  reason: null,
  fields: {},
  ...extra,
});

describe('planUpload', () => {
  it('sends valid rows as international digits and lists the rest with their reason', async () => {
    const plan = await planUpload('mor', [
      contact(2, ['+380501234567'], { name: 'Olena' }),
      contact(3, [], { status: 'invalid', written: 'hello', problem: '"hello" is not a phone number.', reason: 'not-a-number' }),
      contact(4, [], { status: 'duplicate', written: '0501234567', problem: 'The same number as row 2.', reason: 'duplicate' }),
      contact(5, [], { status: 'removed', written: '0671234567' }),
      contact(6, [], { status: 'invalid', written: '' }),
    ]);
    expect(plan.send).toEqual([{ row: 2, numbers: ['380501234567'], name: 'Olena', fields: {} }]);
    expect(plan.skipped).toEqual([
      { row: 3, number: 'hello', status: 'invalid', message: 'Not sent: "hello" is not a phone number.', reason: 'not-a-number' },
      { row: 4, number: '0501234567', status: 'duplicate', message: 'Not sent: The same number as row 2.', reason: 'duplicate' },
      { row: 5, number: '0671234567', status: 'invalid', message: 'Removed before sending.', reason: 'removed' },
      // Nothing checked, so no code: the window shows the English message.
      { row: 6, number: '', status: 'invalid', message: 'Not sent: the row has no usable number.' },
    ]);
    expect(plan).toMatchObject({ rows: 5, numbers: 1 });
  });

  it('keeps digits-mode numbers as given, and refuses for iSales a number longer than it dials', async () => {
    const long = '1'.repeat(25);
    const plan = await planUpload('isales', [contact(2, ['0501234567']), contact(3, [long])]);
    expect(plan.send.map((c) => c.numbers)).toEqual([['0501234567']]);
    expect(plan.skipped[0]).toMatchObject({ row: 3, status: 'invalid', message: expect.stringMatching(/25 digits; CC-iSales takes at most 24/) as unknown, reason: 'too-long' });
  });
});
