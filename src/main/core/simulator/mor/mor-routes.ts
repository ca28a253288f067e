import { textAnswer, type SimAnswer, type SimHandler, type SimRequest } from '../http/sim-http';
import { changeCampaignStatus } from './mor-campaign-status';
import { cliAdd } from './mor-cli-add';
import { ivrPollResults } from './mor-ivr-poll-results';
import { readMorParams, type MorParams } from './mor-params';
import type { MorState } from './mor-state';
import { campaignStatistics } from './mor-statistics';
import { uploadNumbers } from './mor-upload-numbers';

type MorMethod = (state: MorState, params: MorParams, now: Date) => SimAnswer;

const METHODS: Readonly<Record<string, MorMethod>> = {
  autodialer_upload_numbers: uploadNumbers,
  autodialer_change_campaign_status: changeCampaignStatus,
  autodialer_get_campaign_statistics: campaignStatistics,
  autodialer_get_campaign_ivr_poll_results: ivrPollResults,
  cli_add: cliAdd,
};

// Shaped like the Rails 404 page a MOR server gives for a path it does not route.
const NOT_FOUND: SimAnswer = {
  status: 404,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: "<!DOCTYPE html>\n<html><head><title>The page you were looking for doesn't exist (404)</title></head><body><h1>The page you were looking for doesn't exist.</h1></body></html>\n",
};

function methodOf(request: SimRequest): MorMethod | undefined {
  const name = /^\/api\/([a-z_]+)$/.exec(request.routePath)?.[1];
  return name !== undefined && Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
}

/**
 * MOR's API under /mor: /mor/api/<method>, as /billing/api/<method> on a real server (the
 * profile's base URL ends in /mor where a real one ends in /billing).
 */
export function createMorHandler(state: MorState, now: () => Date): SimHandler {
  return async (request) => {
    const method = methodOf(request);
    if (method === undefined) return NOT_FOUND;
    // GET works only with "Allow GET API" on. What MOR answers otherwise is not documented;
    // 405 is a guess that at least cannot pass for success.
    const allowed = request.method === 'POST' || (request.method === 'GET' && state.allowGet);
    if (!allowed) return { ...textAnswer(405, 'Method Not Allowed'), headers: { allow: 'POST' } };
    return method(state, await readMorParams(request), now());
  };
}
