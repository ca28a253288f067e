import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { CallName } from '../../../shared/channels';
import { startHttpServer, type TestServer } from '../net/testing/tls-test-servers';
import { dispatch } from '../rpc/dispatch';
import type { HandlerTable } from '../rpc/handler-table';
import { demoSetup } from '../simulator/demo-profiles';
import { useSimulator } from '../simulator/testing/use-simulator';
import { testHandlers, testProfiles } from '../testing/test-handlers';
import { isalesAt, morAt, ringostatAt } from './testing/sim-profiles';

const sim = useSimulator();
const PLANTED = 'PLANTED-Zq9-handler-s3cr3t';

let handlers: HandlerTable;
const logError = vi.fn();
const call = (name: CallName, input: unknown) => dispatch(handlers, name, input, logError);

beforeAll(() => {
  handlers = testHandlers(undefined, testProfiles(() => Promise.resolve(demoSetup(sim()))));
});

describe('profile calls through dispatch', () => {
  it('lists the three Demo profiles first, built in, with secrets only as "set"', async () => {
    const answer = await call('listProfiles', {});
    expect(answer.ok).toBe(true);
    const listed = answer.ok ? (answer.value as { id: string; builtIn: boolean; secrets: Record<string, string> }[]) : [];
    expect(listed.slice(0, 3).map((p) => [p.id, p.builtIn])).toEqual([
      ['demo-mor', true],
      ['demo-ringostat', true],
      ['demo-isales', true],
    ]);
    expect(listed[0]?.secrets).toEqual({ apiSecret: 'set' });
    expect(JSON.stringify(listed)).not.toContain(sim().credentials.mor.apiSecret);
  });

  it('saves, tests and deletes a profile', async () => {
    const saved = await call('saveProfile', { profile: morAt(sim(), { id: 'round-trip' }), secrets: { apiSecret: sim().credentials.mor.apiSecret } });
    expect(saved).toMatchObject({ ok: true, value: { id: 'round-trip', builtIn: false, secrets: { apiSecret: 'set' } } });
    expect(await call('testConnection', { profileId: 'round-trip', campaignId: '1' })).toMatchObject({ ok: true, value: { kind: 'ok' } });
    expect(await call('testConnection', { profileId: 'round-trip', campaignId: '998' })).toMatchObject({ ok: true, value: { kind: 'campaign-not-found' } });
    expect(await call('deleteProfile', { id: 'round-trip' })).toEqual({ ok: true, value: { deleted: true } });
    expect(await call('deleteProfile', { id: 'round-trip' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers testConnection on the Demo MOR profile with ok', async () => {
    expect(await call('testConnection', { profileId: 'demo-mor' })).toMatchObject({ ok: true, value: { kind: 'ok' } });
  });

  it('offers a host key through the contract and pins it with pinHostKey', async () => {
    await call('saveProfile', { profile: isalesAt(sim()), secrets: { secretKey: sim().credentials.isales.secretKey, sftpPassword: sim().sftp.password } });
    const offered = await call('testConnection', { profileId: 'office-isales' });
    expect(offered).toMatchObject({ ok: true, value: { kind: 'host-key-not-pinned', prompt: { kind: 'pin-host-key', fingerprint: sim().sftp.hostKeySha256 } } });
    expect(await call('pinHostKey', { profileId: 'office-isales', fingerprint: sim().sftp.hostKeySha256 })).toMatchObject({
      ok: true,
      value: { sftp: { hostKeySha256: sim().sftp.hostKeySha256 } },
    });
    expect(await call('testConnection', { profileId: 'office-isales' })).toMatchObject({ ok: true, value: { kind: 'ok' } });
  });

  it('refuses malformed input with a message naming the field', async () => {
    const badKey = await call('pinHostKey', { profileId: 'office-isales', fingerprint: 'not-a-fingerprint' });
    expect(badKey).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/^Bad input for pinHostKey: fingerprint: A host key fingerprint looks like/) as unknown } });
    const badCertificate = await call('pinCertificate', { profileId: 'office-mor', sha256: '12:34' });
    expect(badCertificate).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/sha256: A SHA-256 fingerprint is 64 hexadecimal digits/) as unknown } });
    const badProfile = await call('saveProfile', { profile: { ...morAt(sim()), baseUrl: 'http://dialer.example.com' } });
    expect(badProfile).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/^The profile was not saved: baseUrl: Use https:\/\//) as unknown } });
    expect(await call('saveProfile', { profile: 'mor' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/profile: The profile must be an object/) as unknown } });
    expect(await call('testConnection', { profileId: '../etc' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('refuses to delete or pin a Demo profile', async () => {
    expect(await call('deleteProfile', { id: 'demo-isales' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await call('pinHostKey', { profileId: 'demo-isales', fingerprint: sim().sftp.hostKeySha256 })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await call('pinCertificate', { profileId: 'demo-mor', sha256: 'AB'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

describe('a planted secret', () => {
  let echo: TestServer;

  beforeAll(async () => {
    // A server that puts every request header, Auth-key included, into its error page.
    echo = await startHttpServer('127.0.0.1', (request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(`Internal error while handling ${JSON.stringify(request.headers)}`);
    });
  });

  afterAll(async () => {
    await echo.close();
  });

  it('appears in no answer of any profile call, success or failure, nor in the log', async () => {
    const answers: unknown[] = [];
    const record = async (name: CallName, input: unknown): Promise<unknown> => {
      const answer = await call(name, input);
      answers.push(answer);
      return answer;
    };
    await record('saveProfile', { profile: morAt(sim(), { id: 'planted-mor' }), secrets: { apiSecret: PLANTED } });
    await record('saveProfile', { profile: ringostatAt(sim(), { id: 'planted-echo', baseUrl: echo.url }), secrets: { authKey: PLANTED } });
    await record('saveProfile', { profile: isalesAt(sim(), { id: 'planted-isales', sftp: null }), secrets: { secretKey: PLANTED, sftpPassword: `${PLANTED}-pw` } });
    await record('listProfiles', {});
    expect(await record('testConnection', { profileId: 'planted-mor' })).toMatchObject({ ok: true, value: { kind: 'credentials-rejected' } });
    expect(await record('testConnection', { profileId: 'planted-isales', campaignId: '1001' })).toMatchObject({ ok: true, value: { kind: 'credentials-rejected' } });
    const echoed = await record('testConnection', { profileId: 'planted-echo' });
    expect(echoed).toMatchObject({ ok: true, value: { kind: 'unexpected', providerText: expect.stringContaining('Internal error') as unknown } });
    // Failures: a refused field, a refused profile, a missing profile, a pin on the wrong kind of profile.
    expect(await record('saveProfile', { profile: morAt(sim(), { id: 'planted-mor' }), secrets: { authKey: PLANTED } })).toMatchObject({ ok: false });
    expect(await record('saveProfile', { profile: { ...morAt(sim(), { id: 'planted-mor' }), name: '' }, secrets: { apiSecret: PLANTED } })).toMatchObject({ ok: false });
    expect(await record('testConnection', { profileId: 'no-such-profile' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await record('pinHostKey', { profileId: 'planted-mor', fingerprint: sim().sftp.hostKeySha256 })).toMatchObject({ ok: false });

    expect(answers).toHaveLength(11);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain('PLANTED');
    expect(JSON.stringify(logError.mock.calls)).not.toContain('PLANTED');
  });
});
