import { describe, expect, it } from 'vitest';

import { FaultPlan, parseFaults, type FaultDecision } from './faults';

const kinds = (plan: FaultPlan, count: number): Array<FaultDecision['kind']> =>
  Array.from({ length: count }, () => plan.decide('ringostat').kind);

describe('FaultPlan', () => {
  it('decides nothing without faults', () => {
    expect(new Set(kinds(new FaultPlan(), 200))).toEqual(new Set(['none']));
  });

  it('hits roughly the share asked for', () => {
    const plan = new FaultPlan({ serverErrorShare: 0.2, tooManyRequestsShare: 0.1, resetShare: 0.1, seed: 5 });
    const seen = kinds(plan, 2000);
    const count = (kind: FaultDecision['kind']): number => seen.filter((k) => k === kind).length;
    expect(count('server-error')).toBeGreaterThan(330);
    expect(count('server-error')).toBeLessThan(470);
    expect(count('too-many-requests')).toBeGreaterThan(140);
    expect(count('too-many-requests')).toBeLessThan(260);
    expect(count('reset')).toBeGreaterThan(140);
    expect(count('reset')).toBeLessThan(260);
  });

  it('repeats the same fates for the same seed, and restarts the sequence on set', () => {
    const faults = { serverErrorShare: 0.5, seed: 9 };
    const first = kinds(new FaultPlan(faults), 50);
    const plan = new FaultPlan(faults);
    expect(kinds(plan, 50)).toEqual(first);
    plan.set(faults);
    expect(kinds(plan, 50)).toEqual(first);
    expect(kinds(new FaultPlan({ ...faults, seed: 10 }), 50)).not.toEqual(first);
  });

  it('carries Retry-After and the reset point into its decisions', () => {
    const tooMany = new FaultPlan({ tooManyRequestsShare: 1, retryAfterSeconds: 7 });
    expect(tooMany.decide('mor')).toEqual({ kind: 'too-many-requests', retryAfterSeconds: 7 });
    const reset = new FaultPlan({ resetShare: 1, resetPoint: 'after-handling' });
    expect(reset.decide('isales')).toEqual({ kind: 'reset', point: 'after-handling' });
    expect(new FaultPlan({ resetShare: 1 }).decide('isales')).toEqual({ kind: 'reset', point: 'before-handling' });
  });

  it('leaves providers outside its scope alone', () => {
    const plan = new FaultPlan({ serverErrorShare: 1, latencyMs: 50, slowBody: { chunkBytes: 1, intervalMs: 1 }, providers: ['mor'] });
    expect(plan.decide('ringostat').kind).toBe('none');
    expect(plan.latencyMs('ringostat')).toBe(0);
    expect(plan.slowBody('ringostat')).toBeUndefined();
    expect(plan.decide('mor').kind).toBe('server-error');
    expect(plan.latencyMs('mor')).toBe(50);
  });
});

describe('parseFaults', () => {
  it('refuses shares adding up to more than 1', () => {
    expect(() => parseFaults({ serverErrorShare: 0.6, resetShare: 0.6 })).toThrow(/must not exceed 1/);
  });

  it('refuses unbounded values and unknown settings', () => {
    expect(() => parseFaults({ latencyMs: 3_600_000 })).toThrow(RangeError);
    expect(() => parseFaults({ slowBody: { chunkBytes: 0, intervalMs: 10 } })).toThrow(/slowBody.chunkBytes/);
    expect(() => parseFaults({ latency: 5 })).toThrow(RangeError);
    expect(() => parseFaults({ serverErrorShare: -0.1 })).toThrow(RangeError);
  });

  it('accepts a full valid set', () => {
    const faults = { latencyMs: 10, serverErrorShare: 0.1, tooManyRequestsShare: 0.1, retryAfterSeconds: 2, resetShare: 0.1, seed: 1 };
    expect(parseFaults(faults)).toEqual(faults);
  });
});
