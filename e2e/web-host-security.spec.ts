import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

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

  test("another page in the same browser, with the session cookie, is refused by its Origin", async ({ page, webHost, pageProblems }) => {
    await page.goto(webHost.url);
    // A page on another port of this machine is the same site, so the browser sends the session
    // cookie along; only the Origin check stands between it and the handlers.
    const evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      // A form post: the classic cross-site request, which needs no CORS and shows its answer.
      res.end(
        `<form id="f" method="post" action="${webHost.origin}/rpc/appInfo" enctype="text/plain"><input name="a" value="b"></form>` +
          '<script>document.getElementById("f").submit();</script>',
      );
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      const answer = page.waitForResponse(
        (response) => response.url() === `${webHost.origin}/rpc/appInfo` && response.request().isNavigationRequest(),
      );
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      const response = await answer;
      expect(response.status()).toBe(403);
      expect((await response.request().allHeaders())['cookie']).toContain('dialsheet_session=');
      expect(await response.text()).toContain('Refused: foreign Origin.');
      // The refusal itself is logged by the browser; that one line is expected here.
      const expected = pageProblems.findIndex((p) => p.includes('status of 403'));
      expect(expected).toBeGreaterThanOrEqual(0);
      pageProblems.splice(expected, 1);
    } finally {
      evil.close();
    }
  });
});
