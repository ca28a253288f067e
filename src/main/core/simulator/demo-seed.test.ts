import { describe, expect, it } from 'vitest';

import { DEMO_CREDENTIALS } from './demo-credentials';
import { DEMO_IVR_POLL_RESULTS, ISALES_BLOCKED_NUMBER, OTHER_MOR_CAMPAIGN_ID, OTHER_RINGOSTAT_PROJECT, TAKEN_MOR_CLI } from './demo-seed';
import { isalesCampaignKey } from './isales/isales-state';
import { SimulatorState } from './simulator-state';

describe('demo seed', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const state = new SimulatorState(() => now);

  it('gives the demo MOR user its campaigns, and someone else one it may not see', () => {
    for (const id of DEMO_CREDENTIALS.mor.campaignIds) expect(state.mor.campaigns.get(id)?.owner).toBe(DEMO_CREDENTIALS.mor.username);
    expect(state.mor.campaigns.get(OTHER_MOR_CAMPAIGN_ID)?.owner).not.toBe(DEMO_CREDENTIALS.mor.username);
    expect(state.mor.users.get(DEMO_CREDENTIALS.mor.username)?.role).toBe('user');
    expect(state.mor.users.get(DEMO_CREDENTIALS.mor.adminUsername)?.role).toBe('admin');
    expect(state.mor.users.get(DEMO_CREDENTIALS.mor.accountantUsername)?.role).toBe('accountant');
  });

  it('seeds the documented IVR example, calls of today, and a taken CLI', () => {
    const campaign = state.mor.campaigns.get(1);
    expect(campaign?.ivrPollResults).toBe(DEMO_IVR_POLL_RESULTS);
    const nowSeconds = now.getTime() / 1000;
    expect(campaign?.calls.every((call) => call.at <= nowSeconds && call.at > nowSeconds - 3600)).toBe(true);
    const owners = [...state.mor.devices.values()].filter((d) => d.clis.some((cli) => cli.number === TAKEN_MOR_CLI));
    expect(owners).toHaveLength(1);
  });

  it('gives Ringostat a second project with its own key', () => {
    const demo = state.ringostat.projects.get(DEMO_CREDENTIALS.ringostat.projectId);
    const other = state.ringostat.projects.get(OTHER_RINGOSTAT_PROJECT);
    expect(demo?.authKey).toBe(DEMO_CREDENTIALS.ringostat.authKey);
    expect(other?.authKey).not.toBe(demo?.authKey);
  });

  it('gives iSales an AK for the demo VDN, an ended campaign and a blocked number', () => {
    const { vdnId, accessKey, secretKey } = DEMO_CREDENTIALS.isales;
    expect(state.isales.accessKeys.get(accessKey)).toEqual({ secretKey, vdnIds: [vdnId] });
    expect(state.isales.campaigns.get(isalesCampaignKey(vdnId, '1001'))?.acceptsNumbers).toBe(true);
    expect(state.isales.campaigns.get(isalesCampaignKey(vdnId, '1002'))?.acceptsNumbers).toBe(false);
    expect(state.isales.blocklist.has(ISALES_BLOCKED_NUMBER)).toBe(true);
  });
});
