import { describe, expect, it } from 'vitest';

import { JobLedger } from './job-ledger';
import type { JournalRecord } from './journal-records';

const at = (seconds: number): string => new Date(Date.UTC(2026, 10, 27, 10, 0, seconds)).toISOString();
const t = (seconds: number): number => Date.parse(at(seconds));

describe('JobLedger', () => {
  it('starts with every number waiting, and a job never run is interrupted (resumable)', () => {
    const ledger = JobLedger.of(3, []);
    expect(ledger.keysIn('waiting')).toEqual([0, 1, 2]);
    expect(ledger.jobState(false)).toBe('interrupted');
    expect(JobLedger.of(0, []).jobState(false)).toBe('finished');
  });

  it('follows numbers from waiting to sending to ended, and back to waiting when freed', () => {
    const ledger = JobLedger.of(3, [
      { k: 'send', n: [0, 1] },
      { k: 'end', n: [0], s: 'imported', m: 'ok', t: 1 },
    ]);
    expect([0, 1, 2].map((k) => ledger.stateOf(k))).toEqual(['ended', 'sending', 'waiting']);
    expect(ledger.ended).toBe(1);
    ledger.apply({ k: 'free', n: [0, 1] });
    expect(ledger.keysIn('waiting')).toEqual([0, 1, 2]);
    expect(ledger.ended).toBe(0);
  });

  it('says how the last run ended: paused, cancelled, finished, or cut short', () => {
    const base: JournalRecord[] = [{ k: 'run', at: at(0), pid: 1 }, { k: 'send', n: [0] }];
    expect(JobLedger.of(2, [...base, { k: 'pause', at: at(1) }]).jobState(false)).toBe('paused');
    expect(JobLedger.of(2, [...base, { k: 'cancel', at: at(1) }]).jobState(false)).toBe('cancelled');
    expect(JobLedger.of(2, base).jobState(false)).toBe('interrupted');
    expect(JobLedger.of(2, base).jobState(true)).toBe('running');
    const all: JournalRecord[] = [...base, { k: 'end', n: [0, 1], s: 'imported', m: 'ok', t: 1 }, { k: 'stop', at: at(2) }];
    expect(JobLedger.of(2, all).jobState(false)).toBe('finished');
  });

  it('counts sending time over runs, a run cut short up to its last outcome', () => {
    const records: JournalRecord[] = [
      { k: 'run', at: at(0), pid: 1 },
      { k: 'end', n: [0], s: 'imported', m: 'ok', t: t(4) },
      // killed here, resumed much later
      { k: 'run', at: at(50), pid: 2 },
      { k: 'end', n: [1], s: 'imported', m: 'ok', t: t(52) },
      { k: 'stop', at: at(53) },
    ];
    expect(JobLedger.of(2, records).durationMs(t(100), false)).toBe(7000);
    expect(JobLedger.of(2, records.slice(0, 2)).durationMs(t(100), false)).toBe(4000);
    expect(JobLedger.of(2, records.slice(0, 2)).durationMs(t(10), true)).toBe(10000);
  });

  it('keeps leave only on unknown numbers, and a later free or end clears it', () => {
    const ledger = JobLedger.of(2, [
      { k: 'end', n: [0], s: 'unknown', m: '?', t: 1 },
      { k: 'end', n: [1], s: 'imported', m: 'ok', t: 1 },
      { k: 'leave', n: [0, 1] },
    ]);
    expect([ledger.isLeft(0), ledger.isLeft(1)]).toEqual([true, false]);
    expect(ledger.keysEnded('unknown')).toEqual([]);
    expect(ledger.keysEnded('unknown', { includeLeft: true })).toEqual([0]);
    ledger.apply({ k: 'free', n: [0] });
    expect(ledger.isLeft(0)).toBe(false);
  });

  it('ignores keys outside the plan (a damaged journal cannot invent numbers)', () => {
    const ledger = JobLedger.of(1, [{ k: 'end', n: [0, 7], s: 'imported', m: 'ok', t: 1 }]);
    expect(ledger.ended).toBe(1);
  });
});
