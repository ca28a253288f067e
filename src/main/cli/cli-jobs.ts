import { join } from 'node:path';

import type { Provider, UnlockedProfile } from '../../shared/profiles/profile-schemas';
import { type JobHeader, openJobFolder } from '../core/jobs/job-folder';
import { jobProfileLender } from '../core/jobs/job-profile-lender';
import { type JobProgressEvent, JobsService, type WithProfile } from '../core/jobs/jobs-service';
import { PROVIDER_NAMES } from '../core/providers/connect';
import type { UploadChoices } from '../core/upload/run-upload';
import { UserError } from '../core/user-error';

/**
 * For tests against the simulator only: Ringostat requests per second above the profile's cap of
 * 10 (the kill test sends 2,000 numbers many times over). Honoured only for a profile whose
 * address is on this computer; with any other profile the run is refused before anything is sent.
 */
export const SIMULATOR_RATE_ENV = 'DIALSHEET_SIMULATOR_RATE';

export function jobsDirOf(dataDir: string): string {
  return join(dataDir, 'jobs');
}

export interface CliJobsOptions {
  readonly jobsDir: string;
  /** Secrets given in a profile file as {"env": "NAME"} are read from here. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For a profile file that names no defaultCountry (--country, or the computer's locale). */
  readonly country: string;
  /** --profile: the profile file to send with instead of the one the job was started with. */
  readonly profileFile?: string;
  readonly emitProgress?: (event: JobProgressEvent) => void;
  /** Bytes put on an SFTP server so far (CC-iSales files). */
  readonly onUploadProgress?: (sent: number, total: number) => void;
  /** Choices for every run besides the job's own (tests: a fast iSales poll). */
  readonly choices?: UploadChoices;
}

export function simulatorRate(env: CliJobsOptions['env']): number | undefined {
  const text = env[SIMULATOR_RATE_ENV];
  if (text === undefined || text === '') return undefined;
  const rate = Number(text);
  if (!Number.isFinite(rate) || rate <= 0) throw new UserError('bad-input', `${SIMULATOR_RATE_ENV} wants a number of requests per second, not "${text}". Nothing was sent.`);
  return rate;
}

function onThisComputer(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * Refuses a profile the job cannot be sent with: one for another provider (the plan's numbers are
 * in that provider's form, for its campaign), or any but the simulator's under SIMULATOR_RATE_ENV.
 */
export function checkJobProfile(unlocked: UnlockedProfile, provider: Provider | undefined, env: CliJobsOptions['env']): void {
  const { provider: theirs, name } = unlocked.profile;
  if (provider !== undefined && theirs !== provider) {
    throw new UserError(
      'bad-input',
      `The job is for ${PROVIDER_NAMES[provider]}, but the profile "${name}" is a ${PROVIDER_NAMES[theirs]} profile; give a ${PROVIDER_NAMES[provider]} profile file with --profile. Nothing was sent.`,
    );
  }
  if (simulatorRate(env) !== undefined && !onThisComputer(unlocked.profile.baseUrl)) {
    throw new UserError('refused', `${SIMULATOR_RATE_ENV} is for the simulator on this computer only; unset it to send with the profile "${name}". Nothing was sent.`);
  }
}

/** The job's profile file (or --profile), checked before any secret of it is used. */
function checkedLender(options: CliJobsOptions, provider: Provider | undefined): WithProfile {
  const lend = jobProfileLender({ env: options.env, country: options.country, ...(options.profileFile === undefined ? {} : { file: options.profileFile }) });
  return (profile, work) =>
    lend(profile, (unlocked, mask) => {
      checkJobProfile(unlocked, provider, options.env);
      return work(unlocked, mask);
    });
}

/**
 * The jobs of the data folder, for the command line: profiles come from profile files (the one a
 * job was started with, or --profile), checked to be for the job's provider.
 */
export function cliJobs(options: CliJobsOptions, provider?: Provider): JobsService {
  const rate = simulatorRate(options.env);
  const choices: UploadChoices = { ...options.choices, ...(rate === undefined ? {} : { requestsPerSecond: rate }) };
  return new JobsService({
    jobsDir: options.jobsDir,
    withProfile: checkedLender(options, provider),
    ...(options.emitProgress === undefined ? {} : { emitProgress: options.emitProgress }),
    ...(options.onUploadProgress === undefined ? {} : { onUploadProgress: options.onUploadProgress }),
    ...(Object.keys(choices).length === 0 ? {} : { choices }),
  });
}

/** A job's header: a clear message for an id that is no job id, or a job that is not there. */
export async function jobHeader(jobsDir: string, id: string | undefined, usage: string): Promise<JobHeader> {
  if (id === undefined) throw new UserError('bad-input', `Say which job: ${usage}. \`dialsheet jobs list\` shows the ids.`);
  return (await openJobFolder(jobsDir, id)).header;
}
