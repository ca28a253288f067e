import { request as httpRequest } from 'node:http';

import { expect, test } from './fixtures/web-host';

interface Answer {
  status: number;
  body: string;
}

function raw(port: number, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

test.describe('the web host refuses what is not the app', () => {
  const call = (port: number, headers: Record<string, string>) =>
    raw(port, '/rpc/appInfo', { 'content-type': 'application/json', ...headers }, '{}');

  test('a call with the token works (the control case)', async ({ webHost }) => {
    const answer = await call(webHost.port, { host: `127.0.0.1:${webHost.port}`, 'x-dialsheet-token': webHost.token });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { name: 'Dialsheet' } });
  });

  test('a call without the token is refused', async ({ webHost }) => {
    const answer = await call(webHost.port, { host: `127.0.0.1:${webHost.port}` });
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain('Dialsheet"');
  });

  test('a call from a foreign Origin is refused, token or not', async ({ webHost }) => {
    const answer = await call(webHost.port, {
      host: `127.0.0.1:${webHost.port}`,
      origin: 'http://evil.example',
      'x-dialsheet-token': webHost.token,
    });
    expect(answer.status).toBe(403);
  });

  test('a call with a wrong Host header is refused (DNS rebinding)', async ({ webHost }) => {
    const answer = await call(webHost.port, { host: `rebind.evil.example:${webHost.port}`, 'x-dialsheet-token': webHost.token });
    expect(answer.status).toBe(403);
  });

  test('the page and its events are refused without the token', async ({ webHost }) => {
    expect((await raw(webHost.port, '/', { host: `127.0.0.1:${webHost.port}` })).status).toBe(401);
    expect((await raw(webHost.port, '/events', { host: `127.0.0.1:${webHost.port}` })).status).toBe(401);
    expect((await raw(webHost.port, '/?token=wrong', { host: `127.0.0.1:${webHost.port}` })).status).toBe(401);
  });

  test("another site's page in the same browser cannot call the host", async ({ page, webHost }) => {
    await page.goto(webHost.url);
    // A page served from a different origin (localhost on another port) tries a cross-origin call.
    const otherOrigin = `http://localhost:${webHost.port}`;
    expect(otherOrigin).not.toBe(webHost.origin);
    const status = await page.evaluate(async (target) => {
      try {
        const response = await fetch(`${target}/rpc/appInfo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
          credentials: 'include',
        });
        return response.status;
      } catch {
        return 'blocked';
      }
    }, otherOrigin);
    expect(status).toBe('blocked');
  });
});
