import { describe, expect, it } from 'vitest';

import { type ListedProfile, type OptionsDraft, type SendTarget, draftOf } from './hooks/useSendTarget';
import { choiceOf } from './upload-options';

const common = { defaultCountry: 'UA', tls: null, builtIn: false } as const;
const PROFILES = {
  mor: { ...common, id: 'm', name: 'M', provider: 'mor', baseUrl: 'https://mor.example', username: 'u', campaignId: 2, options: { numbersPerFile: 100_000 }, secrets: { apiSecret: 'set' } },
  ringostat: {
    ...common,
    id: 'r',
    name: 'R',
    provider: 'ringostat',
    baseUrl: 'https://api.ringostat.net',
    projectId: '1',
    campaignId: null,
    options: { concurrency: 2, requestsPerSecond: 2 },
    secrets: { authKey: 'set' },
  },
  isalesApi: {
    ...common,
    id: 'i',
    name: 'I',
    provider: 'isales',
    baseUrl: 'https://isales.example',
    vdnId: 1,
    accessKey: 'AK',
    campaignId: '1001',
    options: { signingEncoding: 'hex' },
    sftp: null,
    secrets: { secretKey: 'set', sftpPassword: 'not set', sftpPrivateKey: 'not set', sftpKeyPassphrase: 'not set' },
  },
} as unknown as Record<'mor' | 'ringostat' | 'isalesApi' | 'isalesFiles', ListedProfile>;
PROFILES.isalesFiles = { ...PROFILES.isalesApi, id: 'f', sftp: { host: 'h', port: 22, username: 'u', remoteDir: '/', serverId: '7', hostKeySha256: null } } as ListedProfile;

function target(profile: ListedProfile, draft: Partial<OptionsDraft> = {}, campaignId = ''): SendTarget {
  const nothing = (): void => undefined;
  return {
    profiles: [profile],
    profile,
    profileId: profile.id,
    campaignId,
    draft: { ...draftOf(profile), ...draft },
    loadError: null,
    choose: nothing,
    setCampaignId: nothing,
    setDraft: nothing,
    reload: nothing,
  };
}

describe('the upload choice the Target step makes', () => {
  it("starts from the profile's own options and sends them as the upload's", () => {
    expect(choiceOf(target(PROFILES.mor))).toEqual({ ok: true, value: { profileId: 'm', options: { numbersPerFile: 100_000 } } });
    expect(choiceOf(target(PROFILES.ringostat, {}, '457'))).toEqual({
      ok: true,
      value: { profileId: 'r', campaignId: '457', options: { concurrency: 2, requestsPerSecond: 2 } },
    });
    expect(choiceOf(target(PROFILES.isalesFiles))).toEqual({ ok: true, value: { profileId: 'f' } });
  });

  it('takes the bounds from the schemas the core checks with, and a comma for the decimal point', () => {
    expect(choiceOf(target(PROFILES.mor, { numbersPerFile: '0' }))).toEqual({ ok: false, errors: { numbersPerFile: { min: 1, max: 1_000_000 } } });
    expect(choiceOf(target(PROFILES.mor, { numbersPerFile: '12.5' }))).toMatchObject({ ok: false });
    expect(choiceOf(target(PROFILES.mor, { numbersPerFile: ' ' }))).toMatchObject({ ok: false });
    expect(choiceOf(target(PROFILES.ringostat, { concurrency: '9', requestsPerSecond: 'fast' }))).toEqual({
      ok: false,
      errors: { concurrency: { min: 1, max: 8 }, requestsPerSecond: { min: 0.1, max: 10 } },
    });
    expect(choiceOf(target(PROFILES.ringostat, { concurrency: '8', requestsPerSecond: '0,5' }))).toMatchObject({
      ok: true,
      value: { options: { concurrency: 8, requestsPerSecond: 0.5 } },
    });
  });

  it('takes an import time only from a profile with an SFTP file server, and only a real time of day', () => {
    expect(choiceOf(target(PROFILES.isalesFiles, { schedule: 'at', at: '21:30' }))).toEqual({ ok: true, value: { profileId: 'f', options: { at: { hour: 21, minute: 30 } } } });
    expect(choiceOf(target(PROFILES.isalesFiles, { schedule: 'at', at: '' }))).toEqual({ ok: false, errors: { at: true } });
    expect(choiceOf(target(PROFILES.isalesFiles, { schedule: 'at', at: '24:00' }))).toEqual({ ok: false, errors: { at: true } });
    expect(choiceOf(target(PROFILES.isalesFiles, { schedule: 'now', at: '21:30' }))).toEqual({ ok: true, value: { profileId: 'f' } });
    // A time typed for another profile is never sent to one that cannot schedule.
    expect(choiceOf(target(PROFILES.isalesApi, { schedule: 'at', at: '21:30' }))).toEqual({ ok: true, value: { profileId: 'i' } });
  });

  it("sends no other provider's options", () => {
    expect(choiceOf(target(PROFILES.mor, { concurrency: '99', at: 'never' }))).toEqual({ ok: true, value: { profileId: 'm', options: { numbersPerFile: 100_000 } } });
  });
});
