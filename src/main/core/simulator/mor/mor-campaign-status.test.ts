import { describe, expect, it } from 'vitest';

import { morHash } from '../../providers/mor/hash';
import { morCall, type ReadAnswer } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';
import { changeCampaignStatusHash } from './mor-campaign-status';

const sim = useSimulator();

function toggle(id: string, overrides: { u?: string; secret?: string } = {}): Promise<ReadAnswer> {
  const { username, apiSecret } = sim().credentials.mor;
  const u = overrides.u ?? username;
  return morCall(sim(), 'autodialer_change_campaign_status', { u, id, hash: changeCampaignStatusHash(u, id, overrides.secret ?? apiSecret) });
}

describe('autodialer_change_campaign_status over HTTP', () => {
  it('hashes u then id', () => {
    expect(changeCampaignStatusHash('some_user', '2', '456789')).toBe(morHash(['some_user', '2'], '456789'));
    expect(changeCampaignStatusHash('some_user', '2', '456789')).not.toBe(morHash(['2', 'some_user'], '456789'));
  });

  it('toggles: started, then stopped', async () => {
    expect((await toggle('1')).text).toContain('<success>Campaign started</success>');
    expect(sim().state.mor.campaigns.get(1)?.status).toBe('running');
    expect((await toggle('1')).text).toContain('<success>Campaign stopped</success>');
    expect(sim().state.mor.campaigns.get(1)?.status).toBe('stopped');
  });

  it('does not start a campaign without free numbers or without actions, and says why', async () => {
    const empty = await toggle('2');
    expect(empty.text).toContain('<message>No free numbers for Campaign: Demo campaign, duplicates allowed</message>');
    const noActions = await toggle('3');
    expect(noActions.text).toContain('<message>No actions for Campaign: Demo campaign without actions</message>');
    expect(sim().state.mor.campaigns.get(2)?.status).toBe('stopped');
    expect(sim().state.mor.campaigns.get(3)?.status).toBe('stopped');
  });

  it('answers its documented errors', async () => {
    expect((await toggle('1', { secret: 'wrong' })).text).toContain('<error>Incorrect hash</error>');
    expect((await toggle('1', { u: 'ghost' })).text).toContain('<error>Access Denied</error>');
    expect((await toggle('1', { u: 'accountant' })).text).toContain('<error>You are not authorized to use this functionality</error>');
    expect((await toggle('404')).text).toContain('<error>Campaign was not found</error>');
    expect(sim().state.mor.campaigns.get(1)?.status).toBe('stopped');
  });
});
