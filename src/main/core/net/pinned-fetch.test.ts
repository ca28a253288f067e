import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';

import { CertificateRefusedError } from './certificate-refused-error';
import { createPinnedFetch, type PinnedFetch } from './pinned-fetch';
import type { TlsPin } from '../../../shared/profiles/tls-pin';
import { makeTestPki, startHttpServer, startHttpsServer, type TestPki, type TestServer } from './testing/tls-test-servers';
import { UserError } from '../user-error';

let pki: TestPki;
let caSigned: TestServer;
let wrongName: TestServer;
let selfSigned: TestServer;
const opened: PinnedFetch[] = [];

beforeAll(async () => {
  pki = await makeTestPki();
  caSigned = await startHttpsServer(pki.leaf);
  wrongName = await startHttpsServer(pki.wrongNameLeaf);
  selfSigned = await startHttpsServer(pki.selfSigned);
});

afterAll(async () => {
  await Promise.all([caSigned.close(), wrongName.close(), selfSigned.close()]);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((f) => f.close()));
});

function pinnedFetch(pin: TlsPin): PinnedFetch {
  const f = createPinnedFetch(pin);
  opened.push(f);
  return f;
}

/** The refusal a request met, failing the test if the request went through or failed otherwise. */
async function refusal(request: Promise<unknown>): Promise<CertificateRefusedError> {
  const error = await request.then(
    () => new Error('the request was accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CertificateRefusedError);
  return error as CertificateRefusedError;
}

describe('createPinnedFetch with a CA pin', () => {
  it('accepts a server whose chain verifies against the pinned CA', async () => {
    const response = await pinnedFetch({ caPem: pki.ca.cert })(caSigned.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });

  it('refuses a server signed by another CA, before sending the request', async () => {
    const before = caSigned.requests();
    const error = await refusal(pinnedFetch({ caPem: pki.otherCa.cert })(caSigned.url));
    expect(error.refusal.reason).toBe('untrusted');
    expect(error.refusal.seen?.sha256).toBe(pki.leaf.sha256);
    expect(caSigned.requests()).toBe(before);
  });

  it('refuses a certificate from the pinned CA that is issued for another host name', async () => {
    const error = await refusal(pinnedFetch({ caPem: pki.ca.cert })(wrongName.url));
    expect(error.refusal.reason).toBe('wrong-host');
    expect(error.refusal.tlsCode).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(error.message).toContain(pki.wrongNameLeaf.sha256);
    expect(wrongName.requests()).toBe(0);
  });

  it('does not also trust the system CAs: the pinned CA replaces them', async () => {
    // A self-signed server is refused under a CA pin just as without one.
    const error = await refusal(pinnedFetch({ caPem: pki.ca.cert })(selfSigned.url));
    expect(error.refusal.reason).toBe('untrusted');
  });
});

describe('createPinnedFetch with a fingerprint pin', () => {
  it('accepts a self-signed server whose certificate has the pinned fingerprint', async () => {
    const response = await pinnedFetch({ sha256: pki.selfSigned.sha256 })(selfSigned.url);
    expect(await response.text()).toBe('ok');
  });

  it('accepts the fingerprint in lower case without colons', async () => {
    const bare = pki.selfSigned.sha256.replace(/:/g, '').toLowerCase();
    expect((await pinnedFetch({ sha256: bare })(selfSigned.url)).status).toBe(200);
  });

  it('refuses a wrong fingerprint, telling the one seen and the one expected, before sending', async () => {
    const before = selfSigned.requests();
    const wrong = pki.leaf.sha256;
    const error = await refusal(pinnedFetch({ sha256: wrong })(selfSigned.url));
    expect(error.refusal).toMatchObject({ reason: 'fingerprint-mismatch', expectedSha256: wrong });
    expect(error.refusal.seen?.sha256).toBe(pki.selfSigned.sha256);
    expect(error.message).toContain(pki.selfSigned.sha256);
    expect(selfSigned.requests()).toBe(before);
  });

  it("pins the leaf only: the CA's fingerprint does not admit the leaves it signed", async () => {
    const error = await refusal(pinnedFetch({ sha256: pki.ca.sha256 })(caSigned.url));
    expect(error.refusal.reason).toBe('fingerprint-mismatch');
  });

  it('changes nothing for a server with the same address but another certificate', async () => {
    const f = pinnedFetch({ sha256: pki.selfSigned.sha256 });
    expect((await f(selfSigned.url)).status).toBe(200);
    await refusal(f(caSigned.url));
  });
});

describe("createPinnedFetch speaks Node's fetch types", () => {
  let echo: TestServer;
  beforeAll(async () => {
    echo = await startHttpsServer(pki.selfSigned, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/plain' }).end(`${request.headers['content-type'] ?? ''}\n${Buffer.concat(chunks).toString()}`);
      });
    });
  });
  afterAll(() => echo.close());

  it("sends Node's FormData as multipart, as MOR's upload needs, and answers with Node's Response", async () => {
    const form = new FormData();
    form.append('id', '7');
    form.append('file', new Blob(['380501234567\n'], { type: 'text/csv' }), 'numbers.csv');
    const response = await pinnedFetch({ sha256: pki.selfSigned.sha256 })(echo.url, { method: 'POST', body: form });
    expect(response).toBeInstanceOf(Response);
    const [contentType, ...body] = (await response.text()).split('\n');
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(body.join('\n')).toMatch(/name="file"; filename="numbers\.csv"[\s\S]*380501234567/);
  });

  it("accepts Node's Request as input", async () => {
    const request = new Request(echo.url, { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await (await pinnedFetch({ sha256: pki.selfSigned.sha256 })(request)).text()).toBe('application/x-www-form-urlencoded\nx=1');
  });
});

describe('createPinnedFetch and TLS sessions', () => {
  it('resumes no session, so every new connection is verified with the full certificate', async () => {
    // Node skips the host-name check on a resumed session; the connector must never offer one.
    const f = pinnedFetch({ caPem: pki.ca.cert });
    for (let i = 0; i < 3; i += 1) {
      expect(await (await f(caSigned.url)).text()).toBe('ok');
      caSigned.dropConnections();
    }
    expect(caSigned.resumedHandshakes()).toBe(0);
  });
});

describe('createPinnedFetch without a pin', () => {
  it('refuses a self-signed server and tells its fingerprint, so the app can offer to pin it', async () => {
    const before = selfSigned.requests();
    const error = await refusal(pinnedFetch(null)(selfSigned.url));
    expect(error.refusal.reason).toBe('untrusted');
    expect(error.refusal.tlsCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.refusal.seen).toMatchObject({ sha256: pki.selfSigned.sha256, selfSigned: true });
    expect(error.message).toContain(pki.selfSigned.sha256);
    expect(error.code).toBe('refused');
    expect(selfSigned.requests()).toBe(before);
  });

  it('refuses a server signed by a CA the system does not trust', async () => {
    const error = await refusal(pinnedFetch(null)(caSigned.url));
    expect(error.refusal.seen?.issuer).toContain('Dialsheet Test CA');
  });

  it('ignores a laxer dispatcher passed by the caller', async () => {
    const lax = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      // The cast only bridges undici 7's and Node's type declarations of the same dispatcher contract.
      const dispatcher = lax as unknown as NonNullable<RequestInit['dispatcher']>;
      await refusal(pinnedFetch(null)(selfSigned.url, { dispatcher }));
    } finally {
      await lax.close();
    }
  });
});

