import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { readBody, type BodyResult } from './read-body';

let server: Server | undefined;

async function serveOnce(maxBytes: number): Promise<{ url: string; result: Promise<BodyResult> }> {
  let deliver: (result: BodyResult) => void = () => undefined;
  const result = new Promise<BodyResult>((resolve) => (deliver = resolve));
  server = createServer((request, response) => {
    void readBody(request, maxBytes).then((read) => {
      deliver(read);
      response.writeHead(read.ok ? 200 : 413, { connection: 'close' }).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, result };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('readBody', () => {
  it('reads the whole body', async () => {
    const { url, result } = await serveOnce(1000);
    await fetch(url, { method: 'POST', body: 'hello body' });
    const read = await result;
    expect(read.ok && read.body.toString()).toBe('hello body');
  });

  it('stops at the limit', async () => {
    const { url, result } = await serveOnce(5);
    const answer = await fetch(url, { method: 'POST', body: 'x'.repeat(100) }).catch(() => undefined);
    expect(await result).toEqual({ ok: false, reason: 'too-large' });
    if (answer !== undefined) expect(answer.status).toBe(413);
  });
});
