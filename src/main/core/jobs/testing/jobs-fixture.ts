import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { UnlockedProfile } from '../../../../shared/profiles/profile-schemas';
import { lendUnlocked } from '../../store/secrets/lend-unlocked';
import type { UploadChoices } from '../../upload/run-upload';
import type { UploadPlan } from '../../upload/upload-plan';
import { JobsService, type JobsServiceDeps, type NewJob } from '../jobs-service';

/** A jobs folder of its own in the system's temporary folder; `remove` cleans it up. */
export async function tempJobsDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dialsheet-jobs-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A JobsService whose every job sends with `unlocked`, masking its secrets as the real hosts do. */
export function jobsFor(jobsDir: string, unlocked: UnlockedProfile, extra: Partial<JobsServiceDeps> & { choices?: UploadChoices } = {}): JobsService {
  return new JobsService({
    jobsDir,
    withProfile: (_profile, work) => lendUnlocked(unlocked, work),
    ...extra,
  });
}

export function newJob(plan: UploadPlan, campaignId: string, unlocked: UnlockedProfile): NewJob {
  return {
    profile: { name: unlocked.profile.name, id: null, file: null },
    campaignId,
    fileName: 'list.csv',
    contentSha256: '0'.repeat(64),
    plan,
  };
}
