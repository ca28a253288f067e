import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { startStallTimer } from './stall-timer';

describe('startStallTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once nothing happened for the whole wait', () => {
    const onStall = vi.fn();
    const timer = startStallTimer(1000, onStall);
    vi.advanceTimersByTime(999);
    expect(onStall).not.toHaveBeenCalled();
    expect(timer.fired).toBe(false);
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);
    expect(timer.fired).toBe(true);
  });

  it('waits again from every kick, so a slow but moving transfer never fires', () => {
    const onStall = vi.fn();
    const timer = startStallTimer(1000, onStall);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(900);
      timer.kick();
    }
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  it('never fires after stop, and a kick after firing does not re-arm it', () => {
    const stopped = vi.fn();
    startStallTimer(1000, stopped).stop();
    vi.advanceTimersByTime(5000);
    expect(stopped).not.toHaveBeenCalled();

    const fired = vi.fn();
    const timer = startStallTimer(1000, fired);
    vi.advanceTimersByTime(1000);
    timer.kick();
    vi.advanceTimersByTime(5000);
    expect(fired).toHaveBeenCalledTimes(1);
  });
});
