/**
 * The sender's only view of time, so the rate gate and the backoff can run on a fake clock in
 * tests instead of waiting for real seconds.
 */
export interface Timing {
  /** Milliseconds on a clock that never goes backwards (wall-clock changes must not open the gate). */
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts; never rejects, so callers check the signal. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, Math.max(0, ms));
    signal?.addEventListener('abort', finish, { once: true });
  });
}

export const realTiming: Timing = { now: () => performance.now(), sleep };
