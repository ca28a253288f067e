import { describe, expect, it } from 'vitest';

import { countJobRows, JOB_ROW_STATUSES } from '../../../shared/jobs';
import { RECEIPT_STATUSES } from '../../../shared/receipt';
import { seededRandom } from '../random/seeded-random';
import type { UploadPlan } from '../upload/upload-plan';
import { JobLedger } from './job-ledger';
import { IN_FLIGHT_MESSAGE, jobRows, undecidedRows } from './job-receipt';
import type { JournalRecord } from './journal-records';

/** Rows 2.. of a sheet: some skipped, the others with one to three numbers. */
function randomPlan(random: () => number, rows: number): UploadPlan {
  const plan: { send: UploadPlan['send'][number][]; skipped: UploadPlan['skipped'][number][] } = { send: [], skipped: [] };
  let numbers = 0;
  for (let row = 2; row < rows + 2; row += 1) {
    if (random() < 0.2) {
      plan.skipped.push({ row, number: 'x', status: random() < 0.5 ? 'invalid' : 'duplicate', message: 'Not sent: bad.' });
      continue;
    }
    const count = 1 + Math.floor(random() * 3);
    plan.send.push({ row, numbers: Array.from({ length: count }, (_, i) => `38050${row}${i}`), fields: {} });
    numbers += count;
  }
  return { provider: 'ringostat', rows, send: plan.send, skipped: plan.skipped, numbers };
}

function randomJournal(random: () => number, numbers: number, length: number): JournalRecord[] {
  const pick = (): number[] => [Math.floor(random() * numbers)];
  return Array.from({ length }, (): JournalRecord => {
    const roll = random();
    if (roll < 0.35) return { k: 'send', n: pick() };
    if (roll < 0.75) return { k: 'end', n: pick(), s: RECEIPT_STATUSES[Math.floor(random() * RECEIPT_STATUSES.length)] ?? 'imported', m: 'said so', t: 1 };
    if (roll < 0.85) return { k: 'free', n: pick() };
    if (roll < 0.95) return { k: 'leave', n: pick() };
    return { k: 'pause', at: '2026-11-27T10:00:00.000Z' };
  });
}

const plan2: UploadPlan = {
  provider: 'ringostat',
  rows: 3,
  numbers: 3,
  send: [
    { row: 2, numbers: ['380501111111', '380502222222'], fields: {} },
    { row: 4, numbers: ['380503333333'], fields: {} },
  ],
  skipped: [{ row: 3, number: 'hello', status: 'invalid', message: 'Not sent: not a number.', reason: 'not-a-number' }],
};

describe('a job receipt', () => {
  it('has every source row exactly once, and its counts add up to the rows, whatever the journal holds', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = seededRandom(seed);
      const plan = randomPlan(random, 1 + Math.floor(random() * 40));
      const ledger = JobLedger.of(plan.numbers, randomJournal(random, Math.max(plan.numbers, 1), Math.floor(random() * 120)));
      for (const live of [false, true]) {
        const rows = jobRows(plan, ledger, live);
        expect(rows.map((r) => r.row), `seed ${seed}`).toEqual(Array.from({ length: plan.rows }, (_, i) => i + 2));
        const counts = countJobRows(rows);
        expect(JOB_ROW_STATUSES.reduce((sum, status) => sum + counts[status], 0), `seed ${seed}`).toBe(plan.rows);
      }
    }
  });

  it('makes a row wait while any of its numbers waits, and shows a number lost in flight as unknown', () => {
    const ledger = JobLedger.of(3, [
      { k: 'send', n: [0, 1] },
      { k: 'end', n: [0], s: 'imported', m: 'ok', t: 1 },
    ]);
    const rows = jobRows(plan2, ledger, false);
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'unknown'],
      [3, 'invalid'],
      [4, 'waiting'],
    ]);
    // A row left out keeps its reason; sent rows have none.
    expect(rows.map((r) => r.reason)).toEqual([undefined, 'not-a-number', undefined]);
    expect(rows[0]?.message).toContain(IN_FLIGHT_MESSAGE);
    expect(undecidedRows(plan2, ledger, false)).toBe(1);
    // While a run is going on, the same number is simply being sent.
    expect(jobRows(plan2, ledger, true)[0]).toMatchObject({ status: 'waiting', message: 'Being sent now.' });
    expect(undecidedRows(plan2, ledger, true)).toBe(0);
  });

  it('combines a row whose numbers ended differently into the one needing the user most, naming each', () => {
    const ledger = JobLedger.of(3, [
      { k: 'end', n: [0], s: 'imported', m: 'ok', t: 1 },
      { k: 'end', n: [1], s: 'rejected', m: 'Ringostat: "bad number"', t: 1 },
      { k: 'end', n: [2], s: 'imported', m: 'ok', t: 1 },
    ]);
    const [first] = jobRows(plan2, ledger, false);
    expect(first).toEqual({
      row: 2,
      number: '380501111111, 380502222222',
      status: 'rejected',
      message: '380501111111: imported (ok); 380502222222: rejected (Ringostat: "bad number")',
    });
  });
});
