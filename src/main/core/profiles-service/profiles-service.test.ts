import { request as httpRequest, type RequestListener } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { makeTestPki, startHttpsServer, type TestPki, type TestServer } from '../net/testing/tls-test-servers';
import { closedPort } from '../providers/sftp/loopback-fakes';
import { demoSetup } from '../simulator/demo-profiles';
import { useSimulator } from '../simulator/testing/use-simulator';
import { KeyFileSecretBox } from '../store/secrets/key-file-secret-box';
import { UserError } from '../user-error';
import { ProfilesService } from './profiles-service';
import { isalesAt, morAt, ringostatAt } from './testing/sim-profiles';

const sim = useSimulator();
const PLANTED = 'PLANTED-profile-s3cr3t';
/** A well-formed fingerprint of no key the simulator has. */
const OTHER_HOST_KEY = `SHA256:${'A'.repeat(43)}`;

let dataDir: string;
let service: ProfilesService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dialsheet-profiles-service-'));
  service = new ProfilesService({ dataDir, secretBox: new KeyFileSecretBox({ dataDir, env: {} }), demo: () => Promise.resolve(demoSetup(sim())), sftpTimeoutMs: 5_000 });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => new Error('expected a refusal, but it succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const mor = (): { apiSecret: string } => ({ apiSecret: sim().credentials.mor.apiSecret });

describe('ProfilesService: save, list, delete', () => {
  it('saves a profile, lists it after the three Demo profiles with its secret only as "set", and deletes it', async () => {
    const saved = await service.save(morAt(sim()), mor());
    expect(saved).toMatchObject({ id: 'office-mor', builtIn: false, secrets: { apiSecret: 'set' } });
    const listed = await service.list();
    expect(listed.map((p) => [p.id, p.builtIn])).toEqual([
      ['demo-mor', true],
      ['demo-ringostat', true],
      ['demo-isales', true],
      ['office-mor', false],
    ]);
    expect(JSON.stringify(listed)).not.toContain(sim().credentials.mor.apiSecret);
    await service.delete('office-mor');
    expect((await service.list()).map((p) => p.id)).not.toContain('office-mor');
    expect((await refusal(service.delete('office-mor'))).code).toBe('not-found');
  });

  it('keeps a secret left out of a later save, and clears one given as ""', async () => {
    await service.save(morAt(sim()), { apiSecret: PLANTED });
    expect((await service.save({ ...morAt(sim()), name: 'Renamed' })).secrets).toEqual({ apiSecret: 'set' });
    expect((await service.save(morAt(sim()), { apiSecret: '' })).secrets).toEqual({ apiSecret: 'not set' });
  });

  it('refuses to delete or pin a Demo profile', async () => {
    expect((await refusal(service.delete('demo-mor'))).message).toMatch(/built in and cannot be deleted/);
    expect((await refusal(service.pinHostKey('demo-isales', sim().sftp.hostKeySha256))).code).toBe('refused');
    expect((await refusal(service.pinCertificate('demo-mor', 'AB'.repeat(32)))).code).toBe('refused');
  });
});

describe('ProfilesService.testConnection: MOR', () => {
  it('is ok for the Demo profile, which names its campaign', async () => {
    expect(await service.testConnection('demo-mor')).toMatchObject({ kind: 'ok', message: expect.stringMatching(/campaign/) as unknown });
  });

  it('with no campaign, proves the credentials by a probe and says no campaign was checked', async () => {
    await service.save(morAt(sim()), mor());
    const verdict = await service.testConnection('office-mor');
    expect(verdict.kind).toBe('ok');
    expect(verdict.message).toMatch(/No campaign was checked/);
  });

  it('tells a wrong secret (credentials-rejected) from a missing campaign (campaign-not-found)', async () => {
    await service.save(morAt(sim()), { apiSecret: 'not-the-secret' });
    expect(await service.testConnection('office-mor')).toMatchObject({ kind: 'credentials-rejected' });
    expect(await service.testConnection('office-mor', '1')).toMatchObject({ kind: 'credentials-rejected' });
    await service.save(morAt(sim()), mor());
    expect(await service.testConnection('office-mor', '999')).toMatchObject({ kind: 'campaign-not-found', providerText: expect.any(String) as unknown });
    expect(await service.testConnection('office-mor', '1')).toMatchObject({ kind: 'ok' });
  });

  it('uses the default campaign unless the call names another', async () => {
    await service.save(morAt(sim(), { campaignId: 999 }), mor());
    expect((await service.testConnection('office-mor')).kind).toBe('campaign-not-found');
    expect((await service.testConnection('office-mor', '1')).kind).toBe('ok');
  });

  it('refuses a campaign id that MOR cannot have, before sending anything', async () => {
    await service.save(morAt(sim()), mor());
    expect((await refusal(service.testConnection('office-mor', 'abc'))).message).toMatch(/"abc" is not a MOR campaign id/);
  });

  it('says network when nothing listens at the address', async () => {
    await service.save(morAt(sim(), { baseUrl: `http://127.0.0.1:${await closedPort()}/mor` }), mor());
    const verdict = await service.testConnection('office-mor');
    expect(verdict).toMatchObject({ kind: 'network', message: expect.stringMatching(/refused the connection/) as unknown });
    expect(verdict.prompt).toBeUndefined();
  });

  it('says which secret is missing instead of sending a request without it', async () => {
    await service.save(morAt(sim()));
    expect((await refusal(service.testConnection('office-mor'))).message).toMatch(/has no MOR API secret set/);
  });
});

describe('ProfilesService.testConnection: Ringostat', () => {
  it('is ok for the Demo profile and says the campaign itself cannot be checked', async () => {
    expect(await service.testConnection('demo-ringostat')).toMatchObject({ kind: 'ok', message: expect.stringMatching(/campaign itself can only be checked/) as unknown });
  });

  it('says credentials-rejected for a wrong Auth-key, and adds nothing to any campaign', async () => {
    await service.save(ringostatAt(sim()), { authKey: 'wrong-auth-key-0000' });
    expect((await service.testConnection('office-ringostat')).kind).toBe('credentials-rejected');
    await service.save(ringostatAt(sim()), { authKey: sim().credentials.ringostat.authKey });
    expect((await service.testConnection('office-ringostat')).kind).toBe('ok');
  });
});

describe('ProfilesService.testConnection: CC-iSales and its SFTP server', () => {
  const secrets = () => ({ secretKey: sim().credentials.isales.secretKey, sftpPassword: sim().sftp.password });

  it('is ok for the Demo profile, whose host key is pinned: API, campaign and SFTP login', async () => {
    const verdict = await service.testConnection('demo-isales');
    expect(verdict.kind).toBe('ok');
    expect(verdict.message).toMatch(/knows the campaign.*accepted the login/);
  });

  it('offers the host key of an unpinned server without logging in, then logs in once it is pinned', async () => {
    await service.save(isalesAt(sim()), secrets());
    const first = await service.testConnection('office-isales');
    expect(first).toMatchObject({
      kind: 'host-key-not-pinned',
      prompt: { kind: 'pin-host-key', fingerprint: sim().sftp.hostKeySha256, keyType: expect.any(String) as unknown },
    });
    expect(first.message).toContain(sim().sftp.hostKeySha256);

    const pinned = await service.pinHostKey('office-isales', sim().sftp.hostKeySha256);
    expect(pinned).toMatchObject({ sftp: { hostKeySha256: sim().sftp.hostKeySha256 }, secrets: { secretKey: 'set', sftpPassword: 'set' } });
    const second = await service.testConnection('office-isales');
    expect(second.kind).toBe('ok');
    expect(second.message).toMatch(/No campaign was checked.*accepted the login for user "demo"/);
  });

  it('refuses a changed host key before logging in', async () => {
    await service.save(isalesAt(sim(), { sftp: { ...isalesAt(sim()).sftp!, hostKeySha256: OTHER_HOST_KEY } }), secrets());
    const verdict = await service.testConnection('office-isales');
    expect(verdict).toMatchObject({ kind: 'host-key-changed', message: expect.stringContaining(sim().sftp.hostKeySha256) as unknown });
    expect(verdict.prompt).toBeUndefined();
  });

  it('says credentials-rejected for a wrong SFTP password, and for a wrong SK before trying SFTP', async () => {
    const pinnedSftp = { ...isalesAt(sim()).sftp!, hostKeySha256: sim().sftp.hostKeySha256 };
    await service.save(isalesAt(sim(), { sftp: pinnedSftp }), { ...secrets(), sftpPassword: 'wrong-password' });
    const sftpVerdict = await service.testConnection('office-isales');
    expect(sftpVerdict).toMatchObject({ kind: 'credentials-rejected', message: expect.stringMatching(/^SFTP file server: Authentication failed/) as unknown });
    await service.save(isalesAt(sim(), { sftp: pinnedSftp }), { secretKey: 'wrong-sk' });
    expect(await service.testConnection('office-isales')).toMatchObject({ kind: 'credentials-rejected', message: expect.stringMatching(/refused the signature/) as unknown });
  });

  it('names a missing campaign', async () => {
    await service.save(isalesAt(sim(), { sftp: null }), secrets());
    expect((await service.testConnection('office-isales', 'no-such-campaign')).kind).toBe('campaign-not-found');
    expect((await service.testConnection('office-isales', '1001')).kind).toBe('ok');
  });

  it('refuses to pin a host key on a profile with no SFTP server', async () => {
    await service.save(isalesAt(sim(), { sftp: null }), secrets());
    expect((await refusal(service.pinHostKey('office-isales', sim().sftp.hostKeySha256))).message).toMatch(/has no SFTP server/);
    await service.save(morAt(sim()), mor());
    expect((await refusal(service.pinHostKey('office-mor', sim().sftp.hostKeySha256))).code).toBe('bad-input');
  });
});

describe('ProfilesService.testConnection: TLS', () => {
  let pki: TestPki;
  let server: TestServer;

  /** An on-premises MOR behind https with a self-signed certificate: forwards to the simulator. */
  const forwardToSimulator: RequestListener = (request, response) => {
    const target = new URL(sim().urls.mor);
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    request.pipe(upstream);
  };

  beforeAll(async () => {
    pki = await makeTestPki();
    server = await startHttpsServer(pki.selfSigned, forwardToSimulator);
  }, 30_000);

  afterAll(async () => {
    await server.close();
  });

  const httpsMor = () => morAt(sim(), { baseUrl: `${server.url}mor` });

  it('offers to pin an unknown self-signed certificate, and is ok once it is pinned', async () => {
    await service.save(httpsMor(), mor());
    const refused = await service.testConnection('office-mor');
    expect(refused).toMatchObject({ kind: 'tls', prompt: { kind: 'pin-certificate', sha256: pki.selfSigned.sha256, selfSigned: true } });
    expect(server.requests()).toBe(0);

    const pinned = await service.pinCertificate('office-mor', refused.prompt?.kind === 'pin-certificate' ? refused.prompt.sha256 : '');
    expect(pinned).toMatchObject({ tls: { sha256: pki.selfSigned.sha256 }, secrets: { apiSecret: 'set' } });
    expect(await service.testConnection('office-mor')).toMatchObject({ kind: 'ok' });
  });

  it('offers the certificate seen when it differs from the pinned one', async () => {
    await service.save({ ...httpsMor(), tls: { sha256: pki.otherCa.sha256 } }, mor());
    const verdict = await service.testConnection('office-mor');
    expect(verdict).toMatchObject({ kind: 'tls', message: expect.stringMatching(/not the one pinned/) as unknown, prompt: { sha256: pki.selfSigned.sha256 } });
  });

  it('refuses to pin a certificate on a plain http profile', async () => {
    await service.save(morAt(sim()), mor());
    expect((await refusal(service.pinCertificate('office-mor', pki.selfSigned.sha256))).message).toMatch(/plain http address/);
  });
});