describe('createPinnedFetch and plain http', () => {
  let loopback: TestServer;
  let elsewhere: TestServer;
  beforeAll(async () => {
    loopback = await startHttpServer('127.0.0.1', (request, response) => {
      if (request.url === '/hop') response.writeHead(302, { location: elsewhere.url }).end();
      else response.writeHead(200).end('sim');
    });
    // 127.0.0.2 stands in for "another machine": it is not on the allowed list, yet traffic to it stays on this one.
    elsewhere = await startHttpServer('127.0.0.2');
  });
  afterAll(async () => {
    await Promise.all([loopback.close(), elsewhere.close()]);
  });

  it('allows http to 127.0.0.1, where the simulator listens', async () => {
    expect(await (await pinnedFetch(null)(loopback.url)).text()).toBe('sim');
  });

  it('refuses http to any other host without connecting', async () => {
    const error = await pinnedFetch(null)(elsewhere.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/Plain http to 127\.0\.0\.2 was refused/);
    expect(elsewhere.requests()).toBe(0);
  });

  it('does not follow redirects unless asked, and refuses a followed one to plain http elsewhere', async () => {
    const f = pinnedFetch(null);
    const hop = new URL('/hop', loopback.url);
    expect((await f(hop)).status).toBe(302);
    await expect(f(hop, { redirect: 'follow' })).rejects.toThrow(/Plain http to 127\.0\.0\.2 was refused/);
    expect(elsewhere.requests()).toBe(0);
  });
});

describe('createPinnedFetch pin checks', () => {
  it('refuses a malformed fingerprint or a CA text that is not a certificate', () => {
    expect(() => createPinnedFetch({ sha256: 'AB:CD' })).toThrow(/64 hexadecimal digits/);
    expect(() => createPinnedFetch({ caPem: pki.ca.key })).toThrow(/private key/);
    expect(() => createPinnedFetch({ caPem: 'hello' })).toThrow(/BEGIN CERTIFICATE/);
  });
});
