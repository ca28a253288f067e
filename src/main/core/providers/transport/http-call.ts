import { type CertificateRefusal, CertificateRefusedError } from '../../net/certificate-refused-error';

/** A fetch-compatible function: the global fetch, or one with a pinned certificate. */
export type HttpFetch = (url: string, init: RequestInit) => Promise<Response>;

export type TransportFailureKind = 'network' | 'timeout' | 'tls';

export interface TransportFailure {
  readonly kind: TransportFailureKind;
  /** Says what happened and where (the server's origin only: queries can carry identities). */
  readonly message: string;
  /** The request may have reached the server before the failure: its effect is unknown. */
  readonly mayHaveArrived: boolean;
  /** For a refused certificate: what the server presented, so the user can be asked to pin it. */
  readonly refusal?: CertificateRefusal;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

export type HttpResult = { readonly ok: true; readonly answer: HttpAnswer } | { readonly ok: false; readonly failure: TransportFailure };

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);
// Refused before any byte was sent: the request certainly did not arrive.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth += 1) {
    if (e instanceof type) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function codeOf(error: unknown): string {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the server';
  }
}

/** What a failed request means to the user, from the error's code (never its text, which may quote the URL). */
export function describeTransportError(error: unknown, url: string): TransportFailure {
  // The pinned fetch has already said precisely what was refused and what the server presented.
  const refused = findCause(error, CertificateRefusedError);
  if (refused) return { kind: 'tls', message: refused.message, mayHaveArrived: false, refusal: refused.refusal };
  const code = codeOf(error);
  const where = originOf(url);
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return { kind: 'timeout', message: `${where} did not answer in time.`, mayHaveArrived: true };
  }
  if (TLS_CODES.has(code) || name === 'CertificatePinError' || code.startsWith('ERR_TLS') || code.startsWith('CERT_')) {
    return {
      kind: 'tls',
      message: `The secure connection to ${where} was refused: its certificate is not trusted (${code || name}). If this is your own server, pin its certificate in the profile.`,
      mayHaveArrived: false,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'network', message: `The address ${where} could not be found. Check the server address in the profile.`, mayHaveArrived: false };
  }
  if (code === 'ECONNREFUSED') {
    return { kind: 'network', message: `${where} refused the connection. Is the server running, and is the address right?`, mayHaveArrived: false };
  }
  return {
    kind: 'network',
    message: `The connection to ${where} failed (${code || 'network error'}).`,
    mayHaveArrived: !NOT_SENT_CODES.has(code),
  };
}

/** One HTTP request, its whole answer read, and every failure turned into a typed one. */
export async function callHttp(fetchFn: HttpFetch, url: string, init: RequestInit, timeoutMs: number): Promise<HttpResult> {
  try {
    const response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = new Uint8Array(await response.arrayBuffer());
    return { ok: true, answer: { status: response.status, headers: response.headers, body } };
  } catch (error) {
    return { ok: false, failure: describeTransportError(error, url) };
  }
}
