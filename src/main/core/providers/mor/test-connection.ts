import type { ConnectionVerdict } from '../connection-verdict';
import { verdictFromTransport } from '../connection-verdict';
import type { MorErrorKind } from './errors';
import type { MorClient } from './mor-client';

// Answers that prove the user, the secret and the campaign are all right, though there is nothing to count yet.
const FINE: ReadonlySet<MorErrorKind> = new Set(['campaign-has-no-numbers']);

const MEANING: Partial<Record<MorErrorKind, Omit<ConnectionVerdict, 'providerText'>>> = {
  'incorrect-hash': { kind: 'credentials-rejected', message: 'MOR rejected the hash: the API secret (or the user) in the profile is wrong.' },
  'access-denied': { kind: 'not-authorised', message: 'MOR denied access: the API user is unknown, or API access is not allowed from this computer.' },
  'not-authorized': { kind: 'not-authorised', message: "MOR says this user may not use the autodialer API: check the user's permissions in MOR." },
  'campaign-not-found': { kind: 'campaign-not-found', message: 'MOR has no such campaign for this user: check the campaign id.' },
};

/** Reads the campaign's statistics: it changes nothing, and each answer tells one thing apart. */
export async function testMorConnection(client: MorClient, campaignId: string): Promise<ConnectionVerdict> {
  const answer = await client.campaignStatistics(campaignId);
  if (answer.ok) return { kind: 'ok', message: 'Connected: MOR accepted the user, the secret and the campaign.' };
  if ('transport' in answer) return verdictFromTransport(answer.transport);
  const { kind, providerText, message } = answer.error;
  if (FINE.has(kind) || /does not have any Calls/i.test(providerText)) {
    return { kind: 'ok', message: 'Connected: MOR accepted the user, the secret and the campaign.', providerText };
  }
  const meaning = MEANING[kind];
  return meaning ? { ...meaning, providerText } : { kind: 'unexpected', message, providerText };
}
