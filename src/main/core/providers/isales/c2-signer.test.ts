import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { c2Timestamp, canonicalRequest, percentEncode, signC2, type C2Request } from './c2-signer';

const AK = 'globalaktest';
const SK = 'sk-test-0123456789';
const TIME = new Date(Date.UTC(2024, 2, 5, 6, 7, 8, 9));
const BODY = '{"serverId":"1","fileName":"demo.xlsx"}';

// Header names in mixed case and out of order, as an HTTP client might hold them.
const REQUEST: C2Request = {
  method: 'post',
  path: '/rest/isales/v1/openapi/campaigns/1/calldatafile/uploadFileServer/123',
  query: { b: '2 x', a: '1' },
  headers: {
    Host: '10.22.26.181:28080',
    'Content-Type': 'application/json; charset=UTF-8',
    'content-length': String(Buffer.byteLength(BODY)),
    locale: 'en_US',
  },
  body: BODY,
};

// Written out by hand from provider-apis.md §2.1, so any change of layout fails here.
const EXPECTED_CANONICAL = [
  'POST',
  '/rest/isales/v1/openapi/campaigns/1/calldatafile/uploadFileServer/123',
  'a=1&b=2%20x',
  'content-length;content-type;host',
  'content-length:39',
  'content-type:application%2Fjson%3B%20charset%3DUTF-8',
  'host:10.22.26.181%3A28080',
  '%7B%22serverId%22%3A%221%22%2C%22fileName%22%3A%22demo.xlsx%22%7D',
].join('\n');
const EXPECTED_PREFIX = 'auth-v2/globalaktest/2024-03-05T06:07:08.009Z/content-length;content-type;host';

describe('C2 signer', () => {
  it('formats the timestamp as UTC with milliseconds', () => {
    expect(c2Timestamp(TIME)).toBe('2024-03-05T06:07:08.009Z');
  });

  it('builds the canonical request in the reconstructed layout', () => {
    expect(canonicalRequest(REQUEST)).toBe(EXPECTED_CANONICAL);
  });

  it('signs with hex HMACs by default: key = HMAC(SK, prefix) as hex text, signature = HMAC(key, canonical)', () => {
    const signingKeyHex = createHmac('sha256', SK).update(EXPECTED_PREFIX).digest('hex');
    const signatureHex = createHmac('sha256', signingKeyHex).update(EXPECTED_CANONICAL).digest('hex');
    expect(signC2(REQUEST, { accessKey: AK, secretKey: SK }, { time: TIME })).toEqual({
      authorization: `${EXPECTED_PREFIX}/${signatureHex}`,
      timestamp: '2024-03-05T06:07:08.009Z',
      signedHeaders: 'content-length;content-type;host',
    });
  });

  it('signs with raw-byte HMACs and Base64 when asked', () => {
    const signingKeyRaw = createHmac('sha256', SK).update(EXPECTED_PREFIX).digest();
    const signatureB64 = createHmac('sha256', signingKeyRaw).update(EXPECTED_CANONICAL).digest('base64');
    const signed = signC2(REQUEST, { accessKey: AK, secretKey: SK }, { time: TIME, encoding: 'base64' });
    expect(signed.authorization).toBe(`${EXPECTED_PREFIX}/${signatureB64}`);
  });

  it('signs only the headers asked for, sorted and lowercased, and always needs host', () => {
    const canonical = canonicalRequest(REQUEST, ['Host', 'Locale']);
    expect(canonical.split('\n').slice(3, 6)).toEqual(['host;locale', 'host:10.22.26.181%3A28080', 'locale:en_US']);
    expect(() => canonicalRequest(REQUEST, ['content-type'])).toThrow(/host header/);
  });

  it('leaves the query line empty when there is no query', () => {
    expect(canonicalRequest({ ...REQUEST, query: {} }).split('\n')[2]).toBe('');
  });

  it('encodes the body as UTF-8 bytes on the RFC 3986 unreserved set', () => {
    expect(percentEncode("Іван!'()*~-_.")).toBe("%D0%86%D0%B2%D0%B0%D0%BD%21%27%28%29%2A~-_.");
  });

  it('refuses to sign when a signed header is missing or doubled, without naming any key', () => {
    const missing = { ...REQUEST, headers: { Host: 'h' } };
    expect(() => signC2(missing, { accessKey: AK, secretKey: SK }, { time: TIME })).toThrow(/content-length header/);
    const doubled = { ...REQUEST, headers: { ...REQUEST.headers, HOST: 'other' } };
    try {
      signC2(doubled, { accessKey: AK, secretKey: SK }, { time: TIME });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/host header more than once/);
      expect(String(error)).not.toContain(SK);
    }
  });

  it('never puts the secret key into the header', () => {
    const signed = signC2(REQUEST, { accessKey: AK, secretKey: SK }, { time: TIME });
    expect(JSON.stringify(signed)).not.toContain(SK);
  });
});
