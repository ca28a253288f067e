import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

import { generate } from 'selfsigned';

/** A certificate with its key, and its fingerprint in the form pins use. */
export interface TestCertificate {
  readonly cert: string;
  readonly key: string;
  readonly sha256: string;
}

/** Everything the TLS tests need: a CA with leaves it signed, a stranger CA and a self-signed leaf. */
export interface TestPki {
  readonly ca: TestCertificate;
  readonly otherCa: TestCertificate;
  /** Signed by `ca`, issued for 127.0.0.1. */
  readonly leaf: TestCertificate;
  /** Signed by `ca`, issued for wrong.example only. */
  readonly wrongNameLeaf: TestCertificate;
  /** Self-signed, issued for 127.0.0.1: an on-premises server with no PKI. */
  readonly selfSigned: TestCertificate;
}

// EC keys: a fraction of RSA's generation time on a shared two-core machine.
const BASE = { keyType: 'ec', algorithm: 'sha256' } as const;

function withFingerprint(pems: { cert: string; private: string }): TestCertificate {
  return { cert: pems.cert, key: pems.private, sha256: new X509Certificate(pems.cert).fingerprint256 };
}

async function makeCa(name: string): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: name }], {
    ...BASE,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return withFingerprint(pems);
}

type AltName = { type: 2; value: string } | { type: 7; ip: string };

async function makeLeaf(commonName: string, altNames: AltName[], ca?: TestCertificate): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    ...BASE,
    ...(ca ? { ca: { key: ca.key, cert: ca.cert } } : {}),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return withFingerprint(pems);
}

export async function makeTestPki(): Promise<TestPki> {
  const ca = await makeCa('Dialsheet Test CA');
  const otherCa = await makeCa('Some Other CA');
  return {
    ca,
    otherCa,
    leaf: await makeLeaf('127.0.0.1', [{ type: 7, ip: '127.0.0.1' }], ca),
    wrongNameLeaf: await makeLeaf('wrong.example', [{ type: 2, value: 'wrong.example' }], ca),
    selfSigned: await makeLeaf('dialer.on-prem.test', [{ type: 7, ip: '127.0.0.1' }]),
  };
}

export interface TestServer {
  readonly url: string;
  /** Requests that reached the handler: zero proves a refused connection sent nothing. */
  requests(): number;
  /** TLS handshakes that resumed an earlier session instead of presenting the certificate anew. */
  resumedHandshakes(): number;
  /** Ends the kept-alive connections, so the next request needs a new handshake. */
  dropConnections(): void;
  close(): Promise<void>;
}

const answerOk: RequestListener = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
};

async function listen(server: HttpServer | HttpsServer, host: string, scheme: string): Promise<TestServer> {
  let count = 0;
  let resumed = 0;
  server.on('request', () => {
    count += 1;
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    if (socket.isSessionReused()) resumed += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://${host}:${port}/`,
    requests: () => count,
    resumedHandshakes: () => resumed,
    dropConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTTPS server on 127.0.0.1 presenting `certificate`. */
export function startHttpsServer(certificate: TestCertificate, handler: RequestListener = answerOk): Promise<TestServer> {
  const server = createHttpsServer({ cert: certificate.cert, key: certificate.key }, handler);
  return listen(server, '127.0.0.1', 'https');
}

/** A plain HTTP server; `host` may be another loopback address such as 127.0.0.2. */
export function startHttpServer(host: string, handler: RequestListener = answerOk): Promise<TestServer> {
  return listen(createHttpServer(handler), host, 'http');
}
