import { describe, expect, it } from 'vitest';

import { UserError } from '../../user-error';
import { parseProfileJson, type ProfileJsonContext } from './profile-json';

const context: ProfileJsonContext = { path: '/home/me/profiles/office mor.json', env: { MOR_SECRET: 's3cr3t-from-env' }, country: 'GB' };
const MOR = { provider: 'mor', baseUrl: 'https://billing.example.com/billing', username: 'dialer', apiSecret: { env: 'MOR_SECRET' } };
const ISALES = {
  provider: 'isales',
  baseUrl: 'https://isales.example.com:28443',
  vdnId: 1,
  accessKey: 'AK',
  secretKey: 'SK-value',
  serverId: '77',
  sftp: { host: 'files.example.com', port: 2222, username: 'loader', privateKeyPath: 'keys/id_ed25519', hostKeySha256: 'SHA256:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc', remoteDir: '/in' },
};
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';

async function refusal(json: unknown, ctx: ProfileJsonContext = context): Promise<string> {
  const error = await parseProfileJson(typeof json === 'string' ? json : JSON.stringify(json), ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('parseProfileJson', () => {
  it('reads the documented MOR layout, the secret from the environment, the id from the file name', async () => {
    const { profile, secrets } = await parseProfileJson(JSON.stringify(MOR), context);
    expect(profile).toMatchObject({ id: 'office-mor', name: 'office mor.json', provider: 'mor', username: 'dialer', defaultCountry: 'GB', campaignId: null });
    expect(secrets).toEqual({ apiSecret: 's3cr3t-from-env' });
  });

  it('reads Ringostat with the public API address when the file gives none', async () => {
    const { profile, secrets } = await parseProfileJson(JSON.stringify({ provider: 'ringostat', projectId: '123', authKey: 'key', defaultCountry: 'ua' }), context);
    expect(profile).toMatchObject({ baseUrl: 'https://api.ringostat.net', projectId: '123', defaultCountry: 'UA', options: { concurrency: 2 } });
    expect(secrets).toEqual({ authKey: 'key' });
  });

  it('reads iSales with serverId at the top, the SFTP key from a file beside the profile', async () => {
    const read: string[] = [];
    const readKeyFile = (path: string): Promise<string> => {
      read.push(path);
      return Promise.resolve(KEY);
    };
    const { profile, secrets } = await parseProfileJson(JSON.stringify(ISALES), { ...context, readKeyFile });
    expect(read).toEqual(['/home/me/profiles/keys/id_ed25519']);
    expect(profile).toMatchObject({ provider: 'isales', sftp: { host: 'files.example.com', port: 2222, serverId: '77', remoteDir: '/in' } });
    expect(secrets).toEqual({ secretKey: 'SK-value', sftpPrivateKey: KEY });
  });

  it('takes iSales without SFTP for the JSON add-numbers path', async () => {
    const { profile } = await parseProfileJson(JSON.stringify({ ...ISALES, sftp: undefined, serverId: undefined }), context);
    expect(profile).toMatchObject({ provider: 'isales', sftp: null });
  });

  it('says which environment variable is missing, and never prints a secret it was given', async () => {
    expect(await refusal({ ...MOR, apiSecret: { env: 'NOT_SET_HERE' } })).toMatch(/apiSecret from the environment variable NOT_SET_HERE, which is not set/);
    const message = await refusal({ ...MOR, apiSecret: 'visible-secret-text', baseUrl: 'http://billing.example.com' });
    expect(message).toMatch(/office mor\.json is not a usable profile: baseUrl: Use https/);
    expect(message).not.toContain('visible-secret-text');
  });

  it('refuses bad JSON, an unknown provider, unknown fields and an SFTP server with no way to log in', async () => {
    expect(await refusal('{"provider": "mor",')).toMatch(/is not valid JSON/);
    expect(await refusal({ ...MOR, provider: 'twilio' })).toMatch(/use "mor", "ringostat" or "isales"/);
    expect(await refusal({ ...MOR, password: 'x' })).toMatch(/password/);
    expect(await refusal({ ...ISALES, sftp: { ...ISALES.sftp, privateKeyPath: undefined } })).toMatch(/neither a "password" nor a "privateKeyPath"/);
    expect(await refusal({ ...ISALES, sftp: undefined })).toMatch(/serverId but no "sftp" server/);
  });

  it('refuses a key file that is missing or holds no private key', async () => {
    const missing = (): Promise<string> => Promise.reject(new Error('ENOENT'));
    expect(await refusal(ISALES, { ...context, readKeyFile: missing })).toMatch(/private key file keys\/id_ed25519, which could not be read/);
    const publicKey = (): Promise<string> => Promise.resolve('ssh-ed25519 AAAA me@host');
    expect(await refusal(ISALES, { ...context, readKeyFile: publicKey })).toMatch(/holds no private key/);
  });
});
