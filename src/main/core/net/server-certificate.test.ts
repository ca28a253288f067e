import { createServer, type AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fetchServerCertificate } from './server-certificate';
import { makeTestPki, startHttpsServer, type TestPki, type TestServer } from './testing/tls-test-servers';
import { UserError } from '../user-error';

let pki: TestPki;
let selfSigned: TestServer;
let caSigned: TestServer;

beforeAll(async () => {
  pki = await makeTestPki();
  selfSigned = await startHttpsServer(pki.selfSigned);
  caSigned = await startHttpsServer(pki.leaf);
});

afterAll(async () => {
  await Promise.all([selfSigned.close(), caSigned.close()]);
});

/** A port on 127.0.0.1 that was just free, so a connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('fetchServerCertificate', () => {
  it('reads the fingerprint and names of a self-signed server, sending no request', async () => {
    const seen = await fetchServerCertificate(selfSigned.url);
    expect(seen.sha256).toBe(pki.selfSigned.sha256);
    expect(seen.subject).toBe('CN=dialer.on-prem.test');
    expect(seen.selfSigned).toBe(true);
    expect(new Date(seen.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(selfSigned.requests()).toBe(0);
  });

  it('reads the leaf, not the CA, of a CA-signed server', async () => {
    const seen = await fetchServerCertificate(new URL(caSigned.url));
    expect(seen).toMatchObject({ sha256: pki.leaf.sha256, issuer: 'CN=Dialsheet Test CA', selfSigned: false });
  });

  it('refuses an http address, which has no certificate', async () => {
    await expect(fetchServerCertificate('http://127.0.0.1:1/')).rejects.toThrow(/Only an https address/);
  });

  it('says clearly when nothing listens there', async () => {
    const error = await fetchServerCertificate(`https://127.0.0.1:${await closedPort()}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/Could not read the certificate of 127\.0\.0\.1:\d+: ECONNREFUSED/);
  });
});
