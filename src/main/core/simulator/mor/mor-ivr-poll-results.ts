import type { SimAnswer } from '../http/sim-http';
import { morGate, ownedCampaign } from './mor-auth';
import type { MorParams } from './mor-params';
import type { MorState } from './mor-state';
import { MOR_TEXT } from './mor-texts';
import { morErrorAnswer, morStatusAnswer } from './mor-xml';

/**
 * autodialer_get_campaign_ivr_poll_results: u then id are hashed (providers/mor/hash.ts
 * ivrPollResultsHash); the stored string goes out raw, as MOR documents no structure for it.
 */
export function ivrPollResults(state: MorState, params: MorParams): SimAnswer {
  const gate = morGate(state, params, { hashed: [params.get('u'), params.get('id')], roles: ['user'], deniedText: MOR_TEXT.notAuthorized });
  if (!gate.ok) return morErrorAnswer(gate.error);
  const campaign = ownedCampaign(state, params.get('id'), gate.user);
  if (campaign === undefined) return morErrorAnswer(MOR_TEXT.campaignNotFound);
  if (campaign.numbers.length === 0) return morErrorAnswer(MOR_TEXT.noNumbers);
  return morStatusAnswer([['ivr_poll_results_string', campaign.ivrPollResults]]);
}
