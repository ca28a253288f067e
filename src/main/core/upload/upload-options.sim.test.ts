import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { planSummarySchema, type UploadOptions } from '../../../shared/upload-schemas';
import { createIntakeService } from '../intake/create-intake-service';
import { localIntake } from '../intake/intake';
import { openJobFolder } from '../jobs/job-folder';
import { JobsService } from '../jobs/jobs-service';
import { jobsFor, newJob, tempJobsDir } from '../jobs/testing/jobs-fixture';
import { isalesCampaignKey } from '../simulator/isales/isales-state';
import { useSimulator } from '../simulator/testing/use-simulator';
import { lendUnlocked } from '../store/secrets/lend-unlocked';
import type * as RingostatSend from './send-to-ringostat';
import { demoUnlocked, planCsv } from './testing/upload-sheet';
import type { UploadChoices } from './run-upload';
import { UploadService } from './upload-service';

/** Every sendToRingostat call's pace, as the sender was told it. */
const ringostatPaces = vi.hoisted(() => [] as { concurrency: number; requestsPerSecond: number }[]);
vi.mock('./send-to-ringostat', async (importOriginal) => {
  const actual = await importOriginal<typeof RingostatSend>();
  return {
    ...actual,
    sendToRingostat: (...args: Parameters<typeof actual.sendToRingostat>) => {
      ringostatPaces.push({ concurrency: args[2].concurrency, requestsPerSecond: args[2].requestsPerSecond });
      return actual.sendToRingostat(...args);
    },
  };
});

// The simulator's clock; a test may stop it just before a minute starts (CC-iSales import times).
let frozen: Date | undefined;
const sim = useSimulator({ now: () => frozen ?? new Date(), isales: { importStepMs: 5 } });

/** Stops the simulator's clock 0.1 s before the next minute (at least a second away): an import at that minute waits only a moment. */
function clockBeforeNextMinute(): { minute: Date; at: { hour: number; minute: number } } {
  const minute = new Date(Math.ceil((Date.now() + 1000) / 60_000) * 60_000);
  frozen = new Date(minute.getTime() - 100);
  return { minute, at: { hour: minute.getHours(), minute: minute.getMinutes() } };
}

const phones = (count: number): string => ['Phone', ...Array.from({ length: count }, (_, i) => `+38050${String(1_000_000 + i)}`)].join('\n');

let jobsDir: Awaited<ReturnType<typeof tempJobsDir>>;
beforeEach(async () => {
  jobsDir = await tempJobsDir();
  ringostatPaces.length = 0;
});
afterEach(async () => {
  frozen = undefined;
  await jobsDir.remove();
});

type Provider = UnlockedProfile['profile']['provider'];

/** Profile ids the tests lend: the simulator's demo profile of each provider, and CC-iSales without SFTP. */
async function unlock(id: string | null): Promise<UnlockedProfile> {
  if (id === 'isales-api') return demoUnlocked(sim(), 'isales', { sftp: undefined, serverId: undefined });
  return demoUnlocked(sim(), (id ?? 'mor') as Provider);
}

function jobsService(): JobsService {
  return new JobsService({ jobsDir: jobsDir.dir, withProfile: async (profile, work) => lendUnlocked(await unlock(profile.id), work) });
}

async function setup(csv: string, choices?: UploadChoices): Promise<{ service: UploadService; jobs: JobsService; sheetId: string }> {
  const intakeService = createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
  const intake = localIntake(intakeService);
  const view = await intake.open('calls.csv', new TextEncoder().encode(csv));
  await intakeService.finished(view.sheetId);
  const jobs = jobsService();
  const withUnlocked = async <T>(id: string, work: (u: UnlockedProfile, mask: (text: string) => string) => Promise<T>): Promise<T> => lendUnlocked(await unlock(id), work);
  const service = new UploadService({ intake, withUnlocked, jobs, ...(choices === undefined ? {} : { choices }) });
  return { service, jobs, sheetId: view.sheetId };
}

async function jobJson(id: string): Promise<{ choices: Record<string, unknown> }> {
  return JSON.parse(await readFile(join(jobsDir.dir, id, 'job.json'), 'utf8')) as { choices: Record<string, unknown> };
}

