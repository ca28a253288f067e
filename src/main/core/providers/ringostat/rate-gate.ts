import { realTiming, type Timing } from '../transport/timing';

export interface RateGateOptions {
  /** Requests started per second, from the profile. */
  readonly ratePerSecond?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  readonly timing?: Timing;
}

export const DEFAULT_RATE_PER_SECOND = 2;
export const DEFAULT_CONCURRENCY = 2;

/** Held while one request is in flight; releasing it twice is harmless. */
export interface Permit {
  release(): void;
}

interface Waiter {
  readonly grant: (permit: Permit | undefined) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

function checkPositive(name: string, value: number, integer: boolean): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a positive ${integer ? 'whole number' : 'number'}, not ${value}.`);
  }
  return value;
}

/**
 * Admits requests first come, first served: at most `concurrency` in flight and starts spaced
 * 1/rate apart (a token bucket holding one token, so no burst ever exceeds the rate the profile
 * promises the provider). `pause` holds back every waiter, because a 429 is about the account,
 * not about the one request that drew it.
 */
export class RateGate {
  private readonly intervalMs: number;
  private readonly concurrency: number;
  private readonly timing: Timing;
  private readonly queue: Waiter[] = [];
  private inFlight = 0;
  private nextStartAt = -Infinity;
  private pausedUntil = -Infinity;
  private pumping = false;
  private wake: AbortController | undefined;

  constructor(options: RateGateOptions = {}) {
    this.intervalMs = 1000 / checkPositive('ratePerSecond', options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND, false);
    this.concurrency = checkPositive('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY, true);
    this.timing = options.timing ?? realTiming;
  }

  /** Requests admitted and not yet released. */
  get active(): number {
    return this.inFlight;
  }

  /** Waits for a turn; undefined when `signal` aborts first (nothing was admitted). */
  acquire(signal?: AbortSignal): Promise<Permit | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = { grant: resolve, signal, onAbort: () => this.withdraw(waiter) };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** Admits nobody for `ms` from now; a shorter pause never cuts a longer one short. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.timing.now() + Math.max(0, ms));
  }

  private withdraw(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index === -1) return;
    this.queue.splice(index, 1);
    waiter.grant(undefined);
    // The pump may be sleeping for a waiter that is gone; let it look again (and stop if idle).
    this.wake?.abort();
  }

  private waitMs(): number {
    return Math.ceil(Math.max(this.nextStartAt, this.pausedUntil) - this.timing.now());
  }

  // One pump at a time; every event that can admit someone (enqueue, release) restarts it.
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.inFlight < this.concurrency) {
        const wait = this.waitMs();
        if (wait > 0) await this.sleepUnlessWoken(wait);
        else this.admit();
      }
    } finally {
      this.pumping = false;
    }
  }

  private async sleepUnlessWoken(ms: number): Promise<void> {
    const wake = new AbortController();
    this.wake = wake;
    await this.timing.sleep(ms, wake.signal);
    if (this.wake === wake) this.wake = undefined;
  }

  private admit(): void {
    const waiter = this.queue.shift();
    if (waiter === undefined) return;
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    this.inFlight += 1;
    this.nextStartAt = this.timing.now() + this.intervalMs;
    waiter.grant(this.permit());
  }

  private permit(): Permit {
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.inFlight -= 1;
        void this.pump();
      },
    };
  }
}
