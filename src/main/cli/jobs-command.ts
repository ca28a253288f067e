import type { JobSummary, ReceiptFormat } from '../../shared/jobs';
import type { JobsService } from '../core/jobs/jobs-service';
import type { UploadChoices } from '../core/upload/run-upload';
import { UserError } from '../core/user-error';
import { cliJobs, jobHeader } from './cli-jobs';
import { jobListText, jobReportText, runExitCode, runJson, showJson } from './job-report';
import { pausableRun, type RunOutput } from './pausable-run';
import { writeFileAtomically } from '../core/export/write-file-atomically';

export const JOBS_USAGE = 'dialsheet jobs list | show ID | resume ID | retry ID | cancel ID | export ID --out FILE';

export interface JobsCommandOptions extends RunOutput {
  /** list, show, resume, retry, cancel or export. */
  readonly action: string | undefined;
  readonly id: string | undefined;
  readonly jobsDir: string;
  readonly json: boolean;
  /** --profile: send with this profile file instead of the one the job was started with. */
  readonly profile?: string | undefined;
  /** export: the file to write, .csv or .xlsx. */
  readonly out?: string | undefined;
  readonly resendUnknown: boolean;
  readonly leaveUnknown: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For a profile file that names no defaultCountry. */
  readonly country: string;
  /** Choices for every run besides the job's own (tests: a fast iSales poll). */
  readonly choices?: UploadChoices;
  readonly print?: (text: string) => void;
}

interface Job {
  readonly id: string;
  readonly jobs: JobsService;
  readonly summary: JobSummary;
}

/** The job named on the command line, through a JobsService that checks its profile's provider. */
async function openJob(options: JobsCommandOptions, usage: string): Promise<Job> {
  const header = await jobHeader(options.jobsDir, options.id, usage);
  const jobs = cliJobs(
    {
      jobsDir: options.jobsDir,
      env: options.env,
      country: options.country,
      emitProgress: (event) => options.progress?.update(event),
      ...(options.profile === undefined ? {} : { profileFile: options.profile }),
      ...(options.choices === undefined ? {} : { choices: options.choices }),
    },
    header.provider,
  );
  return { id: header.id, jobs, summary: await jobs.summary(header.id) };
}

function refuseIfRunning(summary: JobSummary, doing: string): void {
  if (summary.state !== 'running') return;
  throw new UserError(
    'refused',
    `Job ${summary.id} is being sent by another Dialsheet now, so it cannot be ${doing} here; nothing was sent twice. Wait for it, or pause it there (Ctrl-C in its terminal).`,
  );
}

async function report(job: Job, summary: JobSummary, options: JobsCommandOptions, exitCode: number, note?: string): Promise<number> {
  const print = options.print ?? ((text: string) => console.log(text));
  const { rows } = await job.jobs.rows(job.id, 0, summary.rows, 'all');
  if (note !== undefined && !options.json) print(note);
  print(options.json ? runJson(summary, rows) : jobReportText(summary, rows));
  return exitCode;
}

/**
 * Sends what is left of a job. Numbers that were in flight when it stopped become unknown and are
 * sent again only with --resend-unknown; --leave-unknown keeps them (and any new unknown) as they are.
 */
async function resume(options: JobsCommandOptions): Promise<number> {
  if (options.resendUnknown && options.leaveUnknown) {
    throw new UserError('bad-input', 'Choose one: --resend-unknown sends the unknown rows again, --leave-unknown keeps them as they are. Nothing was sent.');
  }
  const job = await openJob(options, 'dialsheet jobs resume ID');
  const { id, jobs } = job;
  let summary = job.summary;
  refuseIfRunning(summary, 'resumed');
  const unknown = summary.counts.unknown > 0 || summary.undecided > 0;
  const resend = options.resendUnknown && unknown;
  if (!resend && summary.counts.waiting === 0) {
    if (options.leaveUnknown && summary.undecided > 0) summary = await jobs.decideUnknown(id, 'leave');
    const why = summary.state === 'cancelled' ? `Job ${id} was cancelled: nothing is left to send (\`dialsheet jobs retry ${id}\` sends the rejected rows again).` : `Job ${id}: nothing was left to send.`;
    return report(job, summary, options, runExitCode(summary), why);
  }
  summary = await pausableRun(jobs, id, () => (resend ? jobs.decideUnknown(id, 'resend') : jobs.resume(id)), options);
  if (summary.state !== 'paused' && options.leaveUnknown && summary.undecided > 0) summary = await jobs.decideUnknown(id, 'leave');
  return report(job, summary, options, runExitCode(summary));
}

