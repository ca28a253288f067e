import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { createIntakeService } from '../intake/create-intake-service';
import { localIntake } from '../intake/intake';
import type { JobProgressEvent } from '../jobs/jobs-service';
import { JobsService } from '../jobs/jobs-service';
import { tempJobsDir } from '../jobs/testing/jobs-fixture';
import { useSimulator } from '../simulator/testing/use-simulator';
import { lendUnlocked } from '../store/secrets/lend-unlocked';
import { demoUnlocked } from './testing/upload-sheet';
import { UploadService } from './upload-service';

const sim = useSimulator();
const CSV = ['Phone', ...Array.from({ length: 30 }, (_, i) => `+38050${String(1_000_000 + i)}`), 'nonsense'].join('\n');
const PLANTED = 'planted-secret-1234';

let jobsDir: Awaited<ReturnType<typeof tempJobsDir>>;
beforeEach(async () => {
  jobsDir = await tempJobsDir();
});
afterEach(async () => {
  await jobsDir.remove();
});

async function setup(): Promise<{ service: UploadService; jobs: JobsService; sheetId: string; events: JobProgressEvent[] }> {
  const intakeService = createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
  const intake = localIntake(intakeService);
  const view = await intake.open('calls.csv', new TextEncoder().encode(CSV));
  await intakeService.finished(view.sheetId);
  const events: JobProgressEvent[] = [];
  const unlock = (id: string | null): Promise<UnlockedProfile> => demoUnlocked(sim(), 'mor', id === 'bad-mor' ? { apiSecret: PLANTED } : {});
  const withUnlocked = async <T>(id: string, work: (u: UnlockedProfile, mask: (text: string) => string) => Promise<T>): Promise<T> => lendUnlocked(await unlock(id), work);
  const jobs = new JobsService({ jobsDir: jobsDir.dir, withProfile: async (profile, work) => lendUnlocked(await unlock(profile.id), work), emitProgress: (event) => events.push(event) });
  const service = new UploadService({ intake, withUnlocked, jobs, choices: { numbersPerFile: 10 } });
  return { service, jobs, sheetId: view.sheetId, events };
}

describe('UploadService', () => {
  it('plans without sending: counts, batches one by one, the rows left out, and the default campaign of the profile', async () => {
    const { service, sheetId } = await setup();
    const plan = await service.plan({ sheetId, profileId: 'demo-mor', campaignId: '2' });
    expect(plan).toMatchObject({ provider: 'mor', campaignId: '2', rows: 31, planned: 30, numbers: 30, invalid: 1, duplicate: 0, batches: '3 CSV file(s) of up to 10 numbers, one after another', batchCount: 3 });
    expect(plan.travel).toEqual({ kind: 'mor-files', files: 3, perFile: 10 });
    expect(plan.batchList).toEqual([
      { label: 'File 1 of 3', index: 1, firstRow: 2, lastRow: 11, numbers: 10 },
      { label: 'File 2 of 3', index: 2, firstRow: 12, lastRow: 21, numbers: 10 },
      { label: 'File 3 of 3', index: 3, firstRow: 22, lastRow: 31, numbers: 10 },
    ]);
    expect(plan.skipped).toEqual([expect.objectContaining({ row: 32, status: 'invalid' })]);
    expect(sim().state.mor.campaigns.get(2)?.received.numbers()).toEqual([]);
  });

  it('sends as a job with its choices, tells progress up to the last number, and keeps the receipt to page through by status', async () => {
    const { service, jobs, sheetId, events } = await setup();
    const sent = await service.send({ sheetId, profileId: 'demo-mor', campaignId: '2' });
    expect(sent).toMatchObject({ state: 'finished', fileName: 'calls.csv', profileName: expect.any(String) as string, numbersDone: 30 });
    expect(sent.counts).toEqual({ imported: 30, rejected: 0, invalid: 1, duplicate: 0, unknown: 0, waiting: 0 });
    expect(sent.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(events.at(-1)).toMatchObject({ jobId: sent.id, done: 30, total: 30, etaSeconds: 0 });
    // Files of 10, as chosen: three files reached MOR.
    expect(sim().state.mor.campaigns.get(2)?.received.numbers()).toHaveLength(30);
    expect(await jobs.rows(sent.id, 0, 5, 'invalid')).toEqual({ total: 1, rows: [expect.objectContaining({ row: 32, status: 'invalid' })] });
    expect((await jobs.rows(sent.id, 28, 5, 'all')).rows.map((r) => r.row)).toEqual([30, 31, 32]);
    await expect(jobs.rows('j20000101-000000-000000', 0, 5, 'all')).rejects.toThrow(/There is no job/);
  });

  it('never puts a profile secret into what it answers or writes down', async () => {
    const { service, jobs, sheetId } = await setup();
    const sent = await service.send({ sheetId, profileId: 'bad-mor', campaignId: '2' });
    expect(sent.counts.rejected).toBe(30);
    expect(JSON.stringify(await jobs.rows(sent.id, 0, 100, 'all'))).not.toContain(PLANTED);
    const { bytes } = await jobs.exportReceipt(sent.id, 'csv');
    expect(Buffer.from(bytes).toString('utf8')).not.toContain(PLANTED);
  });
});
