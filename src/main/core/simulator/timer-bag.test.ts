import { describe, expect, it } from 'vitest';

import { TimerBag } from './timer-bag';

describe('TimerBag', () => {
  it('runs a scheduled callback once after its delay', async () => {
    const bag = new TimerBag();
    let runs = 0;
    bag.schedule(5, () => runs++);
    expect(bag.pending).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(1);
    expect(bag.pending).toBe(0);
  });

  it('cancelAll stops pending callbacks and wakes sleepers at once', async () => {
    const bag = new TimerBag();
    let runs = 0;
    bag.schedule(20, () => runs++);
    const started = Date.now();
    const sleeping = bag.sleep(60_000);
    bag.cancelAll();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(runs).toBe(0);
    expect(bag.pending).toBe(0);
  });

  it('refuses new timers after close, and its sleep returns at once', async () => {
    const bag = new TimerBag();
    bag.close();
    let runs = 0;
    bag.schedule(0, () => runs++);
    expect(bag.pending).toBe(0);
    await bag.sleep(60_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(0);
    expect(bag.isClosed).toBe(true);
  });

  it('stays usable after cancelAll', async () => {
    const bag = new TimerBag();
    bag.cancelAll();
    let runs = 0;
    bag.schedule(1, () => runs++);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(1);
  });
});
