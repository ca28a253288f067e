import { describe, expect, it } from 'vitest';

import { NumberLedger } from './number-ledger';

describe('NumberLedger', () => {
  it('counts each arrival and reports repeats', () => {
    const ledger = new NumberLedger();
    expect(ledger.record('380931111111')).toBe(1);
    expect(ledger.record('380932222222')).toBe(1);
    expect(ledger.record('380931111111')).toBe(2);
    expect(ledger.arrivals('380931111111')).toBe(2);
    expect(ledger.arrivals('380933333333')).toBe(0);
    expect(ledger.distinct).toBe(2);
    expect(ledger.total).toBe(3);
    expect(ledger.repeats()).toEqual([{ number: '380931111111', arrivals: 2 }]);
  });

  it('keeps first-arrival order and empties on clear', () => {
    const ledger = new NumberLedger();
    ledger.record('2');
    ledger.record('1');
    ledger.record('2');
    expect(ledger.numbers()).toEqual(['2', '1']);
    ledger.clear();
    expect(ledger.numbers()).toEqual([]);
    expect(ledger.total).toBe(0);
    expect(ledger.repeats()).toEqual([]);
  });
});
