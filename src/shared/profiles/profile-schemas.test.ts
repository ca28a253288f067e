import { describe, expect, it } from 'vitest';

import {
  isSecretField,
  isalesProfileSchema,
  morProfileSchema,
  profileSchema,
  ringostatProfileSchema,
  SECRET_FIELDS,
  sftpSchema,
} from './profile-schemas';
import { ISALES_INPUT, MOR_INPUT } from './testing/profile-inputs';

const RINGOSTAT_INPUT = { id: 'r1', name: 'Ringostat', provider: 'ringostat', defaultCountry: 'UA', projectId: '123', campaignId: 456 } as const;
// 32 bytes of 7, as ssh-keygen -l would print them.
const HOST_KEY = 'SHA256:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc';

function issues(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.message).join(' | ');
}

describe('profile schemas: defaults and normalising', () => {
  it('gives a MOR profile its defaults, an upper-case country and a base URL without trailing slash', () => {
    expect(morProfileSchema.parse(MOR_INPUT)).toEqual({
      ...MOR_INPUT,
      baseUrl: 'https://billing.example.com/billing',
      defaultCountry: 'GB',
      tls: null,
      options: { numbersPerFile: 100_000 },
    });
  });

  it('gives Ringostat its public API address, concurrency 2 and 2 requests a second', () => {
    expect(ringostatProfileSchema.parse(RINGOSTAT_INPUT)).toMatchObject({
      baseUrl: 'https://api.ringostat.net',
      options: { concurrency: 2, requestsPerSecond: 2 },
    });
  });

  it('gives iSales hex signing, SFTP port 22, remote folder / and no host key pin yet', () => {
    const parsed = isalesProfileSchema.parse(ISALES_INPUT);
    expect(parsed.options).toEqual({ signingEncoding: 'hex' });
    expect(parsed.sftp).toEqual({ host: 'files.example.com', port: 22, username: 'loader', remoteDir: '/', serverId: '7', hostKeySha256: null });
    expect(isalesProfileSchema.parse({ ...ISALES_INPUT, sftp: undefined }).sftp).toBeNull();
  });

  it('leaves the default campaign empty when none is given: a job names its own', () => {
    expect(morProfileSchema.parse({ ...MOR_INPUT, campaignId: undefined }).campaignId).toBeNull();
    expect(ringostatProfileSchema.parse({ ...RINGOSTAT_INPUT, campaignId: null }).campaignId).toBeNull();
    expect(isalesProfileSchema.safeParse({ ...ISALES_INPUT, campaignId: 'a/b' }).success).toBe(false);
  });

  it('picks the provider schema by the provider field', () => {
    expect(profileSchema.parse(RINGOSTAT_INPUT).provider).toBe('ringostat');
    expect(profileSchema.safeParse({ ...RINGOSTAT_INPUT, provider: 'twilio' }).success).toBe(false);
  });
});

describe('profile schemas: base URL', () => {
  const withUrl = (baseUrl: string) => morProfileSchema.safeParse({ ...MOR_INPUT, baseUrl });

  it('accepts https anywhere, and http only on loopback for the simulator', () => {
    for (const url of ['https://dialer.example.com', 'https://10.0.0.5:8443/billing', 'http://127.0.0.1:4100', 'http://localhost:1', 'http://[::1]:9']) {
      expect(withUrl(url).success, url).toBe(true);
    }
  });

  it('refuses http elsewhere, other schemes, credentials, queries and junk, saying why', () => {
    expect(issues(withUrl('http://dialer.example.com'))).toMatch(/Use https/);
    expect(issues(withUrl('http://127.0.0.2:80'))).toMatch(/Use https/);
    expect(issues(withUrl('ftp://dialer.example.com'))).toMatch(/must start with https/);
    expect(issues(withUrl('https://u:p@dialer.example.com'))).toMatch(/user name and password out/);
    expect(issues(withUrl('https://dialer.example.com/?u=admin'))).toMatch(/after "\?" or "#"/);
    expect(issues(withUrl('dialer.example.com'))).toMatch(/full address/);
  });
});

