import type { SimAnswer } from '../http/sim-http';
import { morGate, ownedCampaign } from './mor-auth';
import type { MorParams } from './mor-params';
import type { MorCall, MorCallResult, MorCampaign, MorState } from './mor-state';
import { MOR_TEXT } from './mor-texts';
import { morErrorAnswer, morStatusAnswer, type XmlChildren } from './mor-xml';

export interface Period {
  readonly start: number;
  readonly end: number;
}

/** Documented default: today 00:00 to 23:59, in the server's time. */
export function todayPeriod(now: Date): Period {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59, 59);
  return { start: Math.floor(start.getTime() / 1000), end: Math.floor(end.getTime() / 1000) };
}

// Not documented: what MOR does with a timestamp that is not a number. Here it counts as absent.
function unixSeconds(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0.00' : ((part / whole) * 100).toFixed(2);
}

function resultGroup(calls: readonly MorCall[], result: MorCallResult): readonly [string, XmlChildren] {
  const count = calls.filter((call) => call.result === result).length;
  return [
    result,
    [
      [`${result}_calls`, count],
      [`${result}_percent`, percent(count, calls.length)],
    ],
  ];
}

/**
 * The documented fields, filled from the simulated calls. Guesses: "completed" counts numbers
 * with an answered call and "failed" numbers called without one; times are in seconds; the
 * page also names a call-level "failed" group, which would clash with the "failed" number
 * count in the same element, so it is left out.
 */
function statisticsXml(campaign: MorCampaign, period: Period, calls: readonly MorCall[]): XmlChildren {
  const answeredNumbers = new Set(calls.filter((c) => c.result === 'answered').map((c) => c.number));
  const calledNumbers = new Set(calls.map((c) => c.number));
  const talk = calls.reduce((sum, c) => sum + c.billsec, 0);
  const longTalk = calls.filter((c) => c.billsec > 10).reduce((sum, c) => sum + c.billsec, 0);
  return [
    ['campaign_name', campaign.name],
    [
      'campaign_statistics',
      [
        [
          'period',
          [
            ['period_start', period.start],
            ['period_end', period.end],
          ],
        ],
        ['total_numbers', campaign.numbers.length],
        ['failed', [...calledNumbers].filter((n) => !answeredNumbers.has(n)).length],
        ['completed', answeredNumbers.size],
        ['total_call_time', talk],
        ['total_call_time_longer_than_10s', longTalk],
        resultGroup(calls, 'answered'),
        resultGroup(calls, 'no_answer'),
        resultGroup(calls, 'busy'),
      ],
    ],
  ];
}

/** autodialer_get_campaign_statistics: u, id, period_start, period_end are hashed. */
export function campaignStatistics(state: MorState, params: MorParams, now: Date): SimAnswer {
  const hashed = [params.get('u'), params.get('id'), params.get('period_start'), params.get('period_end')];
  // The page lists no "not authorized" for this method; any user passes, and only owners find the campaign.
  const gate = morGate(state, params, { hashed, roles: ['user', 'admin', 'accountant'], deniedText: MOR_TEXT.notAuthorized });
  if (!gate.ok) return morErrorAnswer(gate.error);
  const campaign = ownedCampaign(state, params.get('id'), gate.user);
  if (campaign === undefined) return morErrorAnswer(MOR_TEXT.campaignNotFound);
  const today = todayPeriod(now);
  const period = { start: unixSeconds(params.get('period_start')) ?? today.start, end: unixSeconds(params.get('period_end')) ?? today.end };
  if (period.start > period.end) return morErrorAnswer(MOR_TEXT.dateFromAfterTill);
  if (campaign.numbers.length === 0) return morErrorAnswer(MOR_TEXT.noNumbers);
  const calls = campaign.calls.filter((call) => call.at >= period.start && call.at <= period.end);
  if (calls.length === 0) return morErrorAnswer(MOR_TEXT.noCallsInPeriod);
  return morStatusAnswer(statisticsXml(campaign, period, calls));
}
