import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import { generate } from 'selfsigned';
import { afterEach, describe, expect, it } from 'vitest';

import { createPinnedFetch } from '../../net/pinned-fetch';
import { makeTestPki, startHttpsServer } from '../../net/testing/tls-test-servers';
import { callHttp } from './http-call';

const servers: { close(): unknown }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('callHttp', () => {
  it('reads the whole answer', async () => {
    const host = await listen(createServer((_req, res) => res.end('<page><status>ok</status></page>')));
    const result = await callHttp(fetch, `http://${host}/api/x?u=admin&hash=abc`, { method: 'POST' }, 5000);
    expect(result.ok && Buffer.from(result.answer.body).toString()).toBe('<page><status>ok</status></page>');
  });

  it('says a refused connection did not arrive, naming the origin but not the query', async () => {
    const server = createServer();
    const host = await listen(server);
    server.close();
    const result = await callHttp(fetch, `http://${host}/api/x?u=admin&hash=secret-ish`, { method: 'POST' }, 5000);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network', mayHaveArrived: false } });
    expect(!result.ok && result.failure.message).toMatch(`http://${host} refused the connection`);
    expect(JSON.stringify(result)).not.toContain('secret-ish');
  });

  it('says a timeout may have arrived', async () => {
    const host = await listen(createServer(() => undefined));
    const result = await callHttp(fetch, `http://${host}/slow`, { method: 'POST' }, 200);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout', mayHaveArrived: true } });
  });

  it('says a connection cut mid-request may have arrived', async () => {
    const host = await listen(createServer((req) => req.socket.destroy()));
    const result = await callHttp(fetch, `http://${host}/reset`, { method: 'POST', body: 'x' }, 5000);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network', mayHaveArrived: true } });
  });

  it('refuses an untrusted certificate and says how to trust one', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048 });
    const server = createTlsServer({ key: pems.private, cert: pems.cert }, (_req, res) => res.end('never'));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const result = await callHttp(fetch, `https://127.0.0.1:${port}/`, { method: 'GET' }, 5000);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'tls', mayHaveArrived: false } });
    expect(!result.ok && result.failure.message).toMatch(/pin its certificate/);
  });

  it('passes on what a pinned fetch refused, with the fingerprint the server presented', async () => {
    const pki = await makeTestPki();
    const server = await startHttpsServer(pki.selfSigned);
    const pinned = createPinnedFetch({ sha256: pki.leaf.sha256 });
    try {
      const result = await callHttp(pinned, `${server.url}/api/x`, { method: 'POST' }, 5000);
      expect(result).toMatchObject({ ok: false, failure: { kind: 'tls', mayHaveArrived: false, refusal: { reason: 'fingerprint-mismatch' } } });
      expect(!result.ok && result.failure.refusal?.seen?.sha256).toBe(pki.selfSigned.sha256);
      expect(server.requests()).toBe(0);
    } finally {
      await pinned.close();
      await server.close();
    }
  });
});
