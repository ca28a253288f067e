import { describeTransportError } from '../transport/http-call';
import { classifyCampaignRowAnswer } from './answer';
import type { RowCall } from './ringostat-client';

/**
 * Test support: answers of RingostatClient.addRow built by the same classifiers the client
 * uses, so the tests meet the shapes real traffic produces.
 */
const URL = 'https://api.ringostat.net/power-dialer/campaigns/campaign-rows';

export const imported = (): RowCall => classifyCampaignRowAnswer({ status: 200, body: '{"result": true}' });

export const tooManyRequests = (retryAfterSeconds?: number): RowCall =>
  classifyCampaignRowAnswer({ status: 429, body: '{"message":"Too Many Requests"}', retryAfter: retryAfterSeconds === undefined ? null : String(retryAfterSeconds) });

export const serverError = (status = 503): RowCall => classifyCampaignRowAnswer({ status, body: 'Service Unavailable' });

export const rejected = (status = 404, body = '{"result":false,"message":"Campaign not found"}'): RowCall => classifyCampaignRowAnswer({ status, body });

function transport(code: string, name = 'TypeError'): RowCall {
  const error = Object.assign(new Error('fetch failed', { cause: Object.assign(new Error(code), { code }) }), { name });
  return { kind: 'transport', failure: describeTransportError(error, URL) };
}

/** Refused before anything was sent: certainly not arrived. */
export const connectionRefused = (): RowCall => transport('ECONNREFUSED');
export const dnsFailure = (): RowCall => transport('ENOTFOUND');
export const untrustedCertificate = (): RowCall => transport('DEPTH_ZERO_SELF_SIGNED_CERT');
/** Lost after sending: may have arrived. */
export const connectionReset = (): RowCall => transport('ECONNRESET');
export const timedOut = (): RowCall => transport('', 'TimeoutError');