/** Sends again the rows the provider refused or that were not sent (cancelled, stopped). */
async function retry(options: JobsCommandOptions): Promise<number> {
  const job = await openJob(options, 'dialsheet jobs retry ID');
  const { id, jobs } = job;
  refuseIfRunning(job.summary, 'retried');
  if (job.summary.counts.rejected === 0 && job.summary.counts.waiting === 0) {
    return report(job, job.summary, options, runExitCode(job.summary), `Job ${id} has no rejected rows: nothing to send again.`);
  }
  const summary = await pausableRun(jobs, id, () => jobs.retryFailed(id), options);
  return report(job, summary, options, runExitCode(summary));
}

async function cancel(options: JobsCommandOptions): Promise<number> {
  const job = await openJob(options, 'dialsheet jobs cancel ID');
  const { id, jobs, summary } = job;
  refuseIfRunning(summary, 'cancelled');
  if (summary.state === 'finished' || summary.state === 'cancelled') {
    return report(job, summary, options, 0, `Job ${id} is ${summary.state} already: there is nothing to cancel.`);
  }
  return report(job, await jobs.cancel(id), options, 0, `Job ${id} cancelled: the rows it had not sent are rejected "Not sent" (\`dialsheet jobs retry ${id}\` sends them).`);
}

function formatOf(out: string): ReceiptFormat {
  const extension = /\.([A-Za-z]+)$/.exec(out)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'xlsx') return extension;
  throw new UserError('bad-input', `--out names the receipt file, ending in .csv or .xlsx, not "${out}". Nothing was written.`);
}

async function exportReceipt(options: JobsCommandOptions): Promise<number> {
  const print = options.print ?? ((text: string) => console.log(text));
  const { out } = options;
  if (out === undefined || out.trim() === '') throw new UserError('bad-input', 'Say where to write the receipt: dialsheet jobs export ID --out receipt.xlsx (or .csv). Nothing was written.');
  const format = formatOf(out);
  const { id, jobs, summary } = await openJob(options, 'dialsheet jobs export ID --out FILE');
  const { bytes } = await jobs.exportReceipt(id, format);
  await writeFileAtomically(out, [bytes]);
  const waiting = summary.counts.waiting > 0 ? ` (${summary.counts.waiting} of them still waiting to be sent)` : '';
  print(options.json ? JSON.stringify({ job: id, state: summary.state, out, format, rows: summary.rows }) : `The receipt of job ${id}, ${summary.rows} rows${waiting}, was written to ${out}.`);
  return 0;
}

/** `dialsheet jobs …`: the history of uploads, and resuming, retrying, cancelling or exporting one. */
export async function runJobsCommand(options: JobsCommandOptions): Promise<number> {
  const print = options.print ?? ((text: string) => console.log(text));
  switch (options.action) {
    case 'list': {
      const summaries = await cliJobs({ jobsDir: options.jobsDir, env: options.env, country: options.country }).list();
      print(options.json ? JSON.stringify(summaries) : jobListText(summaries, options.jobsDir));
      return 0;
    }
    case 'show': {
      const { id, jobs, summary } = await openJob(options, 'dialsheet jobs show ID');
      const { rows } = await jobs.rows(id, 0, summary.rows, 'all');
      print(options.json ? showJson(summary, rows) : jobReportText(summary, rows, { detail: true }));
      return 0;
    }
    case 'resume':
      return resume(options);
    case 'retry':
      return retry(options);
    case 'cancel':
      return cancel(options);
    case 'export':
      return exportReceipt(options);
    default:
      throw new UserError('bad-input', `${options.action === undefined ? 'jobs needs a command' : `"jobs ${options.action}" is not a command`}: ${JOBS_USAGE}.`);
  }
}
