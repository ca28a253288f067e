import { describe, expect, it } from 'vitest';

import { parseIvrPollResults } from '../../providers/mor/answer';
import { ivrPollResultsHash } from '../../providers/mor/hash';
import { DEMO_IVR_POLL_RESULTS } from '../demo-seed';
import { morCall, type ReadAnswer } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';

const sim = useSimulator();

function poll(id: string, overrides: { u?: string; secret?: string } = {}): Promise<ReadAnswer> {
  const { username, apiSecret } = sim().credentials.mor;
  const u = overrides.u ?? username;
  return morCall(sim(), 'autodialer_get_campaign_ivr_poll_results', { u, id, hash: ivrPollResultsHash({ u, id }, overrides.secret ?? apiSecret) });
}

describe('autodialer_get_campaign_ivr_poll_results over HTTP', () => {
  it('returns the raw results string, which the app splits into rows', async () => {
    const answer = await poll('1');
    const parsed = parseIvrPollResults(answer.bytes);
    expect(parsed.ok && parsed.value.raw).toBe(DEMO_IVR_POLL_RESULTS);
    expect(parsed.ok && parsed.value.rows).toEqual([['1111'], ['2222', '2020-01-01 01:01:01', '2090-12-31 23:59:59']]);
  });

  it('returns what the state holds', async () => {
    const campaign = sim().state.mor.campaigns.get(3);
    if (campaign === undefined) throw new Error('seed changed');
    campaign.ivrPollResults = '37064444444,1';
    const parsed = parseIvrPollResults((await poll('3')).bytes);
    expect(parsed.ok && parsed.value.raw).toBe('37064444444,1');
  });

  it('answers its documented errors', async () => {
    expect((await poll('2')).text).toContain('<error>Campaign does not have any Numbers</error>');
    expect((await poll('1', { secret: 'x' })).text).toContain('<error>Incorrect hash</error>');
    expect((await poll('1', { u: 'ghost' })).text).toContain('<error>Access Denied</error>');
    expect((await poll('1', { u: 'admin' })).text).toContain('<error>You are not authorized to use this functionality</error>');
    expect((await poll('77')).text).toContain('<error>Campaign was not found</error>');
  });
});
