import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { JobRow, JobSummary } from '../../shared/jobs';
import type { JournalRecord } from '../core/jobs/journal-records';
import { useSimulator } from '../core/simulator/testing/use-simulator';
import { planCsv } from '../core/upload/testing/upload-sheet';
import { cliJobs } from './cli-jobs';
import { SOME_NOT_DONE } from './cli-output';
import { type JobsCommandOptions, runJobsCommand } from './jobs-command';
import { writeDemoProfileFiles } from './simulate-command';

const sim = useSimulator();

// Rows 2-7 good (numbers 0-5 of the job), row 8 not a number.
const NUMBERS = ['380501110001', '380501110002', '380501110003', '380501110004', '380501110005', '380501110006'];
const CSV = ['Name,Phone', ...NUMBERS.map((n, i) => `Contact ${i},+${n}`), 'Bad,hello'].join('\n');
const CHOICES = { requestsPerSecond: 100, concurrency: 4 };

let dir: string;
let jobsDir: string;
let profiles: Record<string, string>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-jobs-cli-'));
  jobsDir = join(dir, 'jobs');
  profiles = await writeDemoProfileFiles(sim(), join(dir, 'profiles'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Ran {
  readonly code: number;
  readonly text: string;
}

async function jobs(action: string, id: string | undefined, extra: Partial<JobsCommandOptions> = {}): Promise<Ran> {
  const printed: string[] = [];
  const code = await runJobsCommand({
    action,
    id,
    jobsDir,
    json: false,
    resendUnknown: false,
    leaveUnknown: false,
    env: {},
    country: 'UA',
    choices: CHOICES,
    print: (text) => printed.push(text),
    ...extra,
  });
  return { code, text: printed.join('\n') };
}

async function jobsJson<T>(action: string, id: string | undefined, extra: Partial<JobsCommandOptions> = {}): Promise<{ code: number; value: T }> {
  const { code, text } = await jobs(action, id, { ...extra, json: true });
  return { code, value: JSON.parse(text) as T };
}

type Shown = { job: JobSummary; rows: JobRow[] };
type RunReceipt = { job: string; state: string; imported: number; rejected: number; unknown: number; waiting?: number; rows: JobRow[] };

const at = (): string => new Date().toISOString();

/** A Ringostat job for campaign 456 whose journal says what `records` say, as a crash or pause left it. */
async function madeJob(records: JournalRecord[], profileFile: string = profiles.ringostat ?? ''): Promise<string> {
  const plan = await planCsv(CSV, 'ringostat', 'May leads.csv');
  const id = await cliJobs({ jobsDir, env: {}, country: 'UA' }).create({
    profile: { name: 'Demo Ringostat (simulator)', id: null, file: profileFile },
    campaignId: '456',
    fileName: 'May leads.csv',
    contentSha256: 'ab'.repeat(32),
    plan,
  });
  if (records.length > 0) await appendFile(join(jobsDir, id, 'journal.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return id;
}

function received() {
  const campaign = [...sim().state.ringostat.projects.values()][0]?.campaigns.get(456);
  if (campaign === undefined) throw new Error('no Ringostat campaign 456');
  return campaign.received;
}

/** The numbers that reached the simulator, each exactly once, sorted: Ringostat sends in parallel. */
function receivedOnceEach(): string[] {
  const ledger = received();
  expect(ledger.repeats()).toEqual([]);
  return ledger.numbers().sort();
}

describe('dialsheet jobs list and show', () => {
  it('lists nothing in a new data folder', async () => {
    expect((await jobs('list', undefined)).text).toBe(`No jobs yet in ${jobsDir}.`);
    expect((await jobsJson<unknown[]>('list', undefined)).value).toEqual([]);
  });

  it('lists a job with its state, file, hash and counts, and shows its rows not imported', async () => {
    const id = await madeJob([]);
    expect((await jobs('resume', id)).code).toBe(0);
    const list = await jobs('list', undefined);
    expect(list.text).toContain(`${id}  finished`);
    expect(list.text).toContain('Demo Ringostat (simulator) → Ringostat campaign 456');
    expect(list.text).toContain('May leads.csv (sha256 abababab): 7 rows, 6 imported, 1 invalid');
    const listed = await jobsJson<JobSummary[]>('list', undefined);
    expect(listed.value.map((j) => [j.id, j.state, j.counts.imported])).toEqual([[id, 'finished', 6]]);

    const shown = await jobs('show', id);
    expect(shown.code).toBe(0);
    expect(shown.text).toContain(`Job ${id} finished: May leads.csv → Ringostat campaign 456 (profile "Demo Ringostat (simulator)")`);
    expect(shown.text).toMatch(/created: +\d{4}-\d\d-\d\d \d\d:\d\d, sent for \d+ s/);
    expect(shown.text).toContain('numbers:    6 of 6 have an outcome');
    expect(shown.text).toMatch(/Rows not imported:\n {2}row 8 {2}hello {2}invalid: /);
    expect(shown.text).toContain(`dialsheet jobs export ${id} --out receipt.xlsx`);
    const json = await jobsJson<Shown>('show', id);
    expect(json.value.job).toMatchObject({ id, state: 'finished', rows: 7, numbers: 6, numbersDone: 6, undecided: 0 });
    expect(json.value.rows.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported', 'imported', 'invalid']);
  });

  it('says what is wrong with an id that is no job id, and with a job that is not there', async () => {
    await expect(jobs('show', 'nope')).rejects.toThrow('"nope" is not a job id; `dialsheet jobs list` shows them');
    await expect(jobs('show', 'j20200101-000000-abcdef')).rejects.toThrow(`There is no job j20200101-000000-abcdef in ${jobsDir}.`);
    await expect(jobs('show', undefined)).rejects.toThrow('Say which job: dialsheet jobs show ID');
    await expect(jobs('frobnicate', undefined)).rejects.toThrow('"jobs frobnicate" is not a command');
  });
});

describe('dialsheet jobs resume', () => {
  // Number 0 went in; 1 and 2 were in flight when the process died; 3-5 were never sent.
  const crashed = (): JournalRecord[] => [
    { k: 'run', at: at(), pid: 1 },
    { k: 'send', n: [0, 1, 2] },
    { k: 'end', n: [0], s: 'imported', m: 'Ringostat added the number to the campaign.', t: Date.now() },
  ];

  it('sends what was never sent, makes the numbers in flight unknown, and says how to choose', async () => {
    const id = await madeJob(crashed());
    const before = await jobs('show', id);
    expect(before.text).toContain(`Job ${id} interrupted:`);
    expect(before.text).toContain('Dialsheet stopped while sending this job');
    expect(before.text).toContain(`3 row(s) wait to be sent. Send them with: dialsheet jobs resume ${id}`);

    const resumed = await jobs('resume', id);
    expect(resumed.code).toBe(SOME_NOT_DONE);
    expect(receivedOnceEach()).toEqual(NUMBERS.slice(3));
    expect(resumed.text).toContain(`Job ${id} finished:`);
    expect(resumed.text).toMatch(/unknown: +2/);
    expect(resumed.text).toContain(`2 row(s) are unknown`);
    expect(resumed.text).toContain(`dialsheet jobs resume ${id} --leave-unknown`);
    expect(resumed.text).toContain(`dialsheet jobs resume ${id} --resend-unknown`);

    const left = await jobsJson<RunReceipt>('resume', id, { leaveUnknown: true });
    expect(left.code).toBe(SOME_NOT_DONE);
    expect(left.value).toMatchObject({ state: 'finished', imported: 4, unknown: 2 });
    expect((await jobsJson<Shown>('show', id)).value.job.undecided).toBe(0);
    expect((await jobs('show', id)).text).not.toContain('--resend-unknown');
    expect(received().total).toBe(3);
  });

  it('--leave-unknown keeps the numbers in flight unknown and sends the rest once', async () => {
    const id = await madeJob(crashed());
    const { code, value } = await jobsJson<RunReceipt>('resume', id, { leaveUnknown: true });
    expect(code).toBe(SOME_NOT_DONE);
    expect(value).toMatchObject({ job: id, state: 'finished', imported: 4, unknown: 2 });
    expect(value.rows.filter((r) => r.status === 'unknown').map((r) => r.number)).toEqual(NUMBERS.slice(1, 3));
    expect(receivedOnceEach()).toEqual(NUMBERS.slice(3));
    expect((await jobsJson<Shown>('show', id)).value.job.undecided).toBe(0);
  });

  it('--resend-unknown sends the numbers in flight again, with the rest', async () => {
    const id = await madeJob(crashed());
    const { code, value } = await jobsJson<RunReceipt>('resume', id, { resendUnknown: true });
    expect(code).toBe(0);
    expect(value).toMatchObject({ state: 'finished', imported: 6, unknown: 0 });
    expect(receivedOnceEach()).toEqual(NUMBERS.slice(1));
    expect(received().repeats()).toEqual([]);
  });

  it('refuses both choices at once, a profile of another provider, and a profile file that is gone, sending nothing', async () => {
    const id = await madeJob(crashed());
    await expect(jobs('resume', id, { resendUnknown: true, leaveUnknown: true })).rejects.toThrow(/^Choose one: .*Nothing was sent\.$/);
    await expect(jobs('resume', id, { profile: profiles.mor ?? '' })).rejects.toThrow(
      'The job is for Ringostat, but the profile "Demo MOR (simulator)" is a Kolmisoft MOR profile; give a Ringostat profile file with --profile. Nothing was sent.',
    );
    const gone = join(dir, 'moved', 'ringostat.json');
    const orphan = await madeJob(crashed(), gone);
    await expect(jobs('resume', orphan)).rejects.toThrow(`The profile file ${gone} could not be read (is the path right?). Nothing was sent.`);
    expect(received().total).toBe(0);
    // --profile stands in for the one that moved.
    expect((await jobs('resume', orphan, { profile: profiles.ringostat ?? '', leaveUnknown: true })).code).toBe(SOME_NOT_DONE);
    expect(receivedOnceEach()).toEqual(NUMBERS.slice(3));
  });

  it('refuses a job another Dialsheet is sending', async () => {
    const id = await madeJob(crashed());
    await writeFile(join(jobsDir, id, 'run.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    expect((await jobsJson<Shown>('show', id)).value.job.state).toBe('running');
    await expect(jobs('resume', id)).rejects.toThrow(`Job ${id} is being sent by another Dialsheet now, so it cannot be resumed here; nothing was sent twice.`);
    expect(received().total).toBe(0);
  });
});

describe('dialsheet jobs retry, cancel and export', () => {
  it('retry sends again the rows that were rejected, and only those', async () => {
    const id = await madeJob([
      { k: 'run', at: at(), pid: 1 },
      { k: 'send', n: [0, 1, 2] },
      { k: 'end', n: [0, 1, 2], s: 'imported', m: 'Ringostat added the number to the campaign.', t: Date.now() },
      { k: 'end', n: [3, 4, 5], s: 'rejected', m: 'Not sent: the upload stopped before this row.', t: Date.now() },
      { k: 'stop', at: at() },
    ]);
    expect((await jobs('show', id)).text).toContain(`\`dialsheet jobs retry ${id}\` sends the rejected rows again.`);
    const { code, value } = await jobsJson<RunReceipt>('retry', id);
    expect(code).toBe(0);
    expect(value).toMatchObject({ state: 'finished', imported: 6, rejected: 0 });
    expect(receivedOnceEach()).toEqual(NUMBERS.slice(3));
    const again = await jobs('retry', id);
    expect(again.text).toContain(`Job ${id} has no rejected rows: nothing to send again.`);
    expect(received().total).toBe(3);
  });

  it('cancel ends a paused job for good without its profile, and says so when there is nothing to cancel', async () => {
    const id = await madeJob(
      [
        { k: 'run', at: at(), pid: 1 },
        { k: 'send', n: [0] },
        { k: 'end', n: [0], s: 'imported', m: 'Ringostat added the number to the campaign.', t: Date.now() },
        { k: 'pause', at: at() },
      ],
      join(dir, 'gone.json'),
    );
    expect((await jobsJson<Shown>('show', id)).value.job.state).toBe('paused');
    const cancelled = await jobs('cancel', id);
    expect(cancelled.code).toBe(0);
    expect(cancelled.text).toContain(`Job ${id} cancelled: the rows it had not sent are rejected "Not sent"`);
    expect(cancelled.text).toMatch(/rejected: +5/);
    expect((await jobs('cancel', id)).text).toContain(`Job ${id} is cancelled already: there is nothing to cancel.`);
    expect((await jobs('resume', id)).text).toContain(`Job ${id} was cancelled: nothing is left to send`);
    expect(received().total).toBe(0);
  });

  it('export writes the receipt as CSV or XLSX by the name given, whole or not at all', async () => {
    const id = await madeJob([]);
    await jobs('resume', id);
    const csv = join(dir, 'receipt.csv');
    expect((await jobs('export', id, { out: csv })).text).toBe(`The receipt of job ${id}, 7 rows, was written to ${csv}.`);
    const text = await readFile(csv, 'utf8');
    expect(text.startsWith('\uFEFFRow,Number,Status,Message\r\n2,380501110001,imported,')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(8);
    const xlsx = join(dir, 'Receipt.XLSX');
    await jobs('export', id, { out: xlsx });
    expect((await readFile(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(jobs('export', id, { out: join(dir, 'receipt.pdf') })).rejects.toThrow(/ending in \.csv or \.xlsx.*Nothing was written/);
    await expect(jobs('export', id)).rejects.toThrow(/Say where to write the receipt/);
    await expect(jobs('export', id, { out: join(dir, 'no-such-folder', 'r.csv') })).rejects.toThrow(/its folder does not exist/);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
