import { basename } from 'node:path';

import type { UnlockedProfile } from '../../shared/profiles/profile-schemas';
import { RECEIPT_STATUSES, type ReceiptRow } from '../../shared/receipt';
import type { CheckOptions } from '../../shared/sheet-schemas';
import { localIntake } from '../core/intake/intake';
import { PROVIDER_NAMES } from '../core/providers/connect';
import { readProfileJson } from '../core/store/profiles/profile-json';
import { campaignFor } from '../core/upload/campaign-for';
import { summarisePlan } from '../core/upload/plan-summary';
import { runUpload, type UploadReceipt } from '../core/upload/run-upload';
import { sheetContacts } from '../core/upload/sheet-contacts';
import { planUpload, type UploadPlan } from '../core/upload/upload-plan';
import { firstLines, SOME_NOT_DONE } from './cli-output';
import { openCheckedFile } from './inspect-command';

export interface UploadCommandOptions {
  readonly file: string;
  readonly profilePath: string;
  /** From --campaign; without it, the profile's default campaign. */
  readonly campaign?: string;
  /** From --country; without it, the profile's default country. */
  readonly country?: string;
  /** The computer's country, for a profile file that names none. */
  readonly localeCountry: string;
  readonly mode: CheckOptions['mode'];
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly phoneColumn?: string;
  readonly encoding?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly dataDir: string | null;
  /** Where progress goes while sending (stderr on a terminal); never the receipt. */
  readonly progress?: (text: string) => void;
}

export interface UploadOutcome {
  readonly text: string;
  readonly exitCode: number;
}

function rowLines(rows: readonly ReceiptRow[], wanted: (row: ReceiptRow) => boolean): string[] {
  return firstLines(rows.filter(wanted), (r) => `  row ${r.row}  ${r.number || '(empty)'}  ${r.status}: ${r.message}`);
}

function target(options: UploadCommandOptions, unlocked: UnlockedProfile, campaign: string): string {
  return `${basename(options.file)} → ${PROVIDER_NAMES[unlocked.profile.provider]} campaign ${campaign} (profile "${unlocked.profile.name}")`;
}

function dryRunOutcome(options: UploadCommandOptions, unlocked: UnlockedProfile, campaign: string, plan: UploadPlan): UploadOutcome {
  const { planned, numbers, invalid, duplicate, batches } = summarisePlan(unlocked, campaign, plan);
  if (options.json) {
    const toSend = plan.send.map((c) => ({ row: c.row, number: c.numbers.join(', '), status: 'planned', message: 'Will be sent.' }));
    const rows = [...plan.skipped, ...toSend].sort((a, b) => a.row - b.row);
    return { exitCode: 0, text: JSON.stringify({ dryRun: true, provider: unlocked.profile.provider, campaign, planned, numbers, invalid, duplicate, batches, rows }) };
  }
  const lines = [
    'Dry run: nothing was sent.',
    target(options, unlocked, campaign),
    `  data rows:  ${plan.rows}`,
    `  to send:    ${planned} row(s), ${numbers} number(s), as ${batches}`,
    `  invalid:    ${invalid} (not sent)`,
    `  duplicate:  ${duplicate} (not sent)`,
  ];
  if (plan.skipped.length > 0) lines.push('', 'Rows that will not be sent:', ...rowLines(plan.skipped, () => true));
  return { exitCode: 0, text: lines.join('\n') };
}

function receiptOutcome(options: UploadCommandOptions, unlocked: UnlockedProfile, receipt: UploadReceipt): UploadOutcome {
  const { counts } = receipt;
  const exitCode = counts.rejected + counts.unknown > 0 ? SOME_NOT_DONE : 0;
  if (options.json) return { exitCode, text: JSON.stringify({ ...counts, rows: receipt.rows }) };
  const lines = [target(options, unlocked, receipt.campaignId), `  data rows:  ${receipt.rows.length}`, ...RECEIPT_STATUSES.map((s) => `  ${`${s}:`.padEnd(11)} ${counts[s]}`)];
  if (counts.unknown > 0) lines.push('', 'Unknown means the provider may hold the number or not: check the campaign before sending those rows again.');
  const notIn = rowLines(receipt.rows, (r) => r.status !== 'imported');
  if (notIn.length > 0) lines.push('', 'Rows not imported:', ...notIn);
  return { exitCode, text: lines.join('\n') };
}

/** `dialsheet upload`: the file through the intake, a plan, then the provider, and a receipt. */
export async function runUploadCommand(options: UploadCommandOptions): Promise<UploadOutcome> {
  const unlocked = await readProfileJson(options.profilePath, { env: options.env, country: options.country ?? options.localeCountry });
  const campaign = campaignFor(unlocked, options.campaign);
  const country = options.country ?? unlocked.profile.defaultCountry;
  const { intake, view } = await openCheckedFile({
    file: options.file,
    country,
    mode: options.mode,
    dataDir: options.dataDir,
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.headerRow === undefined ? {} : { headerRow: options.headerRow }),
    ...(options.phoneColumn === undefined ? {} : { phoneColumn: options.phoneColumn }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  });
  const plan = await planUpload(unlocked.profile.provider, sheetContacts(localIntake(intake), view.sheetId));
  if (options.dryRun) return dryRunOutcome(options, unlocked, campaign, plan);
  const receipt = await runUpload({
    unlocked,
    campaignId: campaign,
    plan,
    fileName: view.fileName,
    onProgress: (done, total) => options.progress?.(`Sent ${done} of ${total} rows`),
    onUploadProgress: (sent, total) => options.progress?.(`SFTP: ${Math.round((100 * sent) / Math.max(total, 1))}% of ${total} bytes`),
  });
  return receiptOutcome(options, unlocked, receipt);
}
