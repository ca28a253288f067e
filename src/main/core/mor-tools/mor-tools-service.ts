import type { z } from 'zod';

import type { addClisOutputSchema, cliProgressSchema, ivrResultsOutputSchema } from '../../../shared/mor-tools-schemas';
import type { ReceiptFormat } from '../../../shared/jobs';
import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { ProgressMeter } from '../jobs/progress-meter';
import { expectProvider } from '../providers/connect';
import { addClis } from './cli-add';
import { CliReceipts, newCliRunId } from './cli-receipt';
import { parseCliSheet } from './cli-sheet';
import { type CliSheetCheck, checkCliSheet } from './cli-sheet-check';
import { fetchIvrResults, ivrResultsBytes, ivrResultsFileName, parseCampaignId } from './ivr-results';
import { withMorClient } from './open-mor-profile';

type IvrResultsAnswer = z.infer<typeof ivrResultsOutputSchema>;
type AddClisAnswer = z.infer<typeof addClisOutputSchema>;
type CliProgress = z.infer<typeof cliProgressSchema>;
type WithUnlocked = <T>(profileId: string, work: (unlocked: UnlockedProfile, mask: (text: string) => string) => Promise<T>) => Promise<T>;

export interface MorToolsOptions {
  /** The pause between two cli_add requests (cli-add's default when left out). */
  readonly pauseMs?: number;
  /** Told how far an addClis run is: at most every 100 ms, and always at the start and the end. */
  readonly emitProgress?: (progress: CliProgress) => void;
  /** The clock the progress is throttled by. */
  readonly now?: () => number;
}

/** MOR's IVR poll results and cli_add for the window, with the profile's secrets kept in the main process. */
export class MorToolsService {
  private readonly receipts = new CliReceipts();

  constructor(
    private readonly withUnlocked: WithUnlocked,
    private readonly options: MorToolsOptions = {},
  ) {}

  ivrResults(profileId: string, campaignId: string): Promise<IvrResultsAnswer> {
    const campaign = parseCampaignId(campaignId);
    return this.withUnlocked(profileId, async (unlocked) => {
      const mor = expectProvider(unlocked, 'mor', 'IVR poll results');
      const results = await withMorClient(mor, (client, apiSecret) => fetchIvrResults(client, campaign, apiSecret));
      return { campaign: results.campaign, header: [...results.header], rows: results.rows.map((row) => [...row]), raw: results.raw };
    });
  }

  /** The same results as a CSV or XLSX file with the columns of `dialsheet ivr-results --out`. */
  async exportIvrResults(profileId: string, campaignId: string, format: ReceiptFormat): Promise<{ fileName: string; bytes: Uint8Array }> {
    const campaign = parseCampaignId(campaignId);
    return this.withUnlocked(profileId, async (unlocked) => {
      const mor = expectProvider(unlocked, 'mor', 'IVR poll results');
      const results = await withMorClient(mor, (client, apiSecret) => fetchIvrResults(client, campaign, apiSecret));
      return { fileName: ivrResultsFileName(campaign, format), bytes: await ivrResultsBytes(format, results) };
    });
  }

  /** Reads and checks a sheet of CLIs as addClis will, and sends nothing: no profile is needed. */
  checkClis(fileName: string, bytes: Uint8Array): Promise<CliSheetCheck> {
    return checkCliSheet(bytes, fileName);
  }

  /**
   * Checks the sheet of CLIs, sends one cli_add per good row, and gives one outcome per row; the
   * receipt is kept under the answer's runId for exportCliReceipt.
   */
  addClis(profileId: string, fileName: string, bytes: Uint8Array): Promise<AddClisAnswer> {
    const { pauseMs, emitProgress, now } = this.options;
    return this.withUnlocked(profileId, async (unlocked, mask) => {
      const mor = expectProvider(unlocked, 'mor', 'Adding CLIs');
      const sheet = await parseCliSheet(bytes, fileName);
      const runId = newCliRunId();
      const total = sheet.rows.length;
      const meter = new ProgressMeter(({ done }) => emitProgress?.({ runId, done, total }), now === undefined ? {} : { now });
      let done = 0;
      meter.update(done, total);
      const report = await withMorClient(mor, (client, apiSecret) =>
        addClis(client, sheet.rows, {
          apiSecret,
          onOutcome: () => {
            done += 1;
            meter.update(done, total);
          },
          ...(pauseMs === undefined ? {} : { pauseMs }),
        }),
      );
      const rows = report.rows.map((row) => ({ ...row, message: mask(row.message) }));
      this.receipts.add(runId, fileName, rows);
      return { runId, ...report, rows, notes: [...sheet.notes] };
    });
  }

  /** A recent addClis run's receipt as a CSV or XLSX file: the rows exactly as the window was given them. */
  exportCliReceipt(runId: string, format: ReceiptFormat): Promise<{ fileName: string; bytes: Uint8Array }> {
    return this.receipts.export(runId, format);
  }
}
