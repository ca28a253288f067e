import { basename, resolve } from 'node:path';

import type { UnlockedProfile } from '../../shared/profiles/profile-schemas';
import type { ReceiptRow } from '../../shared/receipt';
import type { CheckOptions } from '../../shared/sheet-schemas';
import type { UploadOptions } from '../../shared/upload-schemas';
import { localIntake } from '../core/intake/intake';
import { PROVIDER_NAMES } from '../core/providers/connect';
import { readProfileJson } from '../core/store/profiles/profile-json';
import { campaignFor } from '../core/upload/campaign-for';
import { summarisePlan } from '../core/upload/plan-summary';
import type { UploadChoices } from '../core/upload/run-upload';
import { sheetContacts } from '../core/upload/sheet-contacts';
import { checkUploadOptions, jobChoicesOf } from '../core/upload/upload-options';
import { UserError } from '../core/user-error';
import { planUpload, type UploadPlan } from '../core/upload/upload-plan';
import { checkJobProfile, cliJobs } from './cli-jobs';
import { firstLines } from './cli-output';
import { openCheckedFile } from './inspect-command';
import { jobReportText, runExitCode, runJson } from './job-report';
import { pausableRun, type RunOutput } from './pausable-run';

export interface UploadCommandOptions extends RunOutput {
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
  /** For remembered column mappings; null: remember nothing (tests). */
  readonly dataDir: string | null;
  /** The data folder's jobs/: the upload runs as a job written down there. */
  readonly jobsDir: string;
  /** From --numbers-per-file, --concurrency, --requests-per-second and --at (uploadOptionsFromFlags). */
  readonly options?: UploadOptions;
  /** Choices for the run besides the profile's (tests: a fast iSales poll). */
  readonly choices?: UploadChoices;
}

/** The flags of this upload's own choices, as parseArgs gives them. */
export interface UploadOptionFlags {
  readonly 'numbers-per-file'?: string | undefined;
  readonly concurrency?: string | undefined;
  readonly 'requests-per-second'?: string | undefined;
  readonly at?: string | undefined;
}

function numberFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UserError('bad-input', `--${name} wants a number, not "${text}". Nothing was sent.`);
  return value;
}

/**
 * The upload's own choices from its flags; whether they are in range and fit the profile's
 * provider is checked with the profile, as for the window (checkUploadOptions).
 */
export function uploadOptionsFromFlags(flags: UploadOptionFlags): UploadOptions {
  const numbersPerFile = numberFlag('numbers-per-file', flags['numbers-per-file']);
  const concurrency = numberFlag('concurrency', flags.concurrency);
  const requestsPerSecond = numberFlag('requests-per-second', flags['requests-per-second']);
  let at: UploadOptions['at'];
  if (flags.at !== undefined) {
    const time = /^(\d{1,2}):(\d{2})$/.exec(flags.at.trim());
    if (time === null) throw new UserError('bad-input', `--at wants a time as HH:MM, such as 21:30, not "${flags.at}". Nothing was sent.`);
    at = { hour: Number(time[1]), minute: Number(time[2]) };
  }
  return {
    ...(numbersPerFile === undefined ? {} : { numbersPerFile }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(requestsPerSecond === undefined ? {} : { requestsPerSecond }),
    ...(at === undefined ? {} : { at }),
  };
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

function dryRunOutcome(options: UploadCommandOptions, unlocked: UnlockedProfile, campaign: string, plan: UploadPlan, chosen: UploadOptions): UploadOutcome {
  const { planned, numbers, invalid, duplicate, batches, batchList, batchCount, options: used } = summarisePlan(unlocked, campaign, plan, { ...options.choices, ...chosen });
  if (options.json) {
    const toSend = plan.send.map((c) => ({ row: c.row, number: c.numbers.join(', '), status: 'planned', message: 'Will be sent.' }));
    const rows = [...plan.skipped, ...toSend].sort((a, b) => a.row - b.row);
    return {
      exitCode: 0,
      text: JSON.stringify({ dryRun: true, provider: unlocked.profile.provider, campaign, planned, numbers, invalid, duplicate, batches, batchList, batchCount, options: used, rows }),
    };
  }
  const lines = [
    'Dry run: nothing was sent.',
    target(options, unlocked, campaign),
    `  data rows:  ${plan.rows}`,
    `  to send:    ${planned} row(s), ${numbers} number(s), as ${batches}`,
    `  invalid:    ${invalid} (not sent)`,
    `  duplicate:  ${duplicate} (not sent)`,
  ];
  if (batchCount > 1) {
    lines.push('', 'Batches:', ...batchList.map((b) => `  ${b.label}: rows ${b.firstRow}–${b.lastRow}, ${b.numbers} number(s)`));
    if (batchCount > batchList.length) lines.push(`  … and ${batchCount - batchList.length} more`);
  }
  if (plan.skipped.length > 0) lines.push('', 'Rows that will not be sent:', ...rowLines(plan.skipped, () => true));
  return { exitCode: 0, text: lines.join('\n') };
}

/** `dialsheet upload`: the file through the intake, a plan, then a job that sends it, and its receipt. */
export async function runUploadCommand(options: UploadCommandOptions): Promise<UploadOutcome> {
  const unlocked = await readProfileJson(options.profilePath, { env: options.env, country: options.country ?? options.localeCountry });
  const chosen = checkUploadOptions(unlocked, options.options);
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
  if (options.dryRun) return dryRunOutcome(options, unlocked, campaign, plan, chosen);
  return sendAsJob(options, unlocked, campaign, plan, view, chosen);
}

/**
 * Writes the upload down as a job (plan on disk before anything is sent), says its id at once so
 * a crash or Ctrl-C can be resumed, then sends it and gives its receipt.
 */
async function sendAsJob(
  options: UploadCommandOptions,
  unlocked: UnlockedProfile,
  campaign: string,
  plan: UploadPlan,
  view: { fileName: string; contentSha256: string },
  chosen: UploadOptions,
): Promise<UploadOutcome> {
  const { provider, name } = unlocked.profile;
  checkJobProfile(unlocked, provider, options.env);
  let tenthsShown = -1;
  const jobs = cliJobs(
    {
      jobsDir: options.jobsDir,
      env: options.env,
      country: options.country ?? options.localeCountry,
      emitProgress: (event) => options.progress?.update(event),
      // CC-iSales files: a line at each tenth of the bytes put on the SFTP server.
      onUploadProgress: (sent, total) => {
        const tenths = Math.floor((10 * sent) / Math.max(total, 1));
        if (tenths <= tenthsShown) return;
        tenthsShown = tenths;
        options.progress?.note(`SFTP: ${10 * tenths}% of ${total} bytes`);
      },
      ...(options.choices === undefined ? {} : { choices: options.choices }),
    },
    provider,
  );
  const id = await jobs.create({
    profile: { name, id: null, file: resolve(options.profilePath) },
    campaignId: campaign,
    fileName: view.fileName,
    contentSha256: view.contentSha256,
    plan,
    // Written into job.json, so `jobs resume` sends the same way.
    choices: jobChoicesOf(chosen),
  });
  options.progress?.note(`Job ${id} started: ${plan.numbers} numbers to ${PROVIDER_NAMES[provider]} campaign ${campaign}`);
  const summary = await pausableRun(jobs, id, () => jobs.resume(id), options);
  const { rows } = await jobs.rows(id, 0, summary.rows, 'all');
  return { exitCode: runExitCode(summary), text: options.json ? runJson(summary, rows) : jobReportText(summary, rows) };
}
