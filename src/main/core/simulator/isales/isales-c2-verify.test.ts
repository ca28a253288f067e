import { describe, expect, it } from 'vitest';

import { signC2 } from '../../providers/isales/c2-signer';
import type { SimRequest } from '../http/sim-http';
import { verifyC2, type C2VerifyOptions } from './isales-c2-verify';
import type { IsalesAccessKey } from './isales-state';

const NOW = new Date('2025-06-01T10:00:00.000Z');
const keys = new Map<string, IsalesAccessKey>([['ak-1', { secretKey: 'sk-1', vdnIds: [1] }]]);
const options: C2VerifyOptions = { encoding: 'hex', maxSkewMs: 60_000, now: NOW };
const PATH = '/isales/rest/isales/v1/openapi/campaigns/1/calldata/1001';
const BODY = '{"callDataList":[{"called":"123"}]}';

function request(overrides: { body?: string; authorization?: string; headers?: Record<string, string>; query?: string } = {}): SimRequest {
  const headers = { host: '127.0.0.1:4000', 'content-type': 'application/json; charset=UTF-8', 'content-length': String(Buffer.byteLength(BODY)) };
  const signature = signC2({ method: 'POST', path: PATH, headers, body: BODY }, { accessKey: 'ak-1', secretKey: 'sk-1' }, { time: NOW });
  return {
    method: 'POST',
    path: PATH,
    routePath: PATH.slice('/isales'.length),
    query: new URLSearchParams(overrides.query ?? ''),
    headers: { ...headers, ...overrides.headers, authorization: overrides.authorization ?? signature.authorization },
    body: Buffer.from(overrides.body ?? BODY),
  };
}

function signed(credentials: { accessKey: string; secretKey: string }, time = NOW, encoding: 'hex' | 'base64' = 'hex'): string {
  const headers = { host: '127.0.0.1:4000', 'content-type': 'application/json; charset=UTF-8', 'content-length': String(Buffer.byteLength(BODY)) };
  return signC2({ method: 'POST', path: PATH, headers, body: BODY }, credentials, { time, encoding }).authorization;
}

describe('verifyC2', () => {
  it("accepts a request signed with the repo's signer", () => {
    expect(verifyC2(request(), keys, options)).toEqual({ ok: true, accessKey: 'ak-1' });
  });

  it('refuses a body changed after signing', () => {
    expect(verifyC2(request({ body: BODY.replace('123', '124') }), keys, options)).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  it('refuses a query or a signed header changed after signing', () => {
    expect(verifyC2(request({ query: 'x=1' }), keys, options).ok).toBe(false);
    expect(verifyC2(request({ headers: { host: 'evil:4000' } }), keys, options).ok).toBe(false);
  });

  it('refuses a wrong secret key and an unknown access key', () => {
    expect(verifyC2(request({ authorization: signed({ accessKey: 'ak-1', secretKey: 'other' }) }), keys, options).ok).toBe(false);
    expect(verifyC2(request({ authorization: signed({ accessKey: 'ak-2', secretKey: 'sk-1' }) }), keys, options)).toEqual({ ok: false, reason: 'unknown access key' });
  });

  it('refuses a timestamp too far from the server clock', () => {
    const stale = signed({ accessKey: 'ak-1', secretKey: 'sk-1' }, new Date(NOW.getTime() - 120_000));
    expect(verifyC2(request({ authorization: stale }), keys, options)).toEqual({ ok: false, reason: 'timestamp too far from server time' });
  });

  it('accepts only the encoding the server is set to', () => {
    const base64 = signed({ accessKey: 'ak-1', secretKey: 'sk-1' }, NOW, 'base64');
    expect(verifyC2(request({ authorization: base64 }), keys, options).ok).toBe(false);
    expect(verifyC2(request({ authorization: base64 }), keys, { ...options, encoding: 'base64' }).ok).toBe(true);
  });

  it('refuses missing and malformed headers without throwing', () => {
    const none = request();
    const withoutAuth: SimRequest = { ...none, headers: { ...none.headers, authorization: undefined } };
    expect(verifyC2(withoutAuth, keys, options).ok).toBe(false);
    for (const authorization of ['Bearer x', 'auth-v2/ak-1', 'auth-v2/ak-1/yesterday/host/abc', 'auth-v2/ak-1/2025-06-01T10:00:00.000Z/content-type/abc']) {
      expect(verifyC2(request({ authorization }), keys, options).ok).toBe(false);
    }
  });
});
