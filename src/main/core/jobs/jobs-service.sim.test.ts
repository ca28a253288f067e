import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JOB_ROW_STATUSES } from '../../../shared/jobs';
import { useSimulator } from '../simulator/testing/use-simulator';
import { demoUnlocked, planCsv } from '../upload/testing/upload-sheet';
import { jobsFor, newJob, tempJobsDir } from './testing/jobs-fixture';

const sim = useSimulator();

const CSV = ['Name,Phone', 'Olena,050 123 45 67', 'Petro,+380661234567', 'Ivan,0671234567', 'Oksana,0931234567', 'Taras,0951234567', 'Bad,hello', 'Again,+380 66 123 45 67'].join('\n');

let jobsDir: Awaited<ReturnType<typeof tempJobsDir>>;
beforeEach(async () => {
  jobsDir = await tempJobsDir();
});
afterEach(async () => {
  await jobsDir.remove();
});

function ringostatCampaign(id: number) {
  const campaign = [...sim().state.ringostat.projects.values()][0]?.campaigns.get(id);
  if (campaign === undefined) throw new Error(`no Ringostat campaign ${id}`);
  return campaign;
}

describe('JobsService against the simulated Ringostat', () => {
  it('sends a job, and its receipt and history account for every row', async () => {
    const unlocked = await demoUnlocked(sim(), 'ringostat');
    const jobs = jobsFor(jobsDir.dir, unlocked, { choices: { concurrency: 4, requestsPerSecond: 100 } });
    const summary = await jobs.start(newJob(await planCsv(CSV, 'ringostat'), '456', unlocked));
    expect(summary.state).toBe('finished');
    expect(summary.counts).toEqual({ imported: 5, rejected: 0, invalid: 1, duplicate: 1, unknown: 0, waiting: 0 });
    expect(JOB_ROW_STATUSES.reduce((sum, s) => sum + summary.counts[s], 0)).toBe(summary.rows);
    expect(ringostatCampaign(456).received.repeats()).toEqual([]);
    expect(ringostatCampaign(456).received.distinct).toBe(5);
    const listed = await jobs.list();
    expect(listed.map((j) => j.id)).toEqual([summary.id]);
    const page = await jobs.rows(summary.id, 0, 10, 'invalid');
    expect(page.rows.map((r) => r.row)).toEqual([7]);
    expect(page.rows[0]).toMatchObject({ reason: 'not-a-number', message: expect.stringMatching(/^Not sent: /) as unknown });
    const duplicates = await jobs.rows(summary.id, 0, 10, 'duplicate');
    expect(duplicates.rows).toEqual([{ row: 8, number: '+380 66 123 45 67', status: 'duplicate', message: 'Not sent: The same number as row 3.', reason: 'duplicate' }]);
  });

  it('pauses, then resumes without sending any number twice', async () => {
    const unlocked = await demoUnlocked(sim(), 'ringostat');
    const jobs = jobsFor(jobsDir.dir, unlocked, { choices: { concurrency: 1, requestsPerSecond: 20 } });
    const id = await jobs.create(newJob(await planCsv(CSV, 'ringostat'), '456', unlocked));
    const running = jobs.resume(id);
    await expect.poll(() => ringostatCampaign(456).received.distinct).toBeGreaterThanOrEqual(2);
    const paused = await jobs.pause(id);
    await running;
    expect(paused.state).toBe('paused');
    expect(paused.counts.waiting).toBeGreaterThan(0);
    const finished = await jobs.resume(id);
    expect(finished.state).toBe('finished');
    expect(finished.counts.imported).toBe(5);
    expect(ringostatCampaign(456).received.repeats()).toEqual([]);
  });
});