describe('an upload\'s own options: the plan', () => {
  it('MOR: 250 numbers in files of 100 make 3 files, and the summary says what it uses', async () => {
    const { service, sheetId } = await setup(phones(250));
    const plan = planSummarySchema.parse(await service.plan({ sheetId, profileId: 'mor', campaignId: '2', options: { numbersPerFile: 100 } }));
    expect(plan).toMatchObject({ numbers: 250, batchCount: 3, batches: '3 CSV file(s) of up to 100 numbers, one after another', options: { numbersPerFile: 100 } });
    expect(plan.batchList.map((b) => b.numbers)).toEqual([100, 100, 50]);
    // Without options, the profile's default (100,000 numbers a file): one file.
    expect(await service.plan({ sheetId, profileId: 'mor', campaignId: '2' })).toMatchObject({ batchCount: 1, options: { numbersPerFile: 100_000 } });
    expect(sim().state.mor.campaigns.get(2)?.files).toEqual([]);
  });

  it('the target\'s option wins over the service\'s own choice of the same field', async () => {
    const { service, sheetId } = await setup(phones(250), { numbersPerFile: 10 });
    expect(await service.plan({ sheetId, profileId: 'mor', campaignId: '2' })).toMatchObject({ batchCount: 25, options: { numbersPerFile: 10 } });
    expect(await service.plan({ sheetId, profileId: 'mor', campaignId: '2', options: { numbersPerFile: 125 } })).toMatchObject({ batchCount: 2, options: { numbersPerFile: 125 } });
  });

  it('Ringostat: the pace chosen, and the profile\'s for what is not chosen', async () => {
    const { service, sheetId } = await setup(phones(20));
    const plan = await service.plan({ sheetId, profileId: 'ringostat', campaignId: '456', options: { concurrency: 1 } });
    expect(plan.options).toEqual({ concurrency: 1, requestsPerSecond: 2 });
    expect(plan.batches).toBe('20 request(s), at most 2 a second and 1 at once (about 10 s)');
    expect(plan.travel).toEqual({ kind: 'ringostat-requests', requests: 20, concurrency: 1, requestsPerSecond: 2, seconds: 10 });
    const faster = await service.plan({ sheetId, profileId: 'ringostat', campaignId: '456', options: { concurrency: 8, requestsPerSecond: 10 } });
    expect(faster.options).toEqual({ concurrency: 8, requestsPerSecond: 10 });
    expect(faster.batches).toBe('20 request(s), at most 10 a second and 8 at once (about 2 s)');
  });

  it('CC-iSales: an import time with SFTP; null when imported at once or by the add-numbers API', async () => {
    const { service, sheetId } = await setup(phones(3));
    const at = await service.plan({ sheetId, profileId: 'isales', campaignId: '1001', options: { at: { hour: 21, minute: 5 } } });
    expect(at.options).toEqual({ at: { hour: 21, minute: 5 } });
    expect(at.batches).toMatch(/then imported by CC-iSales at 21:05 \(the server's clock\)$/);
    expect(at.travel).toMatchObject({ kind: 'isales-files', files: 1, at: { hour: 21, minute: 5 } });
    expect((await service.plan({ sheetId, profileId: 'isales', campaignId: '1001' })).options).toBeNull();
    expect((await service.plan({ sheetId, profileId: 'isales-api', campaignId: '1001' })).options).toBeNull();
  });
});

describe('an upload\'s own options: what is refused', () => {
  it.each<[string, string, UploadOptions, RegExp]>([
    ['mor', '2', { concurrency: 1 }, /^Numbers sent at once \(Ringostat\) is not a choice for the Kolmisoft MOR profile "[^"]+"; leave it out\. Nothing was sent\.$/],
    ['ringostat', '456', { numbersPerFile: 100 }, /^Numbers per file \(Kolmisoft MOR\) is not a choice for the Ringostat profile/],
    ['ringostat', '456', { numbersPerFile: 100, at: { hour: 1, minute: 0 } }, /^Numbers per file \(Kolmisoft MOR\) and an import time \(Huawei CC-iSales\) are not choices .*; leave them out\. Nothing was sent\.$/],
    ['isales', '1001', { requestsPerSecond: 1 }, /^Requests a second \(Ringostat\) is not a choice for the Huawei CC-iSales profile/],
    ['isales-api', '1001', { at: { hour: 21, minute: 30 } }, /has no SFTP server, so it sends by the CC-iSales add-numbers API, which cannot schedule an import; .* Nothing was sent\.$/],
  ])('%s with %j: refused before anything is planned or sent', async (profileId, campaignId, options, message) => {
    const { service, jobs, sheetId } = await setup(phones(5));
    await expect(service.plan({ sheetId, profileId, campaignId, options })).rejects.toMatchObject({ name: 'UserError', code: 'bad-input', message: expect.stringMatching(message) as unknown });
    await expect(service.send({ sheetId, profileId, campaignId, options })).rejects.toMatchObject({ code: 'bad-input' });
    expect(await jobs.list()).toEqual([]);
    expect(sim().state.mor.campaigns.get(2)?.received.total).toBe(0);
    expect(sim().state.ringostat.projects.get('123')?.campaigns.get(456)?.received.total).toBe(0);
    expect(sim().state.isales.campaigns.get(isalesCampaignKey(1, '1001'))?.received.total).toBe(0);
    expect(ringostatPaces).toEqual([]);
  });

  it('refuses a value out of range with the schema\'s words, whoever called', async () => {
    const { service, sheetId } = await setup(phones(5));
    await expect(service.send({ sheetId, profileId: 'ringostat', campaignId: '456', options: { concurrency: 9 } })).rejects.toThrow('Ringostat sends at most 8 numbers at once. Nothing was sent.');
    expect(await jobsService().list()).toEqual([]);
  });
});

describe('an upload\'s own options: the send', () => {
  it('MOR: numbersPerFile N makes ceil(numbers / N) files at the simulator, and the job keeps N', async () => {
    const { service, sheetId } = await setup(phones(25));
    const sent = await service.send({ sheetId, profileId: 'mor', campaignId: '2', options: { numbersPerFile: 7 } });
    expect(sent.counts.imported).toBe(25);
    expect(sim().state.mor.campaigns.get(2)?.files.map((f) => f.lines)).toEqual([7, 7, 7, 4]);
    expect((await jobJson(sent.id)).choices).toEqual({ numbersPerFile: 7 });
  });

  it('Ringostat: concurrency 1 is kept in job.json and used again by a resumed job; the default keeps nothing', async () => {
    const { service, jobs, sheetId } = await setup(phones(12));
    const defaults = await service.send({ sheetId, profileId: 'ringostat', campaignId: '456', options: { requestsPerSecond: 10 } });
    expect(defaults.counts.imported).toBe(12);
    expect((await jobJson(defaults.id)).choices).toEqual({ requestsPerSecond: 10 });
    expect(ringostatPaces).toEqual([{ concurrency: 2, requestsPerSecond: 10 }]);

    ringostatPaces.length = 0;
    sim().reset();
    const running = service.send({ sheetId, profileId: 'ringostat', campaignId: '456', options: { concurrency: 1, requestsPerSecond: 10 } });
    const campaign = () => sim().state.ringostat.projects.get('123')?.campaigns.get(456);
    await expect.poll(() => campaign()?.received.distinct ?? 0).toBeGreaterThanOrEqual(2);
    const [job] = await jobs.list();
    if (job === undefined) throw new Error('no job was made');
    await jobs.pause(job.id);
    expect((await running).state).toBe('paused');
    expect((await jobJson(job.id)).choices).toEqual({ concurrency: 1, requestsPerSecond: 10 });

    // As after a restart: another JobsService, with nothing but what job.json says.
    const resumed = await jobsService().resume(job.id);
    expect(resumed).toMatchObject({ state: 'finished', counts: expect.objectContaining({ imported: 12 }) as unknown });
    expect(ringostatPaces).toEqual([
      { concurrency: 1, requestsPerSecond: 10 },
      { concurrency: 1, requestsPerSecond: 10 },
    ]);
    expect(campaign()?.received.repeats()).toEqual([]);
  });

  it('CC-iSales: the import time reaches uploadFileServer and survives job.json', async () => {
    const { minute, at } = clockBeforeNextMinute();
    const { service, sheetId } = await setup(phones(4), { pollMs: 10 });
    const sent = await service.send({ sheetId, profileId: 'isales', campaignId: '1001', options: { at } });
    expect(sent).toMatchObject({ state: 'finished', counts: expect.objectContaining({ imported: 4 }) as unknown });
    const tasks = [...sim().state.isales.importTasks.values()];
    expect(tasks.map((t) => t.scheduledFor?.getTime())).toEqual([minute.getTime()]);
    expect((await jobJson(sent.id)).choices).toEqual({ at });
    expect((await openJobFolder(jobsDir.dir, sent.id)).header.choices.at).toEqual(at);
  });

  it('CC-iSales: a job written down with an import time keeps it when it is run later', async () => {
    const { minute, at } = clockBeforeNextMinute();
    const unlocked = await demoUnlocked(sim(), 'isales');
    const jobs = jobsFor(jobsDir.dir, unlocked, { choices: { pollMs: 10 } });
    const id = await jobs.create({ ...newJob(await planCsv(phones(2), 'isales'), '1001', unlocked), choices: { at } });
    expect((await jobs.resume(id)).state).toBe('finished');
    expect([...sim().state.isales.importTasks.values()].map((t) => t.scheduledFor?.getTime())).toEqual([minute.getTime()]);
  });
});
