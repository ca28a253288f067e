import { describe, expect, it } from 'vitest';

import { type JobProgress, ProgressMeter } from './progress-meter';

function meter(): { reports: JobProgress[]; meter: ProgressMeter; clock: { now: number } } {
  const clock = { now: 0 };
  const reports: JobProgress[] = [];
  return { reports, clock, meter: new ProgressMeter((p) => reports.push(p), { now: () => clock.now }) };
}

describe('ProgressMeter', () => {
  it('reports at most every 100 ms, but always the first and the last', () => {
    const { reports, meter: m, clock } = meter();
    for (let done = 1; done <= 100; done += 1) {
      clock.now = done * 10;
      m.update(done, 100);
    }
    expect(reports.length).toBeGreaterThanOrEqual(10);
    expect(reports.length).toBeLessThanOrEqual(11);
    expect(reports[0]?.done).toBe(1);
    expect(reports.at(-1)).toMatchObject({ done: 100, total: 100, etaSeconds: 0 });
  });

  it('measures the rate over the recent window and the time left from it', () => {
    const { reports, meter: m, clock } = meter();
    for (let second = 0; second <= 10; second += 1) {
      clock.now = second * 1000;
      m.update(second * 50, 1000);
    }
    expect(reports.at(-1)).toEqual({ done: 500, total: 1000, ratePerSecond: 50, etaSeconds: 10 });
  });

  it('shows no time left while nothing has moved, and a stall soon lowers the rate', () => {
    const { reports, meter: m, clock } = meter();
    m.update(0, 10);
    expect(reports.at(-1)).toMatchObject({ ratePerSecond: 0, etaSeconds: null });
    clock.now = 1000;
    m.update(5, 10);
    clock.now = 20_000;
    m.update(5, 10);
    expect(reports.at(-1)?.etaSeconds).toBeNull();
  });
});
