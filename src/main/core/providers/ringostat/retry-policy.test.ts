import { describe, expect, it } from 'vitest';

import { seededRandom } from '../../random/seeded-random';
import {
  connectionRefused,
  connectionReset,
  dnsFailure,
  imported,
  rejected,
  serverError,
  timedOut,
  tooManyRequests,
  untrustedCertificate,
} from './call-fixtures';
import { isRetryable, RetryPolicy } from './retry-policy';

const always = (value: number) => (): number => value;

describe('isRetryable', () => {
  it.each([
    ['429', true, tooManyRequests(1)],
    ['503', true, serverError(503)],
    ['500', true, serverError(500)],
    ['a refused connection', true, connectionRefused()],
    ['an unknown host', true, dnsFailure()],
    ['a reset after sending', false, connectionReset()],
    ['a timeout', false, timedOut()],
    ['an untrusted certificate', false, untrustedCertificate()],
    ['success', false, imported()],
    ['401', false, rejected(401)],
    ['400', false, rejected(400)],
    ['404', false, rejected(404)],
  ])('%s: %s', (_name, expected, call) => {
    expect(isRetryable(call)).toBe(expected);
  });
});

describe('RetryPolicy', () => {
  it('doubles the ceiling from 500 ms up to the 30 s cap', () => {
    const policy = new RetryPolicy({ random: always(0.999_999_99), maxAttempts: 20 });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => policy.backoffMs(n))).toEqual([499, 999, 1999, 3999, 7999, 15_999, 29_999, 29_999]);
  });

  it('jitters over the whole range, down to no wait at all', () => {
    const policy = new RetryPolicy({ random: always(0) });
    expect(policy.backoffMs(4)).toBe(0);
    expect(new RetryPolicy({ random: always(0.5) }).backoffMs(3)).toBe(1000);
  });

  it('repeats the same delays for the same seed', () => {
    const delays = (seed: number): number[] => {
      const policy = new RetryPolicy({ random: seededRandom(seed), maxAttempts: 10 });
      return [1, 2, 3, 4, 5, 6].map((n) => policy.backoffMs(n));
    };
    expect(delays(7)).toEqual(delays(7));
    expect(delays(7)).not.toEqual(delays(8));
    // Pinned, so a change to the formula or the generator shows here.
    expect(delays(7)).toEqual([5, 61, 1953, 2796, 4171, 6488]);
  });

  it('retries a 5xx after the backoff, without pausing other rows', () => {
    expect(new RetryPolicy({ random: always(0.5) }).decide(serverError(), 2)).toEqual({ retry: true, delayMs: 500 });
  });

  it("waits out Retry-After when it is longer than the backoff, and pauses everyone for it", () => {
    const policy = new RetryPolicy({ random: always(0.5) });
    expect(policy.decide(tooManyRequests(7), 1)).toEqual({ retry: true, delayMs: 7000, pauseAllMs: 7000 });
  });

  it('keeps the backoff when it is longer than Retry-After', () => {
    const policy = new RetryPolicy({ random: always(0.5) });
    expect(policy.decide(tooManyRequests(1), 4)).toEqual({ retry: true, delayMs: 2000, pauseAllMs: 1000 });
  });

  it('pauses everyone for the backoff on a 429 without a usable Retry-After', () => {
    expect(new RetryPolicy({ random: always(0.5) }).decide(tooManyRequests(), 2)).toEqual({ retry: true, delayMs: 500, pauseAllMs: 500 });
  });

  it('retries a connection that was refused before anything was sent', () => {
    expect(new RetryPolicy({ random: always(0.5) }).decide(connectionRefused(), 1)).toEqual({ retry: true, delayMs: 250 });
  });

  it('never retries what may have arrived, nor what waiting will not fix', () => {
    const policy = new RetryPolicy({ random: always(0.5) });
    for (const call of [connectionReset(), timedOut(), untrustedCertificate(), rejected(400), rejected(401), imported()]) {
      expect(policy.decide(call, 1)).toEqual({ retry: false });
    }
  });

  it('stops after maxAttempts requests, 5 by default', () => {
    const policy = new RetryPolicy({ random: always(0.5) });
    expect(policy.maxAttempts).toBe(5);
    expect(policy.decide(serverError(), 4).retry).toBe(true);
    expect(policy.decide(serverError(), 5).retry).toBe(false);
    expect(new RetryPolicy({ maxAttempts: 1 }).decide(tooManyRequests(1), 1).retry).toBe(false);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses maxAttempts %s', (maxAttempts) => {
    expect(() => new RetryPolicy({ maxAttempts })).toThrow(RangeError);
  });
});
