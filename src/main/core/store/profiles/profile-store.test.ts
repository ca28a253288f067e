import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeTestPki } from '../../net/testing/tls-test-servers';
import { UserError } from '../../user-error';
import { KeyFileSecretBox, SECRET_KEY_ENV } from '../secrets/key-file-secret-box';
import type { SecretBox } from '../secrets/secret-box';
import { PROFILES_FILE_NAME } from './profile-file';
import { ProfileStore } from './profile-store';
import { ISALES_INPUT, MOR_INPUT } from '../../../../shared/profiles/testing/profile-inputs';
import { DEMO_SETUP } from './testing/profile-fixtures';

const PLANTED = 'PLANTED-s3cr3t-Ωmega/+=';
const posix = process.platform !== 'win32';

let dataDir: string;
let box: SecretBox;

beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'dialsheet-profiles-')), 'data');
  box = new KeyFileSecretBox({ dataDir, env: {} });
});

afterEach(async () => {
  await rm(join(dataDir, '..'), { recursive: true, force: true });
});

const store = (secretBox: SecretBox = box): ProfileStore => new ProfileStore({ dataDir, secretBox, demo: DEMO_SETUP });
const fileText = (): Promise<string> => readFile(join(dataDir, PROFILES_FILE_NAME), 'utf8');

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => new Error('expected a refusal, but it succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

/** Edits profiles.json as something outside the app would. */
async function editFile(edit: (json: { profiles: { profile: Record<string, unknown>; secrets: Record<string, string> }[] }) => void): Promise<void> {
  const json = JSON.parse(await fileText()) as Parameters<typeof edit>[0];
  edit(json);
  await writeFile(join(dataDir, PROFILES_FILE_NAME), JSON.stringify(json));
}

const unavailableBox: SecretBox = {
  available: () => false,
  encrypt: () => {
    throw new Error('must not be called');
  },
  decrypt: () => {
    throw new Error('must not be called');
  },
};

describe('ProfileStore round trip', () => {
  it('saves a profile with a secret and gives it back, from a fresh store on the same folder', async () => {
    const saved = await store().save(MOR_INPUT, { apiSecret: PLANTED });
    expect(saved).toMatchObject({ id: 'office-mor', baseUrl: 'https://billing.example.com/billing', builtIn: false, secrets: { apiSecret: 'set' } });
    const again = store();
    expect((await again.list()).find((p) => p.id === 'office-mor')).toEqual(saved);
    expect(await again.withSecrets('office-mor')).toEqual({ profile: expect.objectContaining({ id: 'office-mor' }) as unknown, secrets: { apiSecret: PLANTED } });
  });

  it.runIf(posix)('writes profiles.json with mode 0600', async () => {
    await store().save(MOR_INPUT, { apiSecret: PLANTED });
    expect((await stat(join(dataDir, PROFILES_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('never shows a secret in list() or in profiles.json, in any common encoding', async () => {
    const s = store();
    await s.save(MOR_INPUT, { apiSecret: PLANTED });
    await s.save(ISALES_INPUT, { secretKey: `${PLANTED}-sk`, sftpPassword: `${PLANTED}-pw` });
    const listed = JSON.stringify(await s.list());
    const file = await fileText();
    for (const form of ['PLANTED-s3cr3t', encodeURIComponent(PLANTED), Buffer.from(PLANTED).toString('base64').slice(0, 20), 'demo-mor-secret', 'demo-sftp-password']) {
      expect(listed).not.toContain(form);
      expect(file).not.toContain(form);
    }
    expect((await s.list()).find((p) => p.id === 'cc-isales')?.secrets).toEqual({
      secretKey: 'set',
      sftpPassword: 'set',
      sftpPrivateKey: 'not set',
      sftpKeyPassphrase: 'not set',
    });
  });

  it('keeps a secret given as undefined or left out, and clears one given as an empty string', async () => {
    const s = store();
    await s.save(ISALES_INPUT, { secretKey: 'sk-1', sftpPassword: 'pw-1' });
    await s.save({ ...ISALES_INPUT, name: 'Renamed' }, { secretKey: undefined });
    expect((await s.withSecrets('cc-isales')).secrets).toEqual({ secretKey: 'sk-1', sftpPassword: 'pw-1' });
    await s.save(ISALES_INPUT, { sftpPassword: '', sftpPrivateKey: 'key-2' });
    expect((await s.withSecrets('cc-isales')).secrets).toEqual({ secretKey: 'sk-1', sftpPrivateKey: 'key-2' });
    expect((await s.list()).find((p) => p.id === 'cc-isales')).toMatchObject({ secrets: { sftpPassword: 'not set' } });
  });

  it('keeps secrets working when the server address is changed through the app', async () => {
    const s = store();
    await s.save(MOR_INPUT, { apiSecret: PLANTED });
    await s.save({ ...MOR_INPUT, baseUrl: 'https://new.example.com', tls: { sha256: 'cd'.repeat(32) } });
    expect(await s.withSecrets('office-mor')).toMatchObject({ secrets: { apiSecret: PLANTED } });
  });

  it("drops the old provider's secrets when a profile changes provider", async () => {
    const s = store();
    await s.save(MOR_INPUT, { apiSecret: PLANTED });
    const { id, name, baseUrl, defaultCountry } = MOR_INPUT;
    await s.save({ id, name, baseUrl, defaultCountry, provider: 'ringostat', projectId: '9', campaignId: 9 });
    expect(await s.withSecrets('office-mor')).toMatchObject({ profile: { provider: 'ringostat' }, secrets: {} });
    expect(await fileText()).not.toContain('apiSecret');
  });

  it('deletes a profile and its secrets, and says when there is none to delete', async () => {
    const s = store();
    await s.save(MOR_INPUT, { apiSecret: PLANTED });
    await s.delete('office-mor');
    expect((await s.list()).map((p) => p.id)).not.toContain('office-mor');
    expect((await rejection(s.delete('office-mor'))).code).toBe('not-found');
    expect((await rejection(s.withSecrets('office-mor'))).code).toBe('not-found');
  });

  it('loses no save when several run at once', async () => {
    const s = store();
    await Promise.all(Array.from({ length: 8 }, (_, i) => s.save({ ...MOR_INPUT, id: `p${i}`, name: `P${i}` }, { apiSecret: `secret-${i}` })));
    expect((await s.list()).filter((p) => !p.builtIn)).toHaveLength(8);
    expect((await s.withSecrets('p5')).secrets).toEqual({ apiSecret: 'secret-5' });
  });
});

describe('ProfileStore refusals', () => {
  it('refuses a CA pin whose certificate cannot be read, naming the field, and saves a readable one', async () => {
    const s = store();
    const https = { ...MOR_INPUT, baseUrl: 'https://mor.example.com' };
    const damaged = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
    const error = await rejection(s.save({ ...https, tls: { caPem: damaged } }));
    expect(error.code).toBe('bad-input');
    expect(error.message).toBe('The profile was not saved: tls.caPem: The CA certificate text is damaged: it could not be read as a certificate. Copy it again from the server administrator.');
    expect((await s.list()).some((p) => p.id === 'office-mor')).toBe(false);

    const { ca } = await makeTestPki();
    await s.save({ ...https, tls: { caPem: ca.cert } });
    expect((await s.list()).find((p) => p.id === 'office-mor')?.tls).toEqual({ caPem: ca.cert });
  });

  it('refuses to save a secret when the SecretBox is not available, saving nothing', async () => {
    const s = store(unavailableBox);
    const error = await rejection(s.save(MOR_INPUT, { apiSecret: PLANTED }));
    expect(error.message).toMatch(/Secrets cannot be saved: this computer offers no way to encrypt them.*Nothing was saved/);
    expect(error.message).not.toContain(PLANTED);
    expect((await s.list()).some((p) => p.id === 'office-mor')).toBe(false);
    // A profile with no secrets needs no encryption.
    await s.save(MOR_INPUT);
    expect((await s.list()).find((p) => p.id === 'office-mor')?.secrets).toEqual({ apiSecret: 'not set' });
  });

  it('refuses to move stored secrets to a new address when the SecretBox is not available', async () => {
    await store().save(MOR_INPUT, { apiSecret: PLANTED });
    const error = await rejection(store(unavailableBox).save({ ...MOR_INPUT, baseUrl: 'https://new.example.com' }));
    expect(error.message).toMatch(/Secrets cannot be saved/);
    expect(await store().withSecrets('office-mor')).toMatchObject({ profile: { baseUrl: MOR_INPUT.baseUrl.replace(/\/$/, '') }, secrets: { apiSecret: PLANTED } });
  });

  it('refuses a secret field the provider does not have, and a profile carrying a secret', async () => {
    const s = store();
    expect((await rejection(s.save(MOR_INPUT, { authKey: 'x' } as never))).message).toMatch(/"authKey" is not a secret of a mor profile/);
    const carrying = { ...MOR_INPUT, apiSecret: PLANTED } as typeof MOR_INPUT;
    const error = await rejection(s.save(carrying));
    expect(error.code).toBe('bad-input');
    expect(error.message).not.toContain(PLANTED);
  });

  it('says what is wrong with an invalid profile', async () => {
    const error = await rejection(store().save({ ...MOR_INPUT, baseUrl: 'http://billing.example.com' }));
    expect(error.message).toMatch(/^The profile was not saved: baseUrl: Use https/);
  });

  it('refuses a damaged profiles.json rather than overwriting it', async () => {
    await store().save(MOR_INPUT, { apiSecret: PLANTED });
    const damaged = (await fileText()).slice(0, 40);
    await writeFile(join(dataDir, PROFILES_FILE_NAME), damaged);
    const error = await rejection(store().save({ ...MOR_INPUT, id: 'other' }));
    expect(error.message).toMatch(/could not be read: it is not valid JSON\. The file was left as it is/);
    expect(await fileText()).toBe(damaged);
  });
});

describe('ProfileStore and tampering', () => {
  it('gives the clear message when a stored secret was altered', async () => {
    await store().save(MOR_INPUT, { apiSecret: PLANTED });
    await editFile((json) => {
      const entry = json.profiles[0];
      if (!entry?.secrets.apiSecret) throw new Error('no stored secret');
      const bytes = Buffer.from(entry.secrets.apiSecret, 'base64');
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
      entry.secrets.apiSecret = bytes.toString('base64');
    });
    const error = await rejection(store().withSecrets('office-mor'));
    expect(error.message).toMatch(/^Profile "Office MOR", API secret: A stored secret is damaged or was changed outside Dialsheet.*Enter the secret again/);
  });

  it('refuses a stored secret after its server address was changed in the file', async () => {
    await store().save(MOR_INPUT, { apiSecret: PLANTED });
    await editFile((json) => {
      if (json.profiles[0]) json.profiles[0].profile.baseUrl = 'https://attacker.example.net';
    });
    const error = await rejection(store().withSecrets('office-mor'));
    expect(error.message).toMatch(/API secret of profile "Office MOR" does not belong to its current settings/);
    expect(error.message).not.toContain(PLANTED);
    // Saving the tampered profile through the app must not launder the secret.
    await store().save({ ...MOR_INPUT, baseUrl: 'https://attacker.example.net', name: 'Office MOR' });
    await expect(store().withSecrets('office-mor')).rejects.toThrow(/does not belong to its current settings/);
    // Nor may moving the address again through the app: re-sealing opens the secret first.
    await rejection(store().save({ ...MOR_INPUT, baseUrl: 'https://elsewhere.example.org' }));
  });

  it('refuses a sealed secret copied from another profile or field', async () => {
    const s = store();
    await s.save(MOR_INPUT, { apiSecret: PLANTED });
    await s.save(ISALES_INPUT, { secretKey: 'sk', sftpPassword: 'pw' });
    await editFile((json) => {
      const [mor, isales] = json.profiles;
      if (!mor || !isales) throw new Error('two profiles expected');
      mor.secrets.apiSecret = isales.secrets.secretKey ?? '';
      isales.secrets.secretKey = isales.secrets.sftpPassword ?? '';
    });
    await expect(store().withSecrets('office-mor')).rejects.toThrow(/does not belong to its current settings/);
    await expect(store().withSecrets('cc-isales')).rejects.toThrow(/does not belong to its current settings/);
  });

  it('says the secrets were saved with another key when DIALSHEET_SECRET_KEY differs', async () => {
    await store(new KeyFileSecretBox({ dataDir, env: { [SECRET_KEY_ENV]: randomBytes(32).toString('base64') } })).save(MOR_INPUT, { apiSecret: PLANTED });
    const other = new KeyFileSecretBox({ dataDir, env: { [SECRET_KEY_ENV]: randomBytes(32).toString('base64') } });
    await expect(store(other).withSecrets('office-mor')).rejects.toThrow(/saved with a different key/);
  });

  it('says the stored secrets cannot be decrypted when the SecretBox has gone away', async () => {
    await store().save(MOR_INPUT, { apiSecret: PLANTED });
    await expect(store(unavailableBox).withSecrets('office-mor')).rejects.toThrow(/cannot be decrypted/);
  });
});

describe('ProfileStore Demo profiles', () => {
  it('always lists one Demo profile per provider, first, with its secrets set', async () => {
    const listed = await store().list();
    expect(listed.slice(0, 3).map((p) => [p.id, p.name, p.builtIn])).toEqual([
      ['demo-mor', 'Demo (MOR)', true],
      ['demo-ringostat', 'Demo (Ringostat)', true],
      ['demo-isales', 'Demo (CC-iSales)', true],
    ]);
    expect(listed[2]?.secrets).toEqual({ secretKey: 'set', sftpPassword: 'set', sftpPrivateKey: 'not set', sftpKeyPassphrase: 'not set' });
  });

  it('gives the run-time credentials to the main process and never writes them down', async () => {
    const s = store();
    expect(await s.withSecrets('demo-ringostat')).toMatchObject({
      profile: { baseUrl: 'http://127.0.0.1:41002', projectId: '123' },
      secrets: { authKey: 'demo-ringostat-key' },
    });
    await s.save(MOR_INPUT);
    expect(await fileText()).not.toContain('demo-');
  });

  it('asks a lazy demo setup only when a Demo profile is needed, and again after a failure', async () => {
    const demo = vi.fn<() => Promise<typeof DEMO_SETUP>>().mockRejectedValueOnce(new Error('simulator did not start')).mockResolvedValue(DEMO_SETUP);
    const s = new ProfileStore({ dataDir, secretBox: box, demo });
    await s.save(MOR_INPUT, { apiSecret: PLANTED });
    expect(await s.withSecrets('office-mor')).toMatchObject({ secrets: { apiSecret: PLANTED } });
    expect((await s.profile('office-mor')).baseUrl).toBe('https://billing.example.com/billing');
    await s.delete('office-mor');
    expect(demo).not.toHaveBeenCalled();
    await expect(s.list()).rejects.toThrow(/simulator did not start/);
    expect((await s.list()).filter((p) => p.builtIn)).toHaveLength(3);
    expect((await s.profile('demo-mor')).baseUrl).toBe('http://127.0.0.1:41001/billing');
    expect(demo).toHaveBeenCalledTimes(2);
  });

  it('cannot be deleted or overwritten', async () => {
    const s = store();
    expect((await rejection(s.delete('demo-mor'))).message).toMatch(/built in and cannot be deleted/);
    expect((await rejection(s.save({ ...MOR_INPUT, id: 'demo-mor' }))).message).toMatch(/built in and cannot be changed/);
    expect((await s.list()).filter((p) => p.builtIn)).toHaveLength(3);
  });
});
