import { describe, expect, it } from 'vitest';

import type { ReceiptRow } from '../../../shared/receipt';
import { batchOutcome, RowReceipts } from './row-receipts';
import type { PlannedContact } from './upload-plan';

const one: PlannedContact = { row: 2, numbers: ['380501234567'], fields: {} };
const two: PlannedContact = { row: 3, numbers: ['380661234567', '380671234567'], fields: {} };

describe('batchOutcome', () => {
  it('settles a batch only when the counts all point one way', () => {
    expect(batchOutcome(3, { imported: 3 }, 'r').status).toBe('imported');
    expect(batchOutcome(3, { imported: 0, duplicate: 3 }, 'r').status).toBe('duplicate');
    expect(batchOutcome(3, { imported: 0, rejected: 3 }, 'r').status).toBe('rejected');
    expect(batchOutcome(3, { imported: 0, duplicate: 1, rejected: 2 }, 'r').status).toBe('rejected');
    expect(batchOutcome(3, { imported: 2, rejected: 1 }, 'r')).toMatchObject({ status: 'unknown', message: expect.stringMatching(/does not say which: r$/) as unknown });
  });
});

describe('RowReceipts', () => {
  it('makes a row final once every number has ended, and tells onRow at that moment', () => {
    const heard: ReceiptRow[] = [];
    const receipts = new RowReceipts([one, two], { onRow: (line) => heard.push(line) });
    receipts.settle(two, 0, { status: 'imported', message: 'ok' });
    expect(heard).toEqual([]);
    receipts.settle(two, 1, { status: 'unknown', message: 'timed out' });
    expect(heard).toEqual([{ row: 3, number: '380661234567, 380671234567', status: 'unknown', message: '380661234567: imported (ok); 380671234567: unknown (timed out)' }]);
    expect(receipts.settled).toBe(1);
  });

  it('ends the numbers never sent with the given outcome and lists rows in plan order', () => {
    const receipts = new RowReceipts([one, two]);
    receipts.settle(two, 1, { status: 'imported', message: 'ok' });
    receipts.settleUnsent({ status: 'rejected', message: 'Not sent' });
    expect(receipts.lines().map((l) => [l.row, l.status])).toEqual([
      [2, 'rejected'],
      [3, 'rejected'],
    ]);
  });

  it('refuses to give lines while a number has no outcome: a receipt never leaves a row out', () => {
    const receipts = new RowReceipts([one]);
    expect(() => receipts.lines()).toThrow(/row 2 has numbers with no outcome/);
  });
});
