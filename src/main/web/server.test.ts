import { mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { SESSION_COOKIE } from './guard';
import type { WebHost } from './server';
import { startTestWebHost } from './testing/test-web-host';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let host: WebHost;
const logError = vi.fn();

function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const own = () => ({ host: `127.0.0.1:${host.port}`, origin: `http://127.0.0.1:${host.port}` });
const session = () => ({ ...own(), cookie: `${SESSION_COOKIE}=${host.token}` });
const rpc = (name: string, input: unknown, headers: Record<string, string> = session()) =>
  raw('POST', `/rpc/${name}`, { ...headers, 'content-type': 'application/json' }, JSON.stringify(input));

beforeAll(async () => {
  host = await startTestWebHost(logError);
});

afterAll(() => host.close());

describe('web host', () => {
  it('listens on loopback and prints a URL carrying its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('exchanges the printed URL for an HttpOnly session cookie and drops the token from the address', async () => {
    const answer = await raw('GET', `/?token=${host.token}`, own());
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    expect(answer.headers['set-cookie']?.[0]).toBe(`${SESSION_COOKIE}=${host.token}; HttpOnly; SameSite=Strict; Path=/`);
  });

  it('serves the app page with the bridge script first and a strict CSP', async () => {
    const answer = await raw('GET', '/', session());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/<script src="\/web-bridge\.js"><\/script>\s*<script type="module"/);
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const bridge = await raw('GET', '/web-bridge.js', session());
    expect(bridge.body).toBe('window.bridgeLoaded = true;');
  });

  it('answers a call with the contract envelope', async () => {
    const answer = await rpc('appInfo', {});
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { name: 'Dialsheet' } });
  });

  it('refuses a call without the token', async () => {
    const answer = await rpc('appInfo', {}, own());
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('refuses a call from a foreign Origin even with the cookie', async () => {
    const answer = await rpc('appInfo', {}, { ...session(), origin: 'http://evil.example' });
    expect(answer.status).toBe(403);
  });

  it('refuses a wrong Host header (DNS rebinding)', async () => {
    const answer = await rpc('appInfo', {}, { ...session(), host: `evil.example:${host.port}` });
    expect(answer.status).toBe(403);
    const page = await raw('GET', '/', { ...session(), host: 'evil.example' });
    expect(page.status).toBe(403);
  });

  it('refuses the page itself without a session', async () => {
    expect((await raw('GET', '/', own())).status).toBe(401);
  });

  it('never opens a file by its path for the browser, however it is asked', async () => {
    const secret = join(await mkdtemp(join(tmpdir(), 'dialsheet-private-')), 'numbers.csv');
    await writeFile(secret, 'Phone\n+380501234567\n');
    for (const name of ['openSheetPath', 'open%53heetPath']) {
      const answer = await rpc(name, { path: secret });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/drop the file/) as string } });
    }
  });

  it('answers malformed calls with a typed error, never a crash', async () => {
    expect((await raw('GET', '/rpc/appInfo', session())).status).toBe(405);
    expect((await raw('POST', '/rpc/appInfo', { ...session(), 'content-type': 'text/plain' }, '{}')).status).toBe(415);
    const notJson = await raw('POST', '/rpc/appInfo', { ...session(), 'content-type': 'application/json' }, '{oops');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const unknown = await rpc('rmRf', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const badInput = await rpc('sheetRows', { sheetId: 'x', offset: 'a', limit: 1e9 });
    expect(JSON.parse(badInput.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('answers a browser asking for /favicon.ico with no content, not an error', async () => {
    expect((await raw('GET', '/favicon.ico', session())).status).toBe(204);
  });

  it('serves nothing outside the renderer folder', async () => {
    expect((await raw('GET', '/../package.json', session())).status).toBe(404);
    expect((await raw('GET', '/%2e%2e/%2e%2e/etc/passwd', session())).status).toBe(404);
  });

  it('streams events to an open page', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/events', headers: session() }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes('"done":true')) {
            res.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await vi.waitFor(() => expect(host.events.size).toBe(1));
    const csv = Buffer.from('phone\n0931234567\n').toString('base64');
    const opened = await rpc('openSheetBytes', { name: 'a.csv', dataBase64: csv });
    expect(JSON.parse(opened.body)).toMatchObject({ ok: true, value: { summary: { rows: 1, valid: 1 } } });
    const text = await received;
    expect(text).toMatch(/event: sheetProgress\ndata: \{"sheetId":"sheet-[0-9a-f]{16}","fileName":"a.csv"/);
  });
});
