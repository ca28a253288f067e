import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import type { ReceiptRow } from '../../../shared/receipt';
import type { PlanTravel, UploadOptions } from '../../../shared/upload-schemas';
import { describePlanBatches, type PlanBatch, planBatchList, planTravel } from './plan-batches';
import type { UploadChoices } from './run-upload';
import { usedOptions } from './upload-options';
import type { UploadPlan } from './upload-plan';

export interface PlanSummary {
  readonly provider: UnlockedProfile['profile']['provider'];
  readonly campaignId: string;
  readonly rows: number;
  readonly planned: number;
  readonly numbers: number;
  readonly invalid: number;
  readonly duplicate: number;
  /** How the rows travel, in English words for the command line. */
  readonly batches: string;
  /** The same in figures, for the window to word in its language. */
  readonly travel: PlanTravel;
  readonly batchList: PlanBatch[];
  readonly batchCount: number;
  /** What the upload uses: the profile's defaults with this upload's choices over them (usedOptions). */
  readonly options: UploadOptions | null;
  /** The first rows that will not be sent. */
  readonly skipped: ReceiptRow[];
}

/** Rows left out that the dry run lists one by one; the counts say how many in all. */
export const LISTED_SKIPPED = 200;

/** The plan in figures and words, as the dry run shows it in the window and on the command line. */
export function summarisePlan(unlocked: UnlockedProfile, campaignId: string, plan: UploadPlan, choices: UploadChoices = {}): PlanSummary {
  const invalid = plan.skipped.filter((r) => r.status === 'invalid').length;
  const batches = planBatchList(unlocked, plan, choices);
  const travel = planTravel(unlocked, plan, choices);
  return {
    provider: plan.provider,
    campaignId,
    rows: plan.rows,
    planned: plan.send.length,
    numbers: plan.numbers,
    invalid,
    duplicate: plan.skipped.length - invalid,
    batches: describePlanBatches(travel),
    travel,
    batchList: batches.list,
    batchCount: batches.count,
    options: usedOptions(unlocked, choices),
    skipped: plan.skipped.slice(0, LISTED_SKIPPED),
  };
}
