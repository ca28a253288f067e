import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { describePlanBatches } from './plan-batches';
import type { UploadChoices } from './run-upload';
import type { UploadPlan } from './upload-plan';

export interface PlanSummary {
  readonly provider: UnlockedProfile['profile']['provider'];
  readonly campaignId: string;
  readonly rows: number;
  readonly planned: number;
  readonly numbers: number;
  readonly invalid: number;
  readonly duplicate: number;
  readonly batches: string;
}

/** The plan in figures and words, as the dry run shows it in the window and on the command line. */
export function summarisePlan(unlocked: UnlockedProfile, campaignId: string, plan: UploadPlan, choices: UploadChoices = {}): PlanSummary {
  const invalid = plan.skipped.filter((r) => r.status === 'invalid').length;
  return {
    provider: plan.provider,
    campaignId,
    rows: plan.rows,
    planned: plan.send.length,
    numbers: plan.numbers,
    invalid,
    duplicate: plan.skipped.length - invalid,
    batches: describePlanBatches(unlocked, plan, choices),
  };
}
