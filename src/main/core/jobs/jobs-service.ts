import { stat } from 'node:fs/promises';

import { countJobRows, type JobRow, type JobRowStatus, type JobSummary, type ReceiptFormat, type UnknownChoice } from '../../../shared/jobs';
import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import type { UploadChoices } from '../upload/run-upload';
import type { UploadPlan } from '../upload/upload-plan';
import { PROVIDER_NAMES } from '../providers/connect';
import { UserError } from '../user-error';
import { createJobFolder, type JobChoices, type JobFolder, type JobProfile, listJobIds, newJobId, openJobFolder, readJobPlan } from './job-folder';
import { JobLedger } from './job-ledger';
import { jobRows, undecidedRows } from './job-receipt';
import { readJournal } from './journal-file';
import type { JournalRecord } from './journal-records';
import { type JobProgress, ProgressMeter } from './progress-meter';
import { receiptBytes } from './receipt-export';
import { RunControl, runJob } from './run-job';
import { runLockHolder } from './run-lock';

export interface JobProgressEvent extends JobProgress {
  readonly jobId: string;
}

export type WithProfile = <T>(profile: JobProfile, work: (unlocked: UnlockedProfile, mask: (text: string) => string) => Promise<T>) => Promise<T>;

export interface JobsServiceDeps {
  /** The jobs folder inside the app's data folder. */
  readonly jobsDir: string;
  /** Lends the job's profile with its secrets, and masks them in whatever the work throws. */
  readonly withProfile: WithProfile;
  readonly emitProgress?: (event: JobProgressEvent) => void;
  /** Told when a run ends, however it ended (the desktop shell's notification). */
  readonly onRunEnd?: (summary: JobSummary) => void;
  /** Bytes put on an SFTP server so far (CC-iSales files), for a progress line. */
  readonly onUploadProgress?: (sent: number, total: number) => void;
  /** Choices for every run besides the job's own (tests: fast timing). */
  readonly choices?: UploadChoices;
  readonly now?: () => Date;
}

export interface NewJob {
  readonly profile: JobProfile;
  readonly campaignId: string;
  readonly fileName: string;
  readonly contentSha256: string;
  readonly plan: UploadPlan;
  readonly choices?: JobChoices;
}

interface RunHow {
  readonly send: boolean;
  readonly prepare?: (ledger: JobLedger) => JournalRecord[];
  readonly control?: RunControl;
}

interface LiveRun {
  readonly control: RunControl;
  readonly done: Promise<unknown>;
}

/** A job's rows as of a journal of this size: paging through a receipt does not reread it. */
interface OpenReceipt {
  readonly id: string;
  readonly journalBytes: number;
  readonly live: boolean;
  readonly summary: JobSummary;
  readonly rows: readonly JobRow[];
}

const STATUS_WORDS: Readonly<Record<JobRowStatus, string>> = {
  imported: 'imported',
  rejected: 'rejected',
  invalid: 'invalid',
  duplicate: 'duplicate',
  unknown: 'unknown',
  waiting: 'waiting',
};

/**
 * Upload jobs: each one journaled on disk as it runs, so it can be paused, resumed after a crash,
 * retried and read again later. The window and the command line both go through here.
 */
export class JobsService {
  private readonly live = new Map<string, LiveRun>();
  private opened: OpenReceipt | undefined;
  private readonly summaries = new Map<string, { readonly journalBytes: number; readonly summary: JobSummary }>();
  private readonly now: () => Date;

