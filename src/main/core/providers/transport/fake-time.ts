import type { Timing } from './timing';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fire: () => void;
}

/**
 * A clock that moves only when `run` finds nothing left to do but wait, so tests of rate
 * limits and backoff take no real time and read exact figures. Test support only.
 */
export class FakeTime implements Timing {
  private current = 0;
  private created = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const timer: Timer = { at: this.current + Math.max(0, ms), order: this.created++, fire: () => finish() };
      const finish = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      this.timers.push(timer);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  /** Sleeps not yet over; a test can check nothing is left waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /**
   * Lets everything that can run now run, then moves the clock to the next timer, until
   * `promise` settles. Throws if nothing is left to wait for, which means a deadlock.
   */
  async run<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await idle();
      if (settled) return promise;
      if (!this.fireNext()) throw new Error(`Deadlock at fake ${this.current} ms: nothing is waiting for time.`);
    }
  }

  /** Moves the clock by `ms`, firing due timers in order, and lets the work they start run. */
  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    await idle();
    while (this.nextTimer() !== undefined && (this.nextTimer()?.at ?? Infinity) <= until) {
      this.fireNext();
      await idle();
    }
    this.current = until;
  }

  private nextTimer(): Timer | undefined {
    const sooner = (a: Timer, b: Timer): boolean => a.at < b.at || (a.at === b.at && a.order < b.order);
    return this.timers.reduce<Timer | undefined>((best, t) => (best === undefined || sooner(t, best) ? t : best), undefined);
  }

  private fireNext(): boolean {
    const timer = this.nextTimer();
    if (timer === undefined) return false;
    this.current = Math.max(this.current, timer.at);
    timer.fire();
    return true;
  }
}

// Every promise callback queued by now runs before a setImmediate callback does.
function idle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
