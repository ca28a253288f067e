import { morHash } from '../../providers/mor/hash';
import type { SimAnswer } from '../http/sim-http';
import { morGate, ownedCampaign } from './mor-auth';
import type { MorParams } from './mor-params';
import type { MorState } from './mor-state';
import { MOR_TEXT, noActions, noFreeNumbers } from './mor-texts';
import { morErrorAnswer, morStatusAnswer } from './mor-xml';

/** autodialer_change_campaign_status hashes u then id, like the IVR poll results method. */
export function changeCampaignStatusHash(u: string, id: string, apiSecret: string): string {
  return morHash([u, id], apiSecret);
}

/**
 * autodialer_change_campaign_status toggles: there is no target-state parameter. A campaign
 * that cannot start answers with a <message>; that it comes inside <status> and leaves the
 * campaign stopped is a guess (the page lists the messages, not their place).
 */
export function changeCampaignStatus(state: MorState, params: MorParams): SimAnswer {
  const gate = morGate(state, params, { hashed: [params.get('u'), params.get('id')], roles: ['user'], deniedText: MOR_TEXT.notAuthorized });
  if (!gate.ok) return morErrorAnswer(gate.error);
  const campaign = ownedCampaign(state, params.get('id'), gate.user);
  if (campaign === undefined) return morErrorAnswer(MOR_TEXT.campaignNotFound);
  if (campaign.status === 'running') {
    campaign.status = 'stopped';
    return morStatusAnswer([['success', MOR_TEXT.campaignStopped]]);
  }
  if (campaign.numbers.length === 0) return morStatusAnswer([['message', noFreeNumbers(campaign.name)]]);
  if (!campaign.hasActions) return morStatusAnswer([['message', noActions(campaign.name)]]);
  campaign.status = 'running';
  return morStatusAnswer([['success', MOR_TEXT.campaignStarted]]);
}
