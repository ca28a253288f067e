import { describe, expect, it } from 'vitest';

import { PROVIDERS } from '../../../shared/profiles/profile-schemas';
import { buildDemoProfiles } from '../store/profiles/demo-profiles';
import { parseProfileJson } from '../store/profiles/profile-json';
import { DEMO_CREDENTIALS, DEMO_SFTP } from './demo-credentials';
import { demoProfileFiles, demoProfilesText, demoSetup, type SimulatorEndpoints } from './demo-profiles';

const HOST_KEY = 'SHA256:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc';
const endpoints: SimulatorEndpoints = {
  urls: { mor: 'http://127.0.0.1:5000/mor', ringostat: 'http://127.0.0.1:5000/ringostat', isales: 'http://127.0.0.1:5000/isales' },
  sftp: { host: '127.0.0.1', port: 5001, ...DEMO_SFTP, hostKeySha256: HOST_KEY },
  credentials: DEMO_CREDENTIALS,
};

describe('demoProfileFiles', () => {
  it('gives each provider a profile file that the command line reads as it is', async () => {
    const files = demoProfileFiles(endpoints);
    for (const provider of PROVIDERS) {
      const unlocked = await parseProfileJson(JSON.stringify(files[provider]), { path: `/tmp/${provider}.json`, env: {}, country: 'GB' });
      expect(unlocked.profile.provider).toBe(provider);
      expect(unlocked.profile.defaultCountry).toBe('UA');
    }
    const isales = await parseProfileJson(JSON.stringify(files.isales), { path: '/tmp/isales.json', env: {}, country: 'GB' });
    expect(isales.profile).toMatchObject({ sftp: { port: 5001, remoteDir: DEMO_SFTP.root, serverId: DEMO_CREDENTIALS.isales.serverId, hostKeySha256: HOST_KEY } });
    expect(isales.secrets).toEqual({ secretKey: DEMO_CREDENTIALS.isales.secretKey, sftpPassword: DEMO_SFTP.password });
  });
});

describe('demoSetup', () => {
  it('makes the three built-in Demo profiles point at the simulator, each with its first campaign', () => {
    const demos = buildDemoProfiles(demoSetup(endpoints));
    expect(demos.map((demo) => [demo.profile.provider, demo.profile.baseUrl, demo.profile.campaignId])).toEqual([
      ['mor', endpoints.urls.mor, 1],
      ['ringostat', endpoints.urls.ringostat, 456],
      ['isales', endpoints.urls.isales, '1001'],
    ]);
    expect(demos[0]?.secrets).toEqual({ apiSecret: DEMO_CREDENTIALS.mor.apiSecret });
  });
});

describe('demoProfilesText', () => {
  it('names every URL, account and campaign a person has to type in', () => {
    const text = demoProfilesText(endpoints);
    for (const expected of [endpoints.urls.mor, endpoints.urls.ringostat, endpoints.urls.isales, HOST_KEY, 'sftp://demo@127.0.0.1:5001/upload', 'Demo power dialer 2', DEMO_CREDENTIALS.isales.secretKey]) {
      expect(text).toContain(expected);
    }
  });
});