describe('profile schemas: bounds and formats', () => {
  it('keeps Ringostat concurrency within 1-8 and the rate within 0.1-10 a second', () => {
    for (const options of [{ concurrency: 0 }, { concurrency: 9 }, { concurrency: 1.5 }, { requestsPerSecond: 0 }, { requestsPerSecond: 11 }]) {
      expect(ringostatProfileSchema.safeParse({ ...RINGOSTAT_INPUT, options }).success, JSON.stringify(options)).toBe(false);
    }
    expect(ringostatProfileSchema.parse({ ...RINGOSTAT_INPUT, options: { concurrency: 8, requestsPerSecond: 0.5 } }).options).toEqual({
      concurrency: 8,
      requestsPerSecond: 0.5,
    });
  });

  it('takes a known two-letter country only', () => {
    for (const country of ['XX', 'UKR', 'U', '']) expect(morProfileSchema.safeParse({ ...MOR_INPUT, defaultCountry: country }).success, country).toBe(false);
  });

  it('bounds vdnId to 1-9999 and keeps the iSales campaign id safe to put in a URL path', () => {
    expect(isalesProfileSchema.safeParse({ ...ISALES_INPUT, vdnId: 10_000 }).success).toBe(false);
    expect(isalesProfileSchema.safeParse({ ...ISALES_INPUT, campaignId: '12/../34' }).success).toBe(false);
  });

  it('refuses a host key fingerprint of 43 characters that cannot be 32 bytes', () => {
    // The last character of 32 bytes in base64 has its two spare bits zero; "x" does not.
    expect(sftpSchema.safeParse({ host: 'h', username: 'u', serverId: '1', hostKeySha256: `${HOST_KEY.slice(0, -1)}x` }).success).toBe(false);
  });

  it('normalises an SFTP host key pin to OpenSSH form and refuses other text', () => {
    const base = { host: 'h', username: 'u', serverId: '1' };
    expect(sftpSchema.parse({ ...base, hostKeySha256: HOST_KEY.slice(7) }).hostKeySha256).toBe(HOST_KEY);
    expect(sftpSchema.parse({ ...base, hostKeySha256: `${HOST_KEY}=` }).hostKeySha256).toBe(HOST_KEY);
    expect(sftpSchema.safeParse({ ...base, hostKeySha256: 'MD5:ab:cd' }).success).toBe(false);
    expect(sftpSchema.safeParse({ ...base, remoteDir: '/upload/../etc' }).success).toBe(false);
    expect(sftpSchema.safeParse({ ...base, remoteDir: 'upload' }).success).toBe(false);
  });

  it('refuses a TLS pin on an http address, where it would do nothing', () => {
    const pinned = { ...MOR_INPUT, baseUrl: 'http://127.0.0.1:4100', tls: { sha256: 'ab'.repeat(32) } };
    expect(issues(morProfileSchema.safeParse(pinned))).toMatch(/TLS pin applies only to an https address/);
    expect(morProfileSchema.parse({ ...pinned, baseUrl: 'https://127.0.0.1:4100' }).tls).toEqual({ sha256: Array(32).fill('AB').join(':') });
  });
});

describe('profile schemas: secrets stay out', () => {
  it('refuses a secret inside the profile object, so it can never be stored in clear', () => {
    expect(profileSchema.safeParse({ ...MOR_INPUT, apiSecret: 'x' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...RINGOSTAT_INPUT, authKey: 'x' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...ISALES_INPUT, secretKey: 'x' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...ISALES_INPUT, sftp: { ...ISALES_INPUT.sftp, password: 'x' } }).success).toBe(false);
  });

  it('lists SK but not AK as an iSales secret, and one secret each for MOR and Ringostat', () => {
    expect(SECRET_FIELDS).toEqual({
      mor: ['apiSecret'],
      ringostat: ['authKey'],
      isales: ['secretKey', 'sftpPassword', 'sftpPrivateKey', 'sftpKeyPassphrase'],
    });
    expect(isSecretField('isales', 'accessKey')).toBe(false);
    expect(isSecretField('isales', 'secretKey')).toBe(true);
    expect(isSecretField('mor', 'authKey')).toBe(false);
  });
});
