import type { UnlockedProfile } from '../../../../shared/profiles/profile-schemas';
import { createIntakeService } from '../../intake/create-intake-service';
import { localIntake } from '../../intake/intake';
import { demoProfileFiles } from '../../simulator/demo-profiles';
import type { Simulator } from '../../simulator/start-simulator';
import { parseProfileJson } from '../../store/profiles/profile-json';
import { runUpload, type UploadChoices, type UploadReceipt } from '../run-upload';
import { sheetContacts } from '../sheet-contacts';
import { planUpload, type UploadPlan } from '../upload-plan';

/** A simulator's demo profile for a provider, as the command line would read it. */
export async function demoUnlocked(sim: Simulator, provider: UnlockedProfile['profile']['provider'], change: Record<string, unknown> = {}): Promise<UnlockedProfile> {
  const file = { ...demoProfileFiles(sim)[provider], ...change };
  return parseProfileJson(JSON.stringify(file), { path: `/tmp/${provider}.json`, env: {}, country: 'UA' });
}

/** Reads a CSV text through the real intake and plans it for the provider. */
export async function planCsv(csv: string, provider: UnlockedProfile['profile']['provider'], fileName = 'list.csv'): Promise<UploadPlan> {
  const service = createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
  const intake = localIntake(service);
  const view = await intake.open(fileName, new TextEncoder().encode(csv));
  await service.finished(view.sheetId);
  return planUpload(provider, sheetContacts(intake, view.sheetId));
}

export async function uploadCsv(csv: string, unlocked: UnlockedProfile, campaignId: string, choices: UploadChoices = {}): Promise<UploadReceipt> {
  const plan = await planCsv(csv, unlocked.profile.provider);
  return runUpload({ unlocked, campaignId, plan, fileName: 'list.csv', choices });
}
