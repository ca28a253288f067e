import type { TestVerdict } from '../../../shared/profiles/profile-call-schemas';
import type { UnlockedOf, UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import type { TlsPin } from '../../../shared/profiles/tls-pin';
import { connectIsales, connectMor, connectRingostat, expectProvider, withConnection } from '../providers/connect';
import type { ConnectionVerdict } from '../providers/connection-verdict';
import { testIsalesConnection } from '../providers/isales/test-connection';
import { testMorConnection } from '../providers/mor/test-connection';
import { testRingostatConnection } from '../providers/ringostat/test-connection';
import { campaignOrDefault } from '../upload/campaign-for';
import { UserError } from '../user-error';
import { certificatePrompt } from './certificate-prompt';
import { checkSftp } from './sftp-check';

/**
 * Campaign ids no account can have (MOR's are positive; iSales numbers its campaigns from 1).
 * Both servers check the signature before they look the campaign up, so "no such campaign" for
 * this id proves the credentials while reading and changing nothing.
 */
const MOR_PROBE_CAMPAIGN = '0';
const ISALES_PROBE_CAMPAIGN = '0';

const NO_CAMPAIGN = 'No campaign was checked: the profile has no default campaign and none was given.';

export interface ConnectionTestOptions {
  /** Overrides the profile's default campaign. */
  readonly campaignId?: string;
  readonly sftpTimeoutMs: number;
}

function answer(verdict: ConnectionVerdict, pin: TlsPin): TestVerdict {
  const prompt = certificatePrompt(verdict.refusal, pin);
  return {
    kind: verdict.kind,
    message: verdict.message,
    ...(verdict.providerText === undefined ? {} : { providerText: verdict.providerText }),
    ...(prompt === undefined ? {} : { prompt }),
  };
}

/** The probe's "no such campaign" is the good answer; its provider text would only confuse. */
function credentialsOnly(verdict: ConnectionVerdict, accepted: string): ConnectionVerdict {
  if (verdict.kind !== 'ok' && verdict.kind !== 'campaign-not-found') return verdict;
  return { kind: 'ok', message: `Connected: ${accepted} ${NO_CAMPAIGN}` };
}

async function testMor({ profile, secrets }: UnlockedOf<'mor'>, options: ConnectionTestOptions): Promise<TestVerdict> {
  const campaign = campaignOrDefault(options.campaignId, profile);
  if (campaign !== undefined && !/^[1-9]\d{0,15}$/.test(campaign)) {
    throw new UserError('bad-input', `"${campaign}" is not a MOR campaign id: those are whole numbers such as 12 (see Autodialer > Campaigns). Nothing was sent.`);
  }
  const verdict = await withConnection(connectMor(profile, secrets), async (client) =>
    campaign === undefined ? credentialsOnly(await testMorConnection(client, MOR_PROBE_CAMPAIGN), 'MOR accepted the user and the API secret.') : testMorConnection(client, campaign),
  );
  return answer(verdict, profile.tls);
}

/** Ringostat's probe never names a real campaign: its one endpoint would add a number to it. */
async function testRingostat({ profile, secrets }: UnlockedOf<'ringostat'>): Promise<TestVerdict> {
  return answer(await withConnection(connectRingostat(profile, secrets), testRingostatConnection), profile.tls);
}

async function testIsales({ profile, secrets }: UnlockedOf<'isales'>, options: ConnectionTestOptions): Promise<TestVerdict> {
  const campaign = campaignOrDefault(options.campaignId, profile);
  const api = await withConnection(connectIsales(profile, secrets), async (client) =>
    campaign === undefined
      ? credentialsOnly(await testIsalesConnection(client, ISALES_PROBE_CAMPAIGN), 'CC-iSales accepted the signature (AK and SK).')
      : testIsalesConnection(client, campaign),
  );
  if (api.kind !== 'ok' || profile.sftp === null) return answer(api, profile.tls);
  const sftp = await checkSftp(profile.sftp, profile, secrets, options.sftpTimeoutMs);
  if (sftp.kind === 'ok') return { ...answer(api, profile.tls), message: `${api.message} ${sftp.message}` };
  return { ...sftp, message: `${sftp.message} (The CC-iSales API itself answered correctly.)` };
}

/** One precise verdict for a profile: its server, its credentials, its campaign and, for iSales, its SFTP server. */
export function runConnectionTest(unlocked: UnlockedProfile, options: ConnectionTestOptions): Promise<TestVerdict> {
  const doing = 'Testing the connection';
  switch (unlocked.profile.provider) {
    case 'mor':
      return testMor(expectProvider(unlocked, 'mor', doing), options);
    case 'ringostat':
      return testRingostat(expectProvider(unlocked, 'ringostat', doing));
    case 'isales':
      return testIsales(expectProvider(unlocked, 'isales', doing), options);
  }
}
