import { describe, expect, it } from 'vitest';

import { classifyCampaignRowAnswer } from '../../providers/ringostat/answer';
import { OTHER_RINGOSTAT_PROJECT } from '../demo-seed';
import { jsonOf, ringostatCall } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';

const sim = useSimulator();

const campaign = (id = 456) => sim().state.ringostat.projects.get(sim().credentials.ringostat.projectId)?.campaigns.get(id);

describe('Ringostat campaign-rows over HTTP', () => {
  it('adds one number and answers {"result": true}', async () => {
    const answer = await ringostatCall(sim(), { campaignId: 456, fio: 'Іван Петренко', phone_number: '380930000000' });
    expect(answer.status).toBe(200);
    expect(jsonOf(answer)).toEqual({ result: true });
    expect(classifyCampaignRowAnswer({ status: answer.status, body: answer.bytes }).kind).toBe('success');
    expect(campaign()?.rows).toMatchObject([{ phoneNumber: '380930000000', fio: 'Іван Петренко' }]);
  });

  it('counts each arrival, so a test can check every number came exactly once', async () => {
    await ringostatCall(sim(), { campaignId: 456, phone_number: '380931111111' });
    await ringostatCall(sim(), { campaignId: '456', phone_number: '+380932222222' });
    await ringostatCall(sim(), { campaignId: 456, phone_number: '380931111111' });
    const received = campaign()?.received;
    expect(received?.arrivals('380931111111')).toBe(2);
    expect(received?.arrivals('+380932222222')).toBe(1);
    expect(received?.repeats()).toEqual([{ number: '380931111111', arrivals: 2 }]);
    expect(campaign(457)?.received.total).toBe(0);
  });

  it('refuses a wrong or missing Auth-key with 401 (a guess), which the app reads as auth-rejected', async () => {
    for (const authKey of ['wrong-key', '']) {
      const answer = await ringostatCall(sim(), { campaignId: 456, phone_number: '380930000000' }, { authKey });
      expect(answer.status).toBe(401);
      const outcome = classifyCampaignRowAnswer({ status: answer.status, body: answer.bytes });
      expect(outcome.kind === 'rejected' && outcome.reason).toBe('auth-rejected');
    }
    expect(campaign()?.received.total).toBe(0);
  });

  it("refuses a valid key used for another project with 403 (a guess)", async () => {
    const answer = await ringostatCall(sim(), { campaignId: 900, phone_number: '380930000000' }, { projectId: OTHER_RINGOSTAT_PROJECT });
    expect(answer.status).toBe(403);
  });

  it('answers an unknown campaign with 404, and a bad body with 400 (guesses)', async () => {
    expect((await ringostatCall(sim(), { campaignId: 999, phone_number: '380930000000' })).status).toBe(404);
    expect((await ringostatCall(sim(), { campaignId: 900, phone_number: '380930000000' })).status).toBe(404);
    expect((await ringostatCall(sim(), { phone_number: '380930000000' })).status).toBe(400);
    expect((await ringostatCall(sim(), { campaignId: 456 })).status).toBe(400);
    expect((await ringostatCall(sim(), { campaignId: 456, phone_number: 'call me' })).status).toBe(400);
    expect((await ringostatCall(sim(), { campaignId: 456, phone_number: '380930000000', fio: 5 })).status).toBe(400);
    expect((await ringostatCall(sim(), null, { rawBody: '{not json' })).status).toBe(400);
    expect(campaign()?.received.total).toBe(0);
  });

  it('knows only its one path and POST', async () => {
    expect((await fetch(`${sim().urls.ringostat}/power-dialer/campaigns`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${sim().urls.ringostat}/power-dialer/campaigns/campaign-rows`)).status).toBe(405);
  });

  it('answers 429 with Retry-After under that fault, which the app reads as retryable', async () => {
    sim().setFaults({ tooManyRequestsShare: 1, retryAfterSeconds: 2 });
    const answer = await ringostatCall(sim(), { campaignId: 456, phone_number: '380930000000' });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('2');
    const outcome = classifyCampaignRowAnswer({ status: answer.status, body: answer.bytes, retryAfter: answer.headers.get('retry-after') });
    expect(outcome.kind === 'retryable' && outcome.retryAfterMs).toBe(2000);
    expect(campaign()?.received.total).toBe(0);
  });
});
