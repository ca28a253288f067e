import { describe, expect, it } from 'vitest';

import { FakeTime } from '../transport/fake-time';
import { RateGate } from './rate-gate';

/** Acquires, notes when, holds for `holdMs` of fake time, releases. */
async function use(gate: RateGate, time: FakeTime, holdMs: number, starts: number[], signal?: AbortSignal): Promise<boolean> {
  const permit = await gate.acquire(signal);
  if (permit === undefined) return false;
  starts.push(time.now());
  await time.sleep(holdMs);
  permit.release();
  return true;
}

describe('RateGate', () => {
  it('spaces starts 1/rate apart, so N requests take at least (N-1)/rate', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 4, concurrency: 10, timing: time });
    const starts: number[] = [];
    await time.run(Promise.all(Array.from({ length: 9 }, () => use(gate, time, 0, starts))));
    expect(starts).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
  });

  it('rounds an uneven interval up, so it is never faster than the rate', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 3, concurrency: 10, timing: time });
    const starts: number[] = [];
    await time.run(Promise.all(Array.from({ length: 7 }, () => use(gate, time, 0, starts))));
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
    expect(gaps.every((gap) => gap >= 1000 / 3 && gap < 1000 / 3 + 1)).toBe(true);
  });

  it('defaults to 2 per second and 2 at once', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ timing: time });
    const starts: number[] = [];
    let most = 0;
    const watch = async (): Promise<void> => {
      const permit = await gate.acquire();
      starts.push(time.now());
      most = Math.max(most, gate.active);
      await time.sleep(2000);
      permit?.release();
    };
    await time.run(Promise.all(Array.from({ length: 4 }, watch)));
    expect(starts).toEqual([0, 500, 2000, 2500]);
    expect(most).toBe(2);
  });

  it('never lets more than `concurrency` in at once', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 1000, concurrency: 3, timing: time });
    let most = 0;
    const hold = async (ms: number): Promise<void> => {
      const permit = await gate.acquire();
      most = Math.max(most, gate.active);
      await time.sleep(ms);
      permit?.release();
    };
    await time.run(Promise.all(Array.from({ length: 20 }, (_, i) => hold(50 + (i % 4) * 37))));
    expect(most).toBe(3);
    expect(gate.active).toBe(0);
  });

  it('admits waiters in the order they came', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 10, concurrency: 1, timing: time });
    const order: number[] = [];
    const take = async (n: number): Promise<void> => {
      const permit = await gate.acquire();
      order.push(n);
      await time.sleep(n % 2 === 0 ? 300 : 10);
      permit?.release();
    };
    await time.run(Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(take)));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('holds every waiter back during a pause, not only the one that asked for it', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 100, concurrency: 5, timing: time });
    const starts: number[] = [];
    const first = await time.run(gate.acquire());
    gate.pause(3000);
    first?.release();
    await time.run(Promise.all(Array.from({ length: 4 }, () => use(gate, time, 0, starts))));
    expect(starts[0]).toBe(3000);
    expect(starts).toEqual([3000, 3010, 3020, 3030]);
  });

  it('keeps the longer of two pauses', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 100, concurrency: 1, timing: time });
    gate.pause(5000);
    gate.pause(1000);
    const starts: number[] = [];
    await time.run(use(gate, time, 0, starts));
    expect(starts).toEqual([5000]);
  });

  it('lengthens a pause that is already being waited out', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 100, concurrency: 1, timing: time });
    gate.pause(1000);
    const starts: number[] = [];
    const waiting = use(gate, time, 0, starts);
    await time.advance(500);
    gate.pause(2000);
    await time.run(waiting);
    expect(starts).toEqual([2500]);
  });

  it('lets an aborted waiter go without a permit, and the rest carry on in order', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 1, concurrency: 1, timing: time });
    const controller = new AbortController();
    const starts: number[] = [];
    const kept = use(gate, time, 0, starts);
    const dropped = use(gate, time, 0, starts, controller.signal);
    const after = use(gate, time, 0, starts);
    await time.advance(10);
    controller.abort();
    expect(await time.run(Promise.all([kept, dropped, after]))).toEqual([true, false, true]);
    expect(starts).toEqual([0, 1000]);
  });

  it('answers an already aborted signal at once, and leaves no timer behind when everyone leaves', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 1, concurrency: 1, timing: time });
    expect(await gate.acquire(AbortSignal.abort())).toBeUndefined();
    (await time.run(gate.acquire()))?.release();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    await time.advance(1);
    // The gate is waiting for the next start, 1 s after the first.
    expect(time.pending).toBe(1);
    controller.abort();
    expect(await time.run(waiting)).toBeUndefined();
    expect(time.pending).toBe(0);
    expect(time.now()).toBe(1);
  });

  it('counts a permit released twice only once', async () => {
    const time = new FakeTime();
    const gate = new RateGate({ ratePerSecond: 1000, concurrency: 2, timing: time });
    const permit = await time.run(gate.acquire());
    await time.run(gate.acquire());
    permit?.release();
    permit?.release();
    expect(gate.active).toBe(1);
  });

  it.each([
    [{ ratePerSecond: 0 }],
    [{ ratePerSecond: -1 }],
    [{ ratePerSecond: Number.NaN }],
    [{ concurrency: 0 }],
    [{ concurrency: 1.5 }],
  ])('refuses %j', (options) => {
    expect(() => new RateGate(options)).toThrow(RangeError);
  });
});
