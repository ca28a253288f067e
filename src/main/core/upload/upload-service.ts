import type { JobSummary } from '../../../shared/jobs';
import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import type { UploadOptions } from '../../../shared/upload-schemas';
import type { Intake } from '../intake/intake';
import type { JobsService } from '../jobs/jobs-service';
import { campaignFor } from './campaign-for';
import { type PlanSummary, summarisePlan } from './plan-summary';
import type { UploadChoices } from './run-upload';
import { sheetContacts } from './sheet-contacts';
import { checkUploadOptions, jobChoicesOf } from './upload-options';
import { planUpload, type UploadPlan } from './upload-plan';

export interface UploadTarget {
  readonly sheetId: string;
  readonly profileId: string;
  /** Without it, the profile's default campaign. */
  readonly campaignId?: string | undefined;
  /** This upload's choices over the profile's defaults; checked against the profile's provider. */
  readonly options?: UploadOptions | undefined;
}

export interface UploadServiceDeps {
  readonly intake: Intake;
  /** Lends the profile with its secrets to `work` and masks them in whatever it throws (ProfilesService). */
  readonly withUnlocked: <T>(profileId: string, work: (unlocked: UnlockedProfile, mask: (text: string) => string) => Promise<T>) => Promise<T>;
  readonly jobs: JobsService;
  /** Choices for every upload (tests: fast timing); the target's options win over them. */
  readonly choices?: UploadChoices;
}

interface Prepared {
  readonly campaignId: string;
  readonly choices: UploadChoices;
  readonly plan: UploadPlan;
  readonly fileName: string;
  readonly contentSha256: string;
}

/**
 * Uploads of the sheet open in the window: the plan (a dry run), and the send, which becomes a
 * job journaled on disk (JobsService) so it survives a crash and can be read again later.
 */
export class UploadService {
  constructor(private readonly deps: UploadServiceDeps) {}

  private async prepare(unlocked: UnlockedProfile, target: UploadTarget): Promise<Prepared> {
    // Checked before anything else: a choice the profile cannot use stops the upload here.
    const options = checkUploadOptions(unlocked, target.options);
    const campaignId = campaignFor(unlocked, target.campaignId);
    const view = await this.deps.intake.view(target.sheetId);
    const plan = await planUpload(unlocked.profile.provider, sheetContacts(this.deps.intake, target.sheetId));
    return { campaignId, choices: { ...this.deps.choices, ...options }, plan, fileName: view.fileName, contentSha256: view.contentSha256 };
  }

  plan(target: UploadTarget): Promise<PlanSummary> {
    return this.deps.withUnlocked(target.profileId, async (unlocked) => {
      const { campaignId, plan, choices } = await this.prepare(unlocked, target);
      return summarisePlan(unlocked, campaignId, plan, choices);
    });
  }

  /** Creates the job and runs it; answers when the run ends, however it ended. */
  async send(target: UploadTarget): Promise<JobSummary> {
    const id = await this.deps.withUnlocked(target.profileId, async (unlocked) => {
      const { campaignId, plan, fileName, contentSha256, choices } = await this.prepare(unlocked, target);
      return this.deps.jobs.create({
        profile: { name: unlocked.profile.name, id: target.profileId, file: null },
        campaignId,
        fileName,
        contentSha256,
        plan,
        // What is chosen for this upload goes with the job, so a resumed run sends the same way.
        choices: jobChoicesOf(choices),
      });
    });
    return this.deps.jobs.resume(id);
  }
}
