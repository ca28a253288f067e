import { describe, expect, it } from 'vitest';

import { EXCERPT_MAX_CHARS } from '../body-excerpt';
import { classifyCampaignRowAnswer, parseRetryAfter } from './answer';

const NOW = new Date('2025-06-01T12:00:00Z');

describe('classifyCampaignRowAnswer', () => {
  it('accepts the documented success answer', () => {
    const body = '{\n\n"result": true\n\n}';
    expect(classifyCampaignRowAnswer({ status: 200, body })).toEqual({ kind: 'success', status: 200 });
    expect(classifyCampaignRowAnswer({ status: 201, body: new TextEncoder().encode(body) }).kind).toBe('success');
  });

  it.each([
    ['result false', '{"result":false}'],
    ['result as a string', '{"result":"true"}'],
    ['no result', '{"status":"ok"}'],
    ['JSON null', 'null'],
    ['a JSON array', '[true]'],
  ])('does not count %s as success', (_name, body) => {
    expect(classifyCampaignRowAnswer({ status: 200, body })).toMatchObject({
      kind: 'rejected',
      reason: 'result-not-true',
      providerText: body,
    });
  });

  it.each([
    ['an empty body', ''],
    ['an HTML page', '<html><body>OK</body></html>'],
  ])('rejects %s on 200 as not JSON', (_name, body) => {
    expect(classifyCampaignRowAnswer({ status: 200, body })).toMatchObject({ kind: 'rejected', reason: 'not-json' });
  });

  it('retries 429 after the seconds in Retry-After', () => {
    expect(classifyCampaignRowAnswer({ status: 429, body: '', retryAfter: '7' }, { now: NOW })).toMatchObject({
      kind: 'retryable',
      reason: 'rate-limited',
      retryAfterMs: 7000,
    });
  });

  it('retries 429 at the HTTP date in Retry-After', () => {
    const answer = { status: 429, body: '', retryAfter: 'Sun, 01 Jun 2025 12:00:30 GMT' };
    expect(classifyCampaignRowAnswer(answer, { now: NOW })).toMatchObject({ kind: 'retryable', retryAfterMs: 30_000 });
  });

  it('retries 429 without a usable Retry-After, leaving the delay to the caller', () => {
    const outcome = classifyCampaignRowAnswer({ status: 429, body: '', retryAfter: 'soon-ish' }, { now: NOW });
    expect(outcome.kind).toBe('retryable');
    expect(outcome).not.toHaveProperty('retryAfterMs');
  });

  it.each([500, 502, 503, 504, 599])('retries HTTP %s', (status) => {
    expect(classifyCampaignRowAnswer({ status, body: 'Bad Gateway' })).toMatchObject({
      kind: 'retryable',
      reason: 'server-error',
      providerText: 'Bad Gateway',
    });
  });

  it.each([
    [401, 'auth-rejected'],
    [403, 'auth-rejected'],
    [400, 'http-error'],
    [404, 'http-error'],
    [422, 'http-error'],
    [302, 'http-error'],
  ])('does not retry HTTP %s (%s)', (status, reason) => {
    expect(classifyCampaignRowAnswer({ status, body: '{"error":"x"}' })).toMatchObject({
      kind: 'rejected',
      reason,
      providerText: '{"error":"x"}',
    });
  });

  it('quotes at most about 200 characters of the body', () => {
    const outcome = classifyCampaignRowAnswer({ status: 400, body: `{"error":"${'x'.repeat(5000)}"}` });
    expect(outcome.kind === 'rejected' && outcome.providerText.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
  });

  it('never quotes the Auth-key, even when the server echoes it', () => {
    const key = 'a1b2c3d4e5f6';
    const outcome = classifyCampaignRowAnswer({ status: 401, body: `{"error":"bad Auth-key ${key}"}` }, { redact: [key] });
    expect(JSON.stringify(outcome)).not.toContain(key);
    expect(outcome.kind === 'rejected' && outcome.providerText).toBe('{"error":"bad Auth-key ***"}');
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | null | undefined, number | undefined]>([
    ['0', 0],
    [' 120 ', 120_000],
    ['Sun, 01 Jun 2025 11:59:00 GMT', 0],
    ['Sunday, 01-Jun-25 12:01:00 GMT', 60_000],
    ['-5', undefined],
    ['2025-06-01', undefined],
    ['1.5', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
    ['not a date', undefined],
  ])('reads %j as %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
