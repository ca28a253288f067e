import { timingSafeEqual } from 'node:crypto';

import { signC2, type C2Encoding } from '../../providers/isales/c2-signer';
import type { SimRequest } from '../http/sim-http';
import type { IsalesAccessKey } from './isales-state';

export interface C2VerifyOptions {
  /** The encoding the simulated server expects; the real one is unconfirmed (hex is likelier). */
  readonly encoding: C2Encoding;
  /** How far the signed timestamp may be from the server clock. Not documented; a guess. */
  readonly maxSkewMs: number;
  readonly now: Date;
}

/** Why a signature failed, for tests; never sent to the client and never holds a key. */
export type C2Verdict = { readonly ok: true; readonly accessKey: string } | { readonly ok: false; readonly reason: string };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface AuthParts {
  readonly accessKey: string;
  readonly timestamp: string;
  readonly signedHeaders: string;
}

// auth-v2/AK/timestamp/SignedHeaders/signature; a Base64 signature may itself hold "/".
function parseAuthorization(value: string): AuthParts | undefined {
  const [scheme, accessKey, timestamp, signedHeaders, ...signature] = value.split('/');
  if (scheme !== 'auth-v2' || accessKey === undefined || timestamp === undefined || signedHeaders === undefined) return undefined;
  if (accessKey === '' || signedHeaders === '' || signature.join('/') === '') return undefined;
  return { accessKey, timestamp, signedHeaders };
}

function flatHeaders(request: SimRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function decodedPath(path: string): string | undefined {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function checkTime(timestamp: string, options: C2VerifyOptions): string | undefined {
  const time = new Date(timestamp);
  if (!TIMESTAMP.test(timestamp) || Number.isNaN(time.getTime()) || time.toISOString() !== timestamp) return 'bad timestamp';
  return Math.abs(options.now.getTime() - time.getTime()) > options.maxSkewMs ? 'timestamp too far from server time' : undefined;
}

/**
 * Checks a C2 Authorization header by signing the request again with the repo's own signer
 * (providers/isales/c2-signer.ts) and the secret key the AK maps to, over the exact path,
 * query, headers and body that arrived.
 */
export function verifyC2(request: SimRequest, keys: ReadonlyMap<string, IsalesAccessKey>, options: C2VerifyOptions): C2Verdict {
  const header = request.headers.authorization;
  const parts = typeof header === 'string' ? parseAuthorization(header) : undefined;
  if (header === undefined || parts === undefined) return { ok: false, reason: 'missing or malformed Authorization' };
  const key = keys.get(parts.accessKey);
  if (key === undefined) return { ok: false, reason: 'unknown access key' };
  const timeProblem = checkTime(parts.timestamp, options);
  if (timeProblem !== undefined) return { ok: false, reason: timeProblem };
  const path = decodedPath(request.path);
  if (path === undefined) return { ok: false, reason: 'undecodable path' };
  try {
    const expected = signC2(
      { method: request.method, path, query: Object.fromEntries(request.query), headers: flatHeaders(request), body: request.body.toString('utf8') },
      { accessKey: parts.accessKey, secretKey: key.secretKey },
      { time: new Date(parts.timestamp), signedHeaders: parts.signedHeaders.split(';'), encoding: options.encoding },
    );
    return sameText(expected.authorization, header) ? { ok: true, accessKey: parts.accessKey } : { ok: false, reason: 'signature mismatch' };
  } catch {
    // The signer refuses when a signed header is missing or host is not signed.
    return { ok: false, reason: 'signed headers missing from the request' };
  }
}
