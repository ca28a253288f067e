import { createHmac } from 'node:crypto';

/**
 * Huawei CC-iSales "C2" AK/SK request signing.
 *
 * UNCONFIRMED: Huawei's page (cec_07_0003) could not be read past its first demo class; this
 * layout is reconstructed from third-party ports of Huawei's Java demo (provider-apis.md §2.1).
 * Those ports agree on the timestamp, the auth-v2 prefix, the signing-key step and the order of
 * the canonical parts. They disagree on the byte encoding: most hex-encode both HMACs (hex key
 * string fed into the second HMAC), one uses raw bytes and Base64 for the result; hex is the
 * default here and Base64 is selectable. One port adds a blank line after the canonical headers;
 * that variant is not implemented. Only a live server can settle it (401 means wrong signature).
 * Keep all of the scheme in this file so a correction touches one place.
 */

export interface C2Request {
  readonly method: string;
  /** URI path without the query, e.g. /rest/isales/v1/openapi/campaigns/1/calldata/2 */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Headers as they will be sent; every signed one must be present with exactly the sent value. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body text that will be sent (UTF-8). */
  readonly body: string;
}

export interface C2Credentials {
  readonly accessKey: string;
  readonly secretKey: string;
}

export type C2Encoding = 'hex' | 'base64';

export interface C2SignOptions {
  /** Passed in rather than read from the clock, so signing is pure and testable. */
  readonly time: Date;
  readonly signedHeaders?: readonly string[];
  readonly encoding?: C2Encoding;
}

export interface C2Signature {
  /** The whole Authorization header value: no scheme word, no separate date header. */
  readonly authorization: string;
  readonly timestamp: string;
  readonly signedHeaders: string;
}

/** What the ports sign. `host` is mandatory in every port. */
export const DEFAULT_SIGNED_HEADERS: readonly string[] = ['content-length', 'content-type', 'host'];

/** UTC yyyy-MM-dd'T'HH:mm:ss.SSS'Z', which is what toISOString gives for years 0-9999. */
export function c2Timestamp(time: Date): string {
  return time.toISOString();
}

/** RFC 3986: everything but A-Z a-z 0-9 - _ . ~ becomes %XX of its UTF-8 bytes. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function encodePath(path: string): string {
  return path.split('/').map(percentEncode).join('/');
}

function canonicalQuery(query: Readonly<Record<string, string>>): string {
  return Object.entries(query)
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .sort()
    .join('&');
}

export function normaliseSignedHeaders(names: readonly string[]): string[] {
  const lower = [...new Set(names.map((name) => name.trim().toLowerCase()))].sort();
  if (!lower.includes('host')) throw new Error('C2 signing needs the host header among the signed headers.');
  return lower;
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string {
  const matches = Object.entries(headers).filter(([key]) => key.toLowerCase() === name);
  const [match, ...others] = matches;
  if (match === undefined) throw new Error(`C2 signing needs the ${name} header, which the request does not have.`);
  if (others.length > 0) throw new Error(`The request has the ${name} header more than once; it cannot be signed.`);
  return match[1].trim();
}

/**
 * The string that is signed: method, path, query, SignedHeaders, the canonical header lines,
 * and the percent-encoded body, joined by "\n".
 */
export function canonicalRequest(request: C2Request, signedHeaders: readonly string[] = DEFAULT_SIGNED_HEADERS): string {
  const names = normaliseSignedHeaders(signedHeaders);
  const headerLines = names.map((name) => `${name}:${percentEncode(headerValue(request.headers, name))}`);
  return [
    request.method.toUpperCase(),
    encodePath(request.path),
    canonicalQuery(request.query ?? {}),
    names.join(';'),
    ...headerLines,
    percentEncode(request.body),
  ].join('\n');
}

export function authStringPrefix(accessKey: string, timestamp: string, signedHeaders: string): string {
  return `auth-v2/${accessKey}/${timestamp}/${signedHeaders}`;
}

function hmac(key: string | Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/**
 * Signs a request. Returns only the header parts, never the canonical request: for some calls
 * (file/addServer) the body holds a password, so the canonical string must not drift into logs.
 */
export function signC2(request: C2Request, credentials: C2Credentials, options: C2SignOptions): C2Signature {
  const names = normaliseSignedHeaders(options.signedHeaders ?? DEFAULT_SIGNED_HEADERS);
  const signedHeaders = names.join(';');
  const timestamp = c2Timestamp(options.time);
  const prefix = authStringPrefix(credentials.accessKey, timestamp, signedHeaders);
  const canonical = canonicalRequest(request, names);
  const rawKey = hmac(credentials.secretKey, prefix);
  const signature =
    options.encoding === 'base64'
      ? hmac(rawKey, canonical).toString('base64')
      : hmac(rawKey.toString('hex'), canonical).toString('hex');
  return { authorization: `${prefix}/${signature}`, timestamp, signedHeaders };
}
