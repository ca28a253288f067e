import { randomBytes } from 'node:crypto';

import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import type { ReceiptCounts, ReceiptRow, ReceiptStatus } from '../../../shared/receipt';
import type { Intake } from '../intake/intake';
import { UserError } from '../user-error';
import { campaignFor } from './campaign-for';
import { type PlanSummary, summarisePlan } from './plan-summary';
import { runUpload, type UploadChoices, type UploadReceipt } from './run-upload';
import { sheetContacts } from './sheet-contacts';
import { planUpload, type UploadPlan } from './upload-plan';

export interface UploadTarget {
  readonly sheetId: string;
  readonly profileId: string;
  /** Without it, the profile's default campaign. */
  readonly campaignId?: string | undefined;
}

export interface UploadProgressEvent {
  readonly uploadId: string;
  readonly done: number;
  readonly total: number;
}

export interface UploadServiceDeps {
  readonly intake: Intake;
  /** Lends the profile with its secrets to `work` and masks them in whatever it throws (ProfilesService). */
  readonly withUnlocked: <T>(profileId: string, work: (unlocked: UnlockedProfile, mask: (text: string) => string) => Promise<T>) => Promise<T>;
  readonly emitProgress: (event: UploadProgressEvent) => void;
  readonly choices?: UploadChoices;
}

// Often enough for a bar to move smoothly, rarely enough not to flood the window.
const PROGRESS_EVERY_MS = 100;
/** Receipts kept for the window until the jobs journal (issue 5) keeps them on disk. */
const KEPT_RECEIPTS = 20;



/**
 * Uploads of the sheet open in the window: the plan (a dry run) and the send, with progress
 * events and the receipt kept to page through. Secrets are unlocked here, in the main process,
 * and nothing that leaves this service carries them.
 */
export class UploadService {
  private readonly receipts = new Map<string, UploadReceipt>();

  constructor(private readonly deps: UploadServiceDeps) {}

  private async prepare(unlocked: UnlockedProfile, target: UploadTarget): Promise<{ campaignId: string; plan: UploadPlan; fileName: string }> {
    const campaignId = campaignFor(unlocked, target.campaignId);
    const view = await this.deps.intake.view(target.sheetId);
    const plan = await planUpload(unlocked.profile.provider, sheetContacts(this.deps.intake, target.sheetId));
    return { campaignId, plan, fileName: view.fileName };
  }

  plan(target: UploadTarget): Promise<PlanSummary> {
    return this.deps.withUnlocked(target.profileId, async (unlocked) => {
      const { campaignId, plan } = await this.prepare(unlocked, target);
      return summarisePlan(unlocked, campaignId, plan, this.deps.choices);
    });
  }

  send(target: UploadTarget): Promise<{ uploadId: string; provider: PlanSummary['provider']; campaignId: string; counts: ReceiptCounts }> {
    return this.deps.withUnlocked(target.profileId, async (unlocked, mask) => {
      const { campaignId, plan, fileName } = await this.prepare(unlocked, target);
      const uploadId = `upload-${randomBytes(8).toString('hex')}`;
      let last = 0;
      const receipt = await runUpload({
        unlocked,
        campaignId,
        plan,
        fileName,
        ...(this.deps.choices === undefined ? {} : { choices: this.deps.choices }),
        onProgress: (done, total) => {
          const now = Date.now();
          if (done < total && now - last < PROGRESS_EVERY_MS) return;
          last = now;
          this.deps.emitProgress({ uploadId, done, total });
        },
      });
      // The clients mask what they quote already; this is the last gate before the window.
      this.keep(uploadId, { ...receipt, rows: receipt.rows.map((row) => ({ ...row, message: mask(row.message) })) });
      return { uploadId, provider: receipt.provider, campaignId, counts: receipt.counts };
    });
  }

  rows(uploadId: string, offset: number, limit: number, status: ReceiptStatus | 'all'): { total: number; rows: ReceiptRow[] } {
    const receipt = this.receipts.get(uploadId);
    if (receipt === undefined) throw new UserError('not-found', 'That receipt is no longer open. Receipts of this session are kept for the last 20 uploads.');
    const rows = status === 'all' ? receipt.rows : receipt.rows.filter((r) => r.status === status);
    return { total: rows.length, rows: rows.slice(offset, offset + limit) };
  }

  private keep(uploadId: string, receipt: UploadReceipt): void {
    this.receipts.set(uploadId, receipt);
    for (const old of this.receipts.keys()) {
      if (this.receipts.size <= KEPT_RECEIPTS) break;
      this.receipts.delete(old);
    }
  }
}
