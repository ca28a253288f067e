import { describe, expect, it } from 'vitest';

import { DEMO_CREDENTIALS, DEMO_SFTP } from './demo-credentials';
import { demoProfiles, demoProfilesText, PROFILES_KIND, type SimulatorEndpoints } from './demo-profiles';

const endpoints: SimulatorEndpoints = {
  urls: { mor: 'http://127.0.0.1:5000/mor', ringostat: 'http://127.0.0.1:5000/ringostat', isales: 'http://127.0.0.1:5000/isales' },
  sftp: { host: '127.0.0.1', port: 5001, ...DEMO_SFTP, hostKeySha256: 'SHA256:abc' },
  credentials: DEMO_CREDENTIALS,
};

describe('demoProfiles', () => {
  it('gives one profile per provider with what its client needs', () => {
    const json = JSON.parse(JSON.stringify(demoProfiles(endpoints))) as { kind: string; profiles: Array<Record<string, unknown>> };
    expect(json.kind).toBe(PROFILES_KIND);
    expect(json.profiles.map((p) => p.provider)).toEqual(['mor', 'ringostat', 'isales']);
    expect(json.profiles[0]).toMatchObject({ baseUrl: endpoints.urls.mor, username: 'demo', apiSecret: DEMO_CREDENTIALS.mor.apiSecret });
    expect(json.profiles[1]).toMatchObject({ projectId: '123', authKey: DEMO_CREDENTIALS.ringostat.authKey });
    expect(json.profiles[2]).toMatchObject({
      vdnId: 1,
      accessKey: DEMO_CREDENTIALS.isales.accessKey,
      serverId: DEMO_CREDENTIALS.isales.serverId,
      sftp: { host: '127.0.0.1', port: 5001, root: DEMO_SFTP.root, hostKeySha256: 'SHA256:abc' },
    });
    expect(json.profiles[2]?.campaigns).toEqual([
      { id: '1001', name: 'Demo outbound campaign' },
      { id: '1002', name: 'Demo outbound campaign (ended)' },
    ]);
  });
});

describe('demoProfilesText', () => {
  it('names every URL, account and campaign a person has to type in', () => {
    const text = demoProfilesText(endpoints);
    for (const expected of [endpoints.urls.mor, endpoints.urls.ringostat, endpoints.urls.isales, 'SHA256:abc', 'sftp://demo@127.0.0.1:5001/upload', 'Demo power dialer 2', DEMO_CREDENTIALS.isales.secretKey]) {
      expect(text).toContain(expected);
    }
  });
});
