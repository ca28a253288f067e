import { spawnSync } from 'node:child_process';
import { appendFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useSimulator } from '../simulator/testing/use-simulator';
import { demoUnlocked, planCsv } from '../upload/testing/upload-sheet';
import { openJobFolder, RUN_LOCK } from './job-folder';
import { IN_FLIGHT_MESSAGE } from './job-receipt';
import { jobsFor, newJob, tempJobsDir } from './testing/jobs-fixture';

const sim = useSimulator();

const NUMBERS = Array.from({ length: 8 }, (_, i) => `+38050${String(2_000_000 + i)}`);
const CSV = ['Phone', ...NUMBERS].join('\n');
const digits = (n: string): string => n.slice(1);

let jobsDir: Awaited<ReturnType<typeof tempJobsDir>>;
beforeEach(async () => {
  jobsDir = await tempJobsDir();
});
afterEach(async () => {
  await jobsDir.remove();
});

function received(campaignId = 456) {
  const campaign = [...sim().state.ringostat.projects.values()][0]?.campaigns.get(campaignId);
  if (campaign === undefined) throw new Error(`no Ringostat campaign ${campaignId}`);
  return campaign.received;
}

async function ringostatJobs() {
  const unlocked = await demoUnlocked(sim(), 'ringostat');
  const jobs = jobsFor(jobsDir.dir, unlocked, { choices: { concurrency: 4, requestsPerSecond: 200 } });
  const id = await jobs.create(newJob(await planCsv(CSV, 'ringostat'), '456', unlocked));
  return { jobs, id, journal: (await openJobFolder(jobsDir.dir, id)).journalPath };
}

describe('resuming a job after Dialsheet died mid-send', () => {
  it('never sends a number again that was in flight; it is unknown and waits for the user', async () => {
    const { jobs, id, journal } = await ringostatJobs();
    // What a killed run leaves: numbers 0-2 ended, 3-4 on their way, the rest never started.
    await appendFile(
      journal,
      [
        { k: 'run', at: '2026-11-27T10:00:00.000Z', pid: 1 },
        { k: 'send', n: [0, 1, 2, 3, 4] },
        { k: 'end', n: [0, 1, 2], s: 'imported', m: 'Ringostat added the number to the campaign.', t: 1 },
      ]
        .map((r) => `${JSON.stringify(r)}\n`)
        .join(''),
    );
    expect((await jobs.summary(id)).state).toBe('interrupted');
    expect((await jobs.summary(id)).undecided).toBe(2);
    const resumed = await jobs.resume(id);
    expect(resumed.state).toBe('finished');
    expect(resumed.counts).toMatchObject({ imported: 6, unknown: 2, waiting: 0 });
    expect(resumed.undecided).toBe(2);
    // Only the numbers never started went out: 5, 6 and 7.
    expect(received().numbers().sort()).toEqual(NUMBERS.slice(5).map(digits).sort());
    const unknown = await jobs.rows(id, 0, 10, 'unknown');
    expect(unknown.rows.map((r) => r.number)).toEqual([digits(NUMBERS[3] ?? ''), digits(NUMBERS[4] ?? '')]);
    expect(unknown.rows[0]?.message).toBe(IN_FLIGHT_MESSAGE);
  });

  it('leaves unknown numbers as they are when the user says so, and sends them once when the user says send again', async () => {
    const { jobs, id, journal } = await ringostatJobs();
    await appendFile(journal, `${JSON.stringify({ k: 'send', n: [0, 1] })}\n`);
    await jobs.resume(id);
    const left = await jobs.decideUnknown(id, 'leave');
    expect(left).toMatchObject({ undecided: 0, state: 'finished' });
    expect(left.counts.unknown).toBe(2);
    expect(received().arrivals(digits(NUMBERS[0] ?? ''))).toBe(0);

    const resent = await jobs.decideUnknown(id, 'resend');
    expect(resent.counts).toMatchObject({ imported: 8, unknown: 0 });
    expect(received().repeats()).toEqual([]);
    expect(received().distinct).toBe(8);
  });

  it('retries only the rejected numbers, once each', async () => {
    const { jobs, id, journal } = await ringostatJobs();
    await appendFile(journal, `${JSON.stringify({ k: 'end', n: [0, 1], s: 'imported', m: 'in', t: 1 })}\n`);
    // A wrong Auth-key: Ringostat refuses every request and stores nothing.
    const wrongKey = await demoUnlocked(sim(), 'ringostat', { authKey: 'wrong-key-123456' });
    const first = await jobsFor(jobsDir.dir, wrongKey, { choices: { requestsPerSecond: 200 } }).resume(id);
    expect(first.counts).toMatchObject({ rejected: 6, imported: 2 });
    expect(received().total).toBe(0);
    const retried = await jobs.retryFailed(id);
    expect(retried.counts).toMatchObject({ rejected: 0, imported: 8 });
    expect(received().numbers().sort()).toEqual(NUMBERS.slice(2).map(digits).sort());
  });

  it('cancels a job that is not running: what waited is "Not sent" and can still be retried', async () => {
    const { jobs, id } = await ringostatJobs();
    const cancelled = await jobs.cancel(id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.counts.rejected).toBe(8);
    expect((await jobs.rows(id, 0, 1, 'rejected')).rows[0]?.message).toMatch(/^Not sent: the upload was cancelled/);
    expect(received().total).toBe(0);
    expect((await jobs.retryFailed(id)).counts.imported).toBe(8);
  });
});

