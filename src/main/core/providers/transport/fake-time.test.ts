import { describe, expect, it } from 'vitest';

import { FakeTime } from './fake-time';

describe('FakeTime', () => {
  it('moves the clock to each sleep in turn, in order of waking', async () => {
    const time = new FakeTime();
    const woke: Array<[string, number]> = [];
    const nap = async (name: string, ms: number): Promise<void> => {
      await time.sleep(ms);
      woke.push([name, time.now()]);
    };
    await time.run(Promise.all([nap('late', 300), nap('early', 100), nap('same-as-early', 100)]));
    expect(woke).toEqual([
      ['early', 100],
      ['same-as-early', 100],
      ['late', 300],
    ]);
  });

  it('follows chains of sleeps and awaits', async () => {
    const time = new FakeTime();
    const chain = async (): Promise<number> => {
      for (let i = 0; i < 5; i++) {
        await Promise.resolve();
        await time.sleep(250);
      }
      return time.now();
    };
    expect(await time.run(chain())).toBe(1250);
  });

  it('ends a sleep when its signal aborts, without moving the clock', async () => {
    const time = new FakeTime();
    const controller = new AbortController();
    const sleeping = time.sleep(10_000, controller.signal);
    controller.abort();
    await time.run(sleeping);
    expect(time.now()).toBe(0);
    expect(time.pending).toBe(0);
  });

  it('says so when a promise can never settle', async () => {
    const time = new FakeTime();
    await expect(time.run(new Promise(() => undefined))).rejects.toThrow(/Deadlock/);
  });

  it('advances by a fixed step, firing only what falls due', async () => {
    const time = new FakeTime();
    let fired = 0;
    void time.sleep(100).then(() => fired++);
    void time.sleep(500).then(() => fired++);
    await time.advance(200);
    expect([fired, time.now(), time.pending]).toEqual([1, 200, 1]);
  });
});
