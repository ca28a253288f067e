import { describe, expect, it } from 'vitest';

import { buildDemoProfiles, demoProfileId, isDemoProfileId, type DemoSetup } from './demo-profiles';
import { DEMO_SETUP } from './testing/profile-fixtures';

describe('Demo profiles', () => {
  it('builds one profile per provider with fixed ids and names, and the given run-time settings', () => {
    const demos = buildDemoProfiles(DEMO_SETUP);
    expect(demos.map((d) => d.profile.id)).toEqual(['demo-mor', 'demo-ringostat', 'demo-isales']);
    expect(demos[0]).toMatchObject({ profile: { baseUrl: 'http://127.0.0.1:41001/billing', username: 'demo' }, secrets: { apiSecret: 'demo-mor-secret' } });
  });

  it('treats an empty demo secret as not set', () => {
    const setup: DemoSetup = { ...DEMO_SETUP, mor: { ...DEMO_SETUP.mor, secrets: { apiSecret: '' } } };
    expect(buildDemoProfiles(setup)[0]?.secrets).toEqual({});
  });

  it('fails loudly on a setup that is not a valid profile', () => {
    const setup: DemoSetup = { ...DEMO_SETUP, ringostat: { ...DEMO_SETUP.ringostat, profile: { ...DEMO_SETUP.ringostat.profile, baseUrl: 'http://192.0.2.1' } } };
    expect(() => buildDemoProfiles(setup)).toThrow(/ringostat demo setup is not a valid profile/);
  });

  it('recognises exactly the three demo ids', () => {
    expect(['mor', 'ringostat', 'isales'].map((p) => isDemoProfileId(`demo-${p}`))).toEqual([true, true, true]);
    expect(isDemoProfileId('demo-other')).toBe(false);
    expect(isDemoProfileId('demo')).toBe(false);
    expect(demoProfileId('isales')).toBe('demo-isales');
  });
});
