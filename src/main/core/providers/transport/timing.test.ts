import { describe, expect, it } from 'vitest';

import { realTiming } from './timing';

describe('realTiming', () => {
  it('ends a long sleep as soon as its signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = realTiming.sleep(3_600_000, controller.signal);
    let ended = false;
    void sleeping.then(() => (ended = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    controller.abort();
    await sleeping;
    expect(ended).toBe(true);
  });

  it('does not wait at all once the signal has already aborted', async () => {
    // An hour-long sleep that finishes within the test timeout can only have returned at once.
    await expect(realTiming.sleep(3_600_000, AbortSignal.abort())).resolves.toBeUndefined();
  });

  it('ends a short sleep by itself, and its clock never goes backwards', async () => {
    const before = realTiming.now();
    await realTiming.sleep(1);
    expect(realTiming.now()).toBeGreaterThanOrEqual(before);
  });
});
