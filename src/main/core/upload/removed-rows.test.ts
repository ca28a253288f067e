import { describe, expect, it } from 'vitest';

import { createIntakeService } from '../intake/create-intake-service';
import { localIntake } from '../intake/intake';
import { sheetContacts } from './sheet-contacts';
import { planUpload, REMOVED_MESSAGE } from './upload-plan';

describe('an upload plan of a sheet with removed rows', () => {
  it('leaves removed rows out as invalid "Removed before sending.", sends the row a removed one made a duplicate, and lists every row once', async () => {
    const intake = localIntake(createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined }));
    const csv = 'Phone,Name\n0931234567,First\n+380931234567,Second\nhello,Third\n0671234567,Fourth\n';
    const { sheetId } = await intake.open('list.csv', new TextEncoder().encode(csv));
    await intake.removeRows(sheetId, { indexes: [0, 3] });

    const plan = await planUpload('mor', sheetContacts(intake, sheetId));
    expect(plan.send.map((c) => [c.row, c.numbers])).toEqual([[3, ['380931234567']]]);
    expect(plan.skipped).toEqual([
      { row: 2, number: '0931234567', status: 'invalid', message: REMOVED_MESSAGE, reason: 'removed' },
      { row: 4, number: 'hello', status: 'invalid', message: expect.stringMatching(/^Not sent: /) as unknown, reason: 'not-a-number' },
      { row: 5, number: '0671234567', status: 'invalid', message: 'Removed before sending.', reason: 'removed' },
    ]);
    const rows = [...plan.send.map((c) => c.row), ...plan.skipped.map((r) => r.row)].sort((a, b) => a - b);
    expect(rows).toEqual([2, 3, 4, 5]);
    expect(plan).toMatchObject({ rows: 4, numbers: 1 });
  });

  it('gives each row left out its reason as a code beside the English message: too short, duplicate, removed', async () => {
    const intake = localIntake(createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined }));
    const csv = 'Phone\n0931234567\n12\n+380931234567\n0671234567\n';
    const { sheetId } = await intake.open('list.csv', new TextEncoder().encode(csv));
    await intake.removeRows(sheetId, { indexes: [3] });

    const plan = await planUpload('mor', sheetContacts(intake, sheetId));
    expect(plan.send.map((c) => c.row)).toEqual([2]);
    expect(plan.skipped).toEqual([
      { row: 3, number: '12', status: 'invalid', message: expect.stringMatching(/^Not sent: "12" is too short/) as unknown, reason: 'too-short' },
      { row: 4, number: '+380931234567', status: 'duplicate', message: 'Not sent: The same number as row 2.', reason: 'duplicate' },
      { row: 5, number: '0671234567', status: 'invalid', message: REMOVED_MESSAGE, reason: 'removed' },
    ]);
  });
});
