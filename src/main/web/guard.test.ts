import { describe, expect, it } from 'vitest';

import { type GuardedRequest, judgeRequest, SESSION_COOKIE, sessionCookie } from './guard';

const config = { token: 'T0ken-abc_123', port: 4321 };

function request(overrides: Partial<GuardedRequest> & { headers?: GuardedRequest['headers'] } = {}): GuardedRequest {
  return {
    method: 'POST',
    path: '/rpc/appInfo',
    urlToken: null,
    ...overrides,
    headers: { host: '127.0.0.1:4321', cookie: `${SESSION_COOKIE}=${config.token}`, ...overrides.headers },
  };
}

describe('judgeRequest', () => {
  it('lets the app page through with its session cookie', () => {
    expect(judgeRequest(request(), config)).toEqual({ kind: 'allow' });
    expect(judgeRequest(request({ headers: { origin: 'http://127.0.0.1:4321' } }), config)).toEqual({ kind: 'allow' });
    expect(judgeRequest(request({ headers: { host: 'localhost:4321', origin: 'http://localhost:4321' } }), config)).toEqual({
      kind: 'allow',
    });
  });

  it('lets a script through with the token header and no cookie', () => {
    const verdict = judgeRequest(request({ headers: { cookie: undefined, 'x-dialsheet-token': config.token } }), config);
    expect(verdict).toEqual({ kind: 'allow' });
  });

  it.each([
    ['no token at all', { cookie: undefined }, 401],
    ['a wrong cookie', { cookie: `${SESSION_COOKIE}=nope` }, 401],
    ['a token one character short', { cookie: `${SESSION_COOKIE}=${config.token.slice(0, -1)}` }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['an Origin on another port', { origin: 'http://127.0.0.1:9999' }, 403],
    ['an https Origin of the same host', { origin: 'https://127.0.0.1:4321' }, 403],
    ['a rebinding Host', { host: 'evil.example:4321' }, 403],
    ['a Host on another port', { host: '127.0.0.1:80' }, 403],
    ['no Host', { host: undefined }, 403],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
  ])('refuses %s', (_name, headers, status) => {
    const verdict = judgeRequest(request({ headers }), config);
    expect(verdict).toMatchObject({ kind: 'refuse', status });
  });

  it('turns the printed URL into a session, and only with the right token', () => {
    const opening = { method: 'GET', path: '/', headers: { cookie: undefined } };
    expect(judgeRequest(request({ ...opening, urlToken: config.token }), config)).toEqual({ kind: 'login' });
    expect(judgeRequest(request({ ...opening, urlToken: 'guess' }), config)).toMatchObject({ kind: 'refuse', status: 401 });
  });

  it('makes a cookie other sites cannot send or read', () => {
    expect(sessionCookie('abc')).toBe(`${SESSION_COOKIE}=abc; HttpOnly; SameSite=Strict; Path=/`);
  });
});
