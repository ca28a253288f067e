import type { RowCall } from './ringostat-client';

export interface RetryPolicyOptions {
  readonly baseMs?: number;
  readonly capMs?: number;
  /** Requests per row, the first included. */
  readonly maxAttempts?: number;
  /** A seeded one in tests, so the jitter repeats. */
  readonly random?: () => number;
}

export const DEFAULT_BASE_MS = 500;
export const DEFAULT_CAP_MS = 30_000;
export const DEFAULT_MAX_ATTEMPTS = 5;

export type RetryDecision =
  | { readonly retry: false }
  | {
      readonly retry: true;
      /** How long this row waits before its next request. */
      readonly delayMs: number;
      /** How long every row must wait: set when the server asked the whole account to slow down. */
      readonly pauseAllMs?: number;
    };

const STOP: RetryDecision = { retry: false };

/**
 * Retries only what certainly did not take effect, or what the server said to retry: 429, 5xx,
 * and connections that failed before the request left (refused, DNS). A connection lost after
 * sending is never retried, since that could add the number twice; a refused certificate is
 * not either, since waiting will not change it.
 */
export function isRetryable(call: RowCall): boolean {
  if (call.kind === 'retryable') return true;
  return call.kind === 'transport' && !call.failure.mayHaveArrived && call.failure.kind !== 'tls';
}

export class RetryPolicy {
  private readonly baseMs: number;
  private readonly capMs: number;
  readonly maxAttempts: number;
  private readonly random: () => number;

  constructor(options: RetryPolicyOptions = {}) {
    this.baseMs = options.baseMs ?? DEFAULT_BASE_MS;
    this.capMs = options.capMs ?? DEFAULT_CAP_MS;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.random = options.random ?? Math.random;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) {
      throw new RangeError(`maxAttempts must be a whole number of at least 1, not ${this.maxAttempts}.`);
    }
  }

  /**
   * "Full jitter": anywhere from 0 to the exponential ceiling, so rows that failed together do
   * not all come back together. `attempt` is the 1-based number of the request that failed.
   */
  backoffMs(attempt: number): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** (attempt - 1));
    return Math.floor(this.random() * ceiling);
  }

  decide(call: RowCall, attempt: number): RetryDecision {
    if (!isRetryable(call) || attempt >= this.maxAttempts) return STOP;
    const backoff = this.backoffMs(attempt);
    const retryAfterMs = call.kind === 'retryable' ? call.retryAfterMs : undefined;
    const delayMs = Math.max(backoff, retryAfterMs ?? 0);
    if (retryAfterMs !== undefined) return { retry: true, delayMs, pauseAllMs: retryAfterMs };
    // A 429 without a usable Retry-After still speaks for the whole account.
    if (call.kind === 'retryable' && call.reason === 'rate-limited') return { retry: true, delayMs, pauseAllMs: delayMs };
    return { retry: true, delayMs };
  }
}
