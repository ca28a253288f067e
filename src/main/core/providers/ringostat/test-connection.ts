import { type ConnectionVerdict, verdictFromTransport } from '../connection-verdict';
import type { RingostatClient } from './ringostat-client';

/**
 * Ringostat publishes one endpoint, which adds a number: there is no way to check a campaign
 * without adding to it. The probe sends a row for campaign 0 with no number, which no campaign
 * can take, so only the project id and the Auth-key are tested. How Ringostat answers it is a
 * guess (provider-apis.md §3.3): 401/403 for a bad key, 400/404 for a row it will not take.
 */
export async function testRingostatConnection(client: RingostatClient): Promise<ConnectionVerdict> {
  const outcome = await client.addRow({ campaignId: '0', phone: '' });
  if (outcome.kind === 'transport') return verdictFromTransport(outcome.failure);
  if (outcome.kind === 'rejected' && outcome.reason === 'auth-rejected') {
    return { kind: 'credentials-rejected', message: 'Ringostat refused the project id or the Auth-key (Settings > Integration > Ringostat API).', providerText: outcome.providerText };
  }
  if (outcome.kind === 'retryable') {
    return { kind: 'unexpected', message: outcome.message, providerText: outcome.providerText };
  }
  return {
    kind: 'ok',
    message: 'Connected: Ringostat accepted the project id and the Auth-key. The campaign itself can only be checked by sending a number to it.',
  };
}
