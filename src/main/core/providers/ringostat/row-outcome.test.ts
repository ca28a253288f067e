import { describe, expect, it } from 'vitest';

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
import { interrupted, settle } from './row-outcome';

describe('settle', () => {
  it('counts success as imported, with its attempts', () => {
    expect(settle(imported(), 3)).toEqual({ kind: 'imported', attempts: 3 });
  });

  it("passes on a refusal with Ringostat's words and status", () => {
    expect(settle(rejected(404), 1)).toEqual({
      kind: 'rejected',
      attempts: 1,
      reason: 'http-error',
      status: 404,
      providerText: '{"result":false,"message":"Campaign not found"}',
      message: 'Ringostat refused the request. (HTTP 404)',
    });
  });

  it('counts a 429 given up on as rejected: it stored nothing', () => {
    const outcome = settle(tooManyRequests(1), 5);
    expect(outcome).toMatchObject({ kind: 'rejected', reason: 'rate-limited', status: 429, attempts: 5 });
    expect(outcome.kind === 'rejected' && outcome.message).toMatch(/after 5 attempts/);
  });

  it('counts a 5xx given up on as unknown: the client cannot tell whether it stored the number', () => {
    const outcome = settle(serverError(502), 5);
    expect(outcome).toMatchObject({ kind: 'unknown', why: 'server-error', attempts: 5 });
    expect(outcome.kind === 'unknown' && outcome.message).toMatch(/HTTP 502.*after 5 attempts/);
  });

  it.each([
    ['a reset', connectionReset(), 'network'],
    ['a timeout', timedOut(), 'timeout'],
  ])('counts %s after sending as unknown', (_name, call, why) => {
    expect(settle(call, 1)).toMatchObject({ kind: 'unknown', attempts: 1, why });
  });

  it.each([
    ['a refused connection', connectionRefused(), 'unreachable'],
    ['an unknown host', dnsFailure(), 'unreachable'],
    ['an untrusted certificate', untrustedCertificate(), 'tls-refused'],
  ])('counts %s as rejected, with no status', (_name, call, reason) => {
    const outcome = settle(call, 1);
    expect(outcome).toMatchObject({ kind: 'rejected', reason });
    expect(outcome).not.toHaveProperty('status');
  });
});

describe('interrupted', () => {
  it('cancels a row that was never sent', () => {
    expect(interrupted(undefined, 0)).toEqual({ kind: 'cancelled', attempts: 0 });
  });

  it('cancels a row whose requests certainly stored nothing', () => {
    expect(interrupted(tooManyRequests(2), 1)).toEqual({ kind: 'cancelled', attempts: 1 });
    expect(interrupted(connectionRefused(), 2)).toEqual({ kind: 'cancelled', attempts: 2 });
  });

  it('leaves a row whose last answer was a 5xx unknown', () => {
    expect(interrupted(serverError(), 2)).toMatchObject({ kind: 'unknown', why: 'server-error', attempts: 2 });
  });
});
