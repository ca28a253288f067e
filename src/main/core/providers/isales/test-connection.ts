import { type ConnectionVerdict, verdictFromTransport } from '../connection-verdict';
import type { IsalesClient } from './isales-client';

/** 0200007: the campaign does not exist (documented for add-numbers; the simulator answers it for queries too). */
const CAMPAIGN_MISSING = '0200007';

/** Asks for the campaign's import tasks: it changes nothing, and needs a valid signature and campaign. */
export async function testIsalesConnection(client: IsalesClient, campaignId: string): Promise<ConnectionVerdict> {
  const answer = await client.queryImportTasks(campaignId, []);
  if (answer.ok) return { kind: 'ok', message: 'Connected: CC-iSales accepted the signature and knows the campaign.' };
  if ('transport' in answer) return verdictFromTransport(answer.transport);
  const { kind, code, providerText, message } = answer.error;
  if (kind === 'signature-rejected') {
    return {
      kind: 'credentials-rejected',
      message:
        'CC-iSales refused the signature (HTTP 401): check the AK and SK. If they are right, try the other signature encoding (hex or Base64) in the profile: which one your server wants is not documented.',
      providerText,
    };
  }
  if (code === CAMPAIGN_MISSING) return { kind: 'campaign-not-found', message: 'CC-iSales has no such campaign in this VDN: check the campaign id and the VDN id.', providerText };
  return { kind: 'unexpected', message, providerText };
}
