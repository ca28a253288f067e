import type { z } from 'zod';

import type { addClisOutputSchema, ivrResultsOutputSchema } from '../../../shared/mor-tools-schemas';
import type { ReceiptFormat } from '../../../shared/jobs';
import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { expectProvider } from '../providers/connect';
import { addClis } from './cli-add';
import { parseCliSheet } from './cli-sheet';
import { fetchIvrResults, ivrResultsBytes, ivrResultsFileName, parseCampaignId } from './ivr-results';
import { withMorClient } from './open-mor-profile';

type IvrResultsAnswer = z.infer<typeof ivrResultsOutputSchema>;
type AddClisAnswer = z.infer<typeof addClisOutputSchema>;
type WithUnlocked = <T>(profileId: string, work: (unlocked: UnlockedProfile, mask: (text: string) => string) => Promise<T>) => Promise<T>;

/** MOR's IVR poll results and cli_add for the window, with the profile's secrets kept in the main process. */
export class MorToolsService {
  constructor(
    private readonly withUnlocked: WithUnlocked,
    private readonly pauseMs?: number,
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

  /** Checks the sheet of CLIs, sends one cli_add per good row, and gives one outcome per row. */
  addClis(profileId: string, fileName: string, bytes: Uint8Array): Promise<AddClisAnswer> {
    return this.withUnlocked(profileId, async (unlocked, mask) => {
      const mor = expectProvider(unlocked, 'mor', 'Adding CLIs');
      const sheet = await parseCliSheet(bytes, fileName);
      const report = await withMorClient(mor, (client, apiSecret) =>
        addClis(client, sheet.rows, { apiSecret, ...(this.pauseMs === undefined ? {} : { pauseMs: this.pauseMs }) }),
      );
      return { ...report, rows: report.rows.map((row) => ({ ...row, message: mask(row.message) })), notes: [...sheet.notes] };
    });
  }
}