  constructor(private readonly deps: JobsServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Writes a new job down; nothing is sent until it runs. */
  async create(job: NewJob): Promise<string> {
    const id = newJobId(this.now());
    await createJobFolder(
      this.deps.jobsDir,
      {
        version: 1,
        id,
        createdAt: this.now().toISOString(),
        profile: job.profile,
        provider: job.plan.provider,
        campaignId: job.campaignId,
        fileName: job.fileName,
        contentSha256: job.contentSha256,
        rows: job.plan.rows,
        numbers: job.plan.numbers,
        choices: job.choices ?? {},
      },
      job.plan,
    );
    return id;
  }

  /** Creates the job and sends it; resolves when the run ends (finished, paused or cancelled). */
  async start(job: NewJob): Promise<JobSummary> {
    return this.resume(await this.create(job));
  }

  /** Sends what is left of a job; numbers with an outcome are never sent again. */
  resume(id: string): Promise<JobSummary> {
    return this.run(id, { send: true });
  }

  /** Sends again only the numbers that were refused or not sent. */
  retryFailed(id: string): Promise<JobSummary> {
    return this.run(id, { send: true, prepare: (ledger) => freed(ledger.keysEnded('rejected', { includeLeft: true })) });
  }

  /** The user's choice about a job's unknown numbers: send them again, or leave them unknown. */
  decideUnknown(id: string, choice: UnknownChoice): Promise<JobSummary> {
    if (choice === 'resend') return this.run(id, { send: true, prepare: (ledger) => freed(ledger.keysEnded('unknown', { includeLeft: true })) });
    return this.run(id, {
      send: false,
      prepare: (ledger) => {
        const keys = ledger.keysEnded('unknown');
        return keys.length === 0 ? [] : [{ k: 'leave', n: keys }];
      },
    });
  }

  /** Stops a run after the requests in flight; what is left waits for resume. */
  async pause(id: string): Promise<JobSummary> {
    const run = this.live.get(id);
    if (run === undefined) return this.pauseElsewhere(id);
    run.control.stop('pause');
    await run.done.catch(() => undefined);
    return this.summary(id);
  }

  /** Stops a run for good: what was not sent ends "Not sent" (and can still be retried). */
  async cancel(id: string): Promise<JobSummary> {
    const run = this.live.get(id);
    if (run !== undefined) {
      run.control.stop('cancel');
      await run.done.catch(() => undefined);
      return this.summary(id);
    }
    // Cancelling what has ended changes nothing: a finished job stays finished.
    const summary = await this.summary(id);
    if (summary.state === 'finished' || summary.state === 'cancelled') return summary;
    const control = new RunControl();
    control.stop('cancel');
    return this.run(id, { send: true, control });
  }

  async list(): Promise<JobSummary[]> {
    const summaries: JobSummary[] = [];
    for (const id of await listJobIds(this.deps.jobsDir)) {
      // A folder without job.json is a job whose creation was cut short: nothing was sent for it.
      const summary = await this.summary(id).catch((error: unknown) => {
        if (error instanceof UserError) return undefined;
        throw error;
      });
      if (summary !== undefined) summaries.push(summary);
    }
    // Ids name the second a job was made; two made in the same second sort by the millisecond.
    return summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  async summary(id: string): Promise<JobSummary> {
    // The history asks for every job: a finished job's summary is kept until its journal grows.
    const { folder, journalBytes, live } = await this.look(id);
    const kept = this.summaries.get(id);
    if (!live && kept?.journalBytes === journalBytes) return kept.summary;
    return (await this.open(id, { folder, journalBytes, live })).summary;
  }

  async rows(id: string, offset: number, limit: number, status: JobRowStatus | 'all'): Promise<{ total: number; rows: JobRow[] }> {
    const { rows } = await this.open(id);
    const wanted = status === 'all' ? rows : rows.filter((r) => r.status === status);
    return { total: wanted.length, rows: wanted.slice(offset, offset + limit) };
  }

  /** The receipt as a file: every row, its status and the provider's words. */
  async exportReceipt(id: string, format: ReceiptFormat): Promise<{ fileName: string; bytes: Uint8Array }> {
    const { summary, rows } = await this.open(id);
    const bytes = await receiptBytes(format, rows.map((r) => [String(r.row), r.number, STATUS_WORDS[r.status], r.message]));
    const base = summary.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
    return { fileName: `${base} receipt ${summary.id}.${format}`, bytes };
  }

  /** A pause asked of a job this process is not sending: done already, or only possible elsewhere. */
  private async pauseElsewhere(id: string): Promise<JobSummary> {
    const summary = await this.summary(id);
    if (summary.state === 'running') throw new UserError('refused', `Job ${id} is being sent by another Dialsheet; pause it there.`);
    if (summary.state === 'paused') return summary;
    throw new UserError('refused', `Job ${id} is not being sent (it is ${summary.state}), so there is nothing to pause.`);
  }

  private async run(id: string, how: RunHow): Promise<JobSummary> {
    // Checked and marked in one step, so two calls at once cannot both start the job.
    if (this.live.has(id)) throw new UserError('refused', `Job ${id} is being sent already.`);
    const control = how.control ?? new RunControl();
    const meter = new ProgressMeter((progress) => this.deps.emitProgress?.({ jobId: id, ...progress }));
    const done = this.runNow(id, how, control, meter);
    this.live.set(id, { control, done });
    try {
      await done;
    } finally {
      this.live.delete(id);
      this.opened = undefined;
    }
    const summary = await this.summary(id);
    meter.update(summary.numbersDone, summary.numbers, { force: true });
    this.deps.onRunEnd?.(summary);
    return summary;
  }

  private async runNow(id: string, how: RunHow, control: RunControl, meter: ProgressMeter): Promise<void> {
    const folder = await openJobFolder(this.deps.jobsDir, id);
    const plan = await readJobPlan(folder);
    const options = {
      control,
      ...(how.prepare === undefined ? {} : { prepare: how.prepare }),
      ...(this.deps.choices === undefined ? {} : { choices: this.deps.choices }),
      send: how.send,
      now: this.now,
      onProgress: (done: number, total: number) => meter.update(done, total),
    };
    // Only a run that may send needs the profile's secrets; a cancel or a choice never asks for them.
    if (!how.send || control.signal.aborted) return runJob(folder, plan, options);
    return this.deps.withProfile(folder.header.profile, (unlocked, mask) => {
      // The plan's numbers are in the job's provider's form, for its campaign: no other will do.
      if (unlocked.profile.provider !== folder.header.provider) {
        throw new UserError('bad-input', `Job ${id} is for ${PROVIDER_NAMES[folder.header.provider]}; the profile "${unlocked.profile.name}" is for ${PROVIDER_NAMES[unlocked.profile.provider]}. Nothing was sent.`);
      }
      return runJob(folder, plan, { ...options, unlocked, mask, ...(this.deps.onUploadProgress === undefined ? {} : { onUploadProgress: this.deps.onUploadProgress }) });
    });
  }

  /** Where a job stands on disk without reading it: its journal's size, and whether it runs. */
  private async look(id: string): Promise<{ folder: JobFolder; journalBytes: number; live: boolean }> {
    const folder = await openJobFolder(this.deps.jobsDir, id);
    const journalBytes = await stat(folder.journalPath).then(
      (s) => s.size,
      () => 0,
    );
    const live = this.live.has(id) || (await runLockHolder(folder.dir)) !== undefined;
    return { folder, journalBytes, live };
  }

  private async open(id: string, looked?: Awaited<ReturnType<JobsService['look']>>): Promise<OpenReceipt> {
    const { folder, journalBytes, live } = looked ?? (await this.look(id));
    const cached = this.opened;
    if (!live && cached?.id === id && cached.journalBytes === journalBytes && !cached.live) return cached;
    const opened = await this.read(folder, journalBytes, live);
    this.opened = opened;
    if (!live) this.summaries.set(id, { journalBytes, summary: opened.summary });
    return opened;
  }

  private async read(folder: JobFolder, journalBytes: number, live: boolean): Promise<OpenReceipt> {
    const plan = await readJobPlan(folder);
    const { records } = await readJournal(folder.journalPath);
    const ledger = JobLedger.of(plan.numbers, records);
    const rows = jobRows(plan, ledger, live);
    const { header } = folder;
    const summary: JobSummary = {
      id: header.id,
      profileName: header.profile.name,
      provider: header.provider,
      campaignId: header.campaignId,
      fileName: header.fileName,
      contentSha256: header.contentSha256,
      createdAt: header.createdAt,
      durationMs: ledger.durationMs(this.now().getTime(), live),
      state: ledger.jobState(live),
      rows: header.rows,
      counts: countJobRows(rows),
      numbers: header.numbers,
      numbersDone: ledger.ended,
      undecided: undecidedRows(plan, ledger, live),
    };
    return { id: header.id, journalBytes, live, summary, rows };
  }
}

function freed(keys: number[]): JournalRecord[] {
  return keys.length === 0 ? [] : [{ k: 'free', n: keys }];
}
