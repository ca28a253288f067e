import { timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'dialsheet_session';
export const TOKEN_HEADER = 'x-dialsheet-token';

export interface GuardConfig {
  token: string;
  port: number;
}

export interface GuardedRequest {
  method: string;
  path: string;
  /** The `token` query parameter, where the URL has one. */
  urlToken: string | null;
  headers: Record<string, string | string[] | undefined>;
}

export type Verdict =
  | { kind: 'allow' }
  /** The printed URL was opened: set the session cookie and redirect to drop the token from the address bar. */
  | { kind: 'login' }
  | { kind: 'refuse'; status: 401 | 403; reason: string };

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/**
 * Decides whether a request to the web host may go on. The Host check defeats DNS rebinding,
 * the Origin and Fetch-Metadata checks defeat other sites' pages, and the token (from the
 * printed URL, then a SameSite=Strict cookie, or a header for scripts) proves the caller was
 * given the URL.
 */
export function judgeRequest(req: GuardedRequest, config: GuardConfig): Verdict {
  const hosts = allowedHosts(config.port);
  const host = first(req.headers.host);
  if (!host || !hosts.includes(host.toLowerCase())) {
    return { kind: 'refuse', status: 403, reason: 'wrong Host header' };
  }
  const origin = first(req.headers.origin);
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
    return { kind: 'refuse', status: 403, reason: 'foreign Origin' };
  }
  if (first(req.headers['sec-fetch-site']) === 'cross-site') {
    return { kind: 'refuse', status: 403, reason: 'cross-site request' };
  }
  if (req.urlToken !== null && req.method === 'GET' && req.path === '/') {
    return sameSecret(req.urlToken, config.token)
      ? { kind: 'login' }
      : { kind: 'refuse', status: 401, reason: 'wrong token' };
  }
  const given = first(req.headers[TOKEN_HEADER]) ?? cookieValue(first(req.headers.cookie), SESSION_COOKIE);
  if (!sameSecret(given, config.token)) {
    return { kind: 'refuse', status: 401, reason: 'missing or wrong token' };
  }
  return { kind: 'allow' };
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
