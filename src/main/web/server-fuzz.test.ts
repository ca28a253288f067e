// Fuzzes the web host's own door, before dispatch: methods, paths (escapes, traversal, odd call
// names), Host, Origin, token and content-type headers, and bodies (junk, deep JSON, pollution keys).
// Every answer must be a refusal or the contract's envelope; nothing may reach the error log.
// DIALSHEET_FUZZ_SEED=<n> replays another sequence.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ERROR_CODES } from '../../shared/result';
import { seededRandom } from '../core/random/seeded-random';
import { TOKEN_HEADER } from './guard';
import type { WebHost } from './server';
import { startTestWebHost } from './testing/test-web-host';

const SEED = Number(process.env['DIALSHEET_FUZZ_SEED'] ?? 20261127);
const REQUESTS = 600;

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, items: readonly T[]): T => items[int(r, items.length)] as T;

interface Answer {
  status: number;
  type: string;
  body: string;
}

let host: WebHost;
const logged: string[] = [];

function send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    // The event stream never ends by itself: a status is all this test needs from it.
    req.on('response', (res) => {
      if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        res.destroy();
        resolve({ status: res.statusCode ?? 0, type: 'text/event-stream', body: '' });
      }
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function junkPath(r: Rand): string {
  return pick(r, [
    '/',
    '/index.html',
    '/web-bridge.js',
    '/events',
    '/favicon.ico',
    '/rpc/appInfo',
    '/rpc/listJobs',
    '/rpc/sheetRows',
    '/rpc/',
    '/rpc',
    '/rpc/%E0%A4%A',
    '/rpc/%',
    '/rpc/%00',
    '/rpc/__proto__',
    '/rpc/constructor',
    '/rpc/toString',
    '/rpc/appInfo/../listProfiles',
    '/rpc/app%49nfo',
    `/rpc/${'x'.repeat(4000)}`,
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%5c..%5cwindows',
    '/assets/%00.js',
    '/?token=wrong',
    `/?token=${host.token}x`,
    `/rpc/${encodeURIComponent(String.fromCharCode(...Array.from({ length: 12 }, () => int(r, 0x3000))))}`,
  ]);
}

function junkBody(r: Rand): Buffer | undefined {
  return pick(r, [
    () => undefined,
    () => Buffer.from('{}'),
    () => Buffer.from('{oops'),
    () => Buffer.from(''),
    () => Buffer.from('null'),
    () => Buffer.from('"appInfo"'),
    () => Buffer.from('[1,2,3]'),
    () => Buffer.from('{"__proto__":{"polluted":"yes"}}'),
    () => Buffer.from('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    () => Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    () => Buffer.from(`{"sheetId":"${'a'.repeat(1_000_000)}"}`),
    () => Buffer.from('{"sheetId":"sheet-0123456789abcdef","offset":1e999,"limit":-0,"filter":"all"}'),
    () => Buffer.from(Array.from({ length: int(r, 2048) }, () => int(r, 256))),
    () => Buffer.from('\uFEFF{}', 'utf8'),
    () => Buffer.from('{}', 'utf16le'),
  ])();
}

/** Mostly the app's own headers with one thing changed, so most requests get past the guard. */
function junkHeaders(r: Rand): Record<string, string> {
  const own = `127.0.0.1:${host.port}`;
  const headers: Record<string, string> = { host: own, origin: `http://${own}`, [TOKEN_HEADER]: host.token, 'content-type': 'application/json' };
  const changes = r() < 0.6 ? 0 : 1 + int(r, 2);
  for (let i = 0; i < changes; i += 1) {
    switch (int(r, 6)) {
      case 0:
        headers['host'] = pick(r, [`localhost:${host.port}`, `evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `LOCALHOST:${host.port}`]);
        break;
      case 1:
        headers['origin'] = pick(r, ['http://evil.example', 'null', `https://${own}`, `http://localhost:${host.port}`]);
        break;
      case 2:
        headers['sec-fetch-site'] = pick(r, ['same-origin', 'cross-site', 'same-site', 'none']);
        break;
      case 3:
        delete headers[TOKEN_HEADER];
        if (r() < 0.7) headers['cookie'] = pick(r, [`dialsheet_session=${host.token}`, `a=b; dialsheet_session=${host.token}; c=d`, `dialsheet_session=${host.token}=`, 'dialsheet_session=wrong']);
        break;
      case 4:
        headers[TOKEN_HEADER] = pick(r, ['', 'wrong', `${host.token} `, host.token.toUpperCase(), host.token.slice(1)]);
        break;
      default:
        headers['content-type'] = pick(r, ['application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']);
    }
  }
  return headers;
}

beforeAll(async () => {
  host = await startTestWebHost((message, error) => logged.push(`${message}: ${String(error)}`));
});

afterAll(() => host.close());

describe('the web host under fuzzed requests', () => {
  it(`answers every request with a refusal or the contract's envelope (seed ${SEED})`, async () => {
    console.log(`web host fuzz: seed ${SEED} (set DIALSHEET_FUZZ_SEED to replay another), ${REQUESTS} requests`);
    const r = seededRandom(SEED);
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i += 1) {
      const method = pick(r, ['GET', 'GET', 'POST', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH']);
      const path = junkPath(r);
      const headers = junkHeaders(r);
      const body = method === 'GET' || method === 'HEAD' ? undefined : junkBody(r);
      const what = `seed ${SEED}, request ${i}: ${method} ${path.slice(0, 80)} ${JSON.stringify(headers)} body ${body?.length ?? 'none'}`;
      const answer = await send(method, path, headers, body).catch((error: unknown) => {
        throw new Error(`${what}: ${String(error)}`);
      });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      expect([200, 204, 303, 400, 401, 403, 404, 405, 413, 415], what).toContain(answer.status);
      if (answer.type.startsWith('application/json') && method !== 'HEAD') {
        const envelope = JSON.parse(answer.body) as { ok: boolean; error?: { code: string; message: string } };
        if (!envelope.ok) {
          expect(ERROR_CODES, what).toContain(envelope.error?.code);
          expect(envelope.error?.message.length, what).toBeGreaterThan(0);
        }
      }
      // Only the app's own page, its bridge and its assets are ever served; never a file outside.
      expect(answer.body, what).not.toMatch(/root:x:0:0|\[fonts\]/);
      expect(({} as Record<string, unknown>)['polluted'], what).toBeUndefined();
    }
    console.log(`web host fuzz: statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s} × ${n}`).join(', ')}`);
    expect(logged).toEqual([]);
    // Still up and answering.
    const after = await send('POST', '/rpc/appInfo', { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token, 'content-type': 'application/json' }, Buffer.from('{}'));
    expect(JSON.parse(after.body)).toMatchObject({ ok: true, value: { name: 'Dialsheet' } });
  }, 60_000);

  // Loopback only: the port is closed on this machine's other addresses (when it has any).
  it('cannot be reached on any address but 127.0.0.1', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal)
      .map((a) => a!.address);
    for (const address of [...others, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  // Found by this fuzz: decodeURIComponent threw, the host logged "web host request failed" and answered 500.
  it('answers a call name with a malformed escape as bad input, logging nothing', async () => {
    const before = logged.length;
    const headers = { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token, 'content-type': 'application/json' };
    const answer = await send('POST', '/rpc/%E0%A4%A', headers, Buffer.from('{}'));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'bad-input', message: 'The call name is not valid.' } });
    expect(logged.length).toBe(before);
  });
});