describe('one job, one sender', () => {
  it('refuses to run a job another live Dialsheet is sending, and takes over a lock a dead one left', async () => {
    const { jobs, id } = await ringostatJobs();
    const { dir } = await openJobFolder(jobsDir.dir, id);
    await writeFile(join(dir, RUN_LOCK), JSON.stringify({ pid: process.ppid, host: hostname() }));
    await expect(jobs.resume(id)).rejects.toThrow(/being sent by another Dialsheet/);
    expect((await jobs.summary(id)).state).toBe('running');
    expect(received().total).toBe(0);

    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(join(dir, RUN_LOCK), JSON.stringify({ pid: gone, host: hostname() }));
    expect((await jobs.resume(id)).counts.imported).toBe(8);
  });

  it('refuses a second run of a job already being sent here', async () => {
    const { jobs, id } = await ringostatJobs();
    const first = jobs.resume(id);
    await expect(jobs.resume(id)).rejects.toThrow(/being sent already/);
    await first;
    expect(received().repeats()).toEqual([]);
  });
});

describe('jobs to MOR and CC-iSales', () => {
  it('pauses a MOR job between files and resumes it, each number reaching MOR once', async () => {
    const unlocked = await demoUnlocked(sim(), 'mor');
    sim().setFaults({ latencyMs: 60, providers: ['mor'] });
    const jobs = jobsFor(jobsDir.dir, unlocked, { choices: { numbersPerFile: 2 } });
    const id = await jobs.create({ ...newJob(await planCsv(CSV, 'mor'), '2', unlocked), choices: { numbersPerFile: 2 } });
    const running = jobs.resume(id);
    await expect.poll(() => sim().state.mor.campaigns.get(2)?.received.distinct ?? 0).toBeGreaterThanOrEqual(2);
    const paused = await jobs.pause(id);
    await running;
    expect(paused.state).toBe('paused');
    expect(paused.counts.waiting).toBeGreaterThan(0);
    const done = await jobs.resume(id);
    expect(done.counts).toMatchObject({ imported: 8, waiting: 0 });
    expect(sim().state.mor.campaigns.get(2)?.received.repeats()).toEqual([]);
  });

  it('sends a CC-iSales job through the JSON API', async () => {
    const unlocked = await demoUnlocked(sim(), 'isales', { sftp: undefined, serverId: undefined });
    const jobs = jobsFor(jobsDir.dir, unlocked, { choices: { intervalMs: 10 } });
    const campaign = unlocked.profile.provider === 'isales' ? '1001' : '';
    const summary = await jobs.start(newJob(await planCsv(CSV, 'isales'), campaign, unlocked));
    expect(summary.counts).toMatchObject({ imported: 8, waiting: 0 });
  });
});

describe('what a job refuses', () => {
  it('sends nothing with a profile of another provider', async () => {
    const { id } = await ringostatJobs();
    const mor = await demoUnlocked(sim(), 'mor');
    await expect(jobsFor(jobsDir.dir, mor).resume(id)).rejects.toThrow(/is for Ringostat; the profile .* is for Kolmisoft MOR\. Nothing was sent\./);
    expect(received().total).toBe(0);
  });

  it('leaves a finished job finished when asked to cancel it', async () => {
    const { jobs, id } = await ringostatJobs();
    await jobs.resume(id);
    const again = await jobs.cancel(id);
    expect(again).toMatchObject({ state: 'finished', counts: { imported: 8 } });
  });
});
