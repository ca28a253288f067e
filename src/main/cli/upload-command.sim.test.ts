import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { JobSummary } from '../../shared/jobs';

import { isalesCampaignKey } from '../core/simulator/isales/isales-state';
import { useSimulator } from '../core/simulator/testing/use-simulator';
import { writeDemoProfileFiles } from './simulate-command';
import { writeProfileWith } from './testing/changed-profile-file';
import { INTERRUPTED, SOME_NOT_DONE } from './cli-output';
import { SIMULATOR_RATE_ENV } from './cli-jobs';
import { runJobsCommand } from './jobs-command';
import { ProgressLine } from './progress-line';
import { runUploadCommand, type UploadCommandOptions, uploadOptionsFromFlags } from './upload-command';

const sim = useSimulator({ isales: { importStepMs: 5 } });
let dir: string;
let jobsDir: string;
let profiles: Record<string, string>;
let list: string;

// Row 2-4 good, row 5 not a number, row 6 repeats row 2: five data rows.
const CSV = 'Name;Phone\r\nOlena;050 123 45 67\r\nPetro;066 123 45 67\r\nIvan;067 123 45 67\r\nBad;12\r\nAgain;+380501234567\r\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-upload-'));
  jobsDir = join(dir, 'jobs');
  list = join(dir, 'May leads.csv');
  await writeFile(list, CSV);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(provider: string, extra: Partial<UploadCommandOptions> = {}): Promise<{ text: string; exitCode: number }> {
  profiles = await writeDemoProfileFiles(sim(), join(dir, 'profiles'));
  return runUploadCommand({ file: list, profilePath: profiles[provider] as string, localeCountry: 'GB', mode: 'e164', dryRun: false, json: true, env: {}, dataDir: null, jobsDir, ...extra });
}

interface JsonReceipt {
  job: string;
  state: string;
  imported: number;
  rejected: number;
  invalid: number;
  duplicate: number;
  unknown: number;
  rows: { row: number; number: string; status: string; message: string }[];
}

describe('dialsheet upload', () => {
  it('--dry-run --json shows what would be sent, and sends nothing', async () => {
    const { text, exitCode } = await run('mor', { campaign: '2', dryRun: true });
    const plan = JSON.parse(text) as { planned: number; invalid: number; duplicate: number; rows: { status: string }[] };
    expect(exitCode).toBe(0);
    expect(plan).toMatchObject({ dryRun: true, provider: 'mor', campaign: '2', planned: 3, numbers: 3, invalid: 1, duplicate: 1 });
    expect(plan.rows.map((r) => r.status)).toEqual(['planned', 'planned', 'planned', 'invalid', 'duplicate']);
    expect(sim().state.mor.campaigns.get(2)?.received.numbers()).toEqual([]);
  });

  it('--dry-run in words names the batches and the rows left out', async () => {
    const { text } = await run('ringostat', { campaign: '456', dryRun: true, json: false });
    expect(text).toContain('Dry run: nothing was sent.');
    expect(text).toContain('May leads.csv → Ringostat campaign 456 (profile "Demo Ringostat (simulator)")');
    expect(text).toMatch(/to send: +3 row\(s\), 3 number\(s\), as 3 request\(s\), at most 2 a second and 2 at once/);
    expect(text).toMatch(/row 5 {2}12 {2}invalid: Not sent:/);
  });

  it('--json gives the documented receipt, its counts adding up to the data rows (MOR)', async () => {
    const { text, exitCode } = await run('mor', { campaign: '2' });
    const receipt = JSON.parse(text) as JsonReceipt;
    expect(exitCode).toBe(0);
    expect(Object.keys(receipt)).toEqual(['job', 'state', 'imported', 'rejected', 'invalid', 'duplicate', 'unknown', 'rows']);
    expect(receipt.job).toMatch(/^j\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(receipt.state).toBe('finished');
    expect(receipt.imported + receipt.rejected + receipt.invalid + receipt.duplicate + receipt.unknown).toBe(5);
    expect(receipt).toMatchObject({ imported: 3, invalid: 1, duplicate: 1 });
    expect(receipt.rows[0]).toEqual({ row: 2, number: '380501234567', status: 'imported', message: 'MOR: "3 out of 3 numbers were imported" (May_leads-001.csv).' });
    expect(sim().state.mor.campaigns.get(2)?.numbers).toEqual(['380501234567', '380661234567', '380671234567']);
  });

  it('loads CC-iSales through the simulator\'s SFTP server and import task, telling how the files go up', async () => {
    const written: string[] = [];
    const progress = new ProgressLine((line) => written.push(line), { tty: false, everyMs: 0 });
    const { text } = await run('isales', { campaign: '1001', progress });
    expect(written.join('')).toMatch(/SFTP: 100% of \d+ bytes/);
    expect(JSON.parse(text)).toMatchObject({ imported: 3, invalid: 1, duplicate: 1, unknown: 0 });
    const records = sim().state.isales.campaigns.get(isalesCampaignKey(1, '1001'))?.records ?? [];
    expect(records.map((r) => r.called)).toEqual([['380501234567'], ['380661234567'], ['380671234567']]);
  });

  it('exits 3 when rows did not go in: a campaign that takes no numbers', async () => {
    const { text, exitCode } = await run('isales', { campaign: '1002', json: false });
    expect(exitCode).toBe(SOME_NOT_DONE);
    expect(text).toMatch(/rejected: +3/);
    expect(text).toMatch(/0200019/);
  });

  it('takes a secret from the environment, and says which variable is missing', async () => {
    profiles = await writeDemoProfileFiles(sim(), join(dir, 'profiles'));
    const envProfile = await writeProfileWith(profiles.mor as string, { apiSecret: { env: 'DIALSHEET_TEST_MOR_SECRET' } });
    const base = { file: list, profilePath: envProfile, campaign: '2', localeCountry: 'UA', mode: 'e164' as const, dryRun: false, json: true, dataDir: null, jobsDir };
    await expect(runUploadCommand({ ...base, env: {} })).rejects.toThrow(/DIALSHEET_TEST_MOR_SECRET, which is not set/);
    const { text } = await runUploadCommand({ ...base, env: { DIALSHEET_TEST_MOR_SECRET: sim().credentials.mor.apiSecret } });
    expect(JSON.parse(text)).toMatchObject({ imported: 3 });
  });

  it('refuses a campaign id the provider cannot have, and a missing campaign, before reading the file', async () => {
    await expect(run('mor', { campaign: 'abc' })).rejects.toThrow(/MOR campaign ids are numbers/);
    await expect(run('ringostat')).rejects.toThrow(/--campaign ID/);
  });

  it('runs as a job: says its id first, names it in the receipt, and keeps the file\'s hash and the profile\'s path', async () => {
    const written: string[] = [];
    const progress = new ProgressLine((text) => written.push(text), { tty: false, everyMs: 0 });
    const { text, exitCode } = await run('ringostat', { campaign: '456', json: false, progress });
    const id = /^Job (j\S+) started: 3 numbers to Ringostat campaign 456\n$/.exec(written[0] ?? '')?.[1];
    expect(id, written.join('')).toBeDefined();
    expect(exitCode).toBe(0);
    expect(text.split('\n')[0]).toBe(`Job ${id} finished: May leads.csv → Ringostat campaign 456 (profile "Demo Ringostat (simulator)")`);
    expect(written.join('')).toContain('3 of 3 numbers done (100%)');
    const header = JSON.parse(await readFile(join(jobsDir, id ?? '', 'job.json'), 'utf8')) as { profile: unknown; contentSha256: string; fileName: string };
    expect(header.profile).toEqual({ name: 'Demo Ringostat (simulator)', id: null, file: profiles.ringostat });
    expect(header.contentSha256).toBe(createHash('sha256').update(CSV).digest('hex'));
    expect(header.fileName).toBe('May leads.csv');
  });

  it('Ctrl-C pauses the job once the requests in flight are answered, says how to resume, and exits 130', async () => {
    const many = join(dir, 'many.csv');
    await writeFile(many, ['Phone', ...Array.from({ length: 40 }, (_, i) => `+38067000${String(i).padStart(4, '0')}`)].join('\n'));
    const notes: string[] = [];
    let interrupt: (() => void) | undefined;
    const progress = new ProgressLine(
      (line) => {
        notes.push(line);
        if (/^[3-9] of 40 numbers done/.test(line)) interrupt?.();
      },
      { tty: false, everyMs: 0 },
    );
    const onInterrupt = (listener: () => void): (() => void) => {
      interrupt = () => {
        interrupt = undefined;
        listener();
      };
      return () => {
        interrupt = undefined;
      };
    };
    const choices = { requestsPerSecond: 40, concurrency: 2 };
    const { text, exitCode } = await run('ringostat', { file: many, campaign: '456', progress, onInterrupt, choices });
    const paused = JSON.parse(text) as JsonReceipt & { waiting: number };
    expect(exitCode).toBe(INTERRUPTED);
    expect(paused.state).toBe('paused');
    expect(paused.waiting).toBeGreaterThan(0);
    expect(paused.imported + paused.waiting).toBe(40);
    expect(notes.join('')).toContain(`Job ${paused.job} paused: `);
    expect(notes.join('')).toContain(`Resume it with: dialsheet jobs resume ${paused.job}`);
    const received = ringostatCampaign(456).received;
    expect(received.distinct).toBe(paused.imported);

    const printed: string[] = [];
    const code = await runJobsCommand({ action: 'resume', id: paused.job, jobsDir, json: true, resendUnknown: false, leaveUnknown: false, env: {}, country: 'UA', choices, print: (t) => printed.push(t) });
    const finished = JSON.parse(printed.join('')) as JsonReceipt;
    expect(code).toBe(0);
    expect(finished).toMatchObject({ job: paused.job, state: 'finished', imported: 40, unknown: 0 });
    expect(received.distinct).toBe(40);
    expect(received.repeats()).toEqual([]);
  });

  it('a profile file that is not there: says which, and that nothing was sent', async () => {
    const missing = join(dir, 'nowhere', 'ringostat.json');
    await expect(runUploadCommand({ file: list, profilePath: missing, campaign: '456', localeCountry: 'UA', mode: 'e164', dryRun: false, json: true, env: {}, dataDir: null, jobsDir })).rejects.toThrow(
      `The profile file ${missing} could not be read (is the path right?). Nothing was sent.`,
    );
  });

  it('refuses the simulator-only rate for a profile that is not on this computer, before a job is made', async () => {
    profiles = await writeDemoProfileFiles(sim(), join(dir, 'profiles'));
    const remote = await writeProfileWith(profiles.ringostat as string, { baseUrl: 'https://api.ringostat.net' });
    const isolated = join(dir, 'jobs-remote');
    const base = { file: list, profilePath: remote, campaign: '456', localeCountry: 'UA', mode: 'e164' as const, dryRun: false, json: true, dataDir: null, jobsDir: isolated };
    await expect(runUploadCommand({ ...base, env: { [SIMULATOR_RATE_ENV]: '500' } })).rejects.toThrow(/for the simulator on this computer only.*Nothing was sent/);
    const printed: string[] = [];
    await runJobsCommand({ action: 'list', id: undefined, jobsDir: isolated, json: true, resendUnknown: false, leaveUnknown: false, env: {}, country: 'UA', print: (t) => printed.push(t) });
    expect(JSON.parse(printed.join('')) as JobSummary[]).toEqual([]);
  });
});

describe('dialsheet upload --numbers-per-file, --concurrency, --requests-per-second, --at', () => {
  it('reads the flags into the upload\'s options, refusing what is not a number or a time', () => {
    expect(uploadOptionsFromFlags({})).toEqual({});
    expect(uploadOptionsFromFlags({ 'numbers-per-file': '500', concurrency: '1', 'requests-per-second': '0.5', at: '7:05' })).toEqual({
      numbersPerFile: 500,
      concurrency: 1,
      requestsPerSecond: 0.5,
      at: { hour: 7, minute: 5 },
    });
    expect(() => uploadOptionsFromFlags({ concurrency: 'two' })).toThrow('--concurrency wants a number, not "two". Nothing was sent.');
    expect(() => uploadOptionsFromFlags({ 'numbers-per-file': '' })).toThrow(/--numbers-per-file wants a number/);
    expect(() => uploadOptionsFromFlags({ at: '2130' })).toThrow('--at wants a time as HH:MM, such as 21:30, not "2130". Nothing was sent.');
  });

  it('--dry-run shows the plan with them, and --json says what the upload will use', async () => {
    const { text } = await run('mor', { campaign: '2', dryRun: true, options: uploadOptionsFromFlags({ 'numbers-per-file': '1' }) });
    expect(JSON.parse(text)).toMatchObject({ batchCount: 3, batches: '3 CSV file(s) of up to 1 numbers, one after another', options: { numbersPerFile: 1 } });
    const words = await run('ringostat', { campaign: '456', dryRun: true, json: false, options: uploadOptionsFromFlags({ concurrency: '1', 'requests-per-second': '5' }) });
    expect(words.text).toMatch(/as 3 request\(s\), at most 5 a second and 1 at once/);
  });

  it('refuses a value out of range, or a choice the provider does not have, before a job is made', async () => {
    const isolated = join(dir, 'jobs-options');
    await expect(run('ringostat', { campaign: '456', jobsDir: isolated, options: uploadOptionsFromFlags({ concurrency: '9' }) })).rejects.toThrow('Ringostat sends at most 8 numbers at once. Nothing was sent.');
    await expect(run('mor', { campaign: '2', jobsDir: isolated, options: uploadOptionsFromFlags({ at: '21:30' }) })).rejects.toThrow(
      /^An import time \(Huawei CC-iSales\) is not a choice for the Kolmisoft MOR profile .*Nothing was sent\.$/,
    );
    await expect(run('isales', { campaign: '1001', jobsDir: isolated, options: uploadOptionsFromFlags({ at: '24:00' }) })).rejects.toThrow('The hour is 0 to 23. Nothing was sent.');
    const printed: string[] = [];
    await runJobsCommand({ action: 'list', id: undefined, jobsDir: isolated, json: true, resendUnknown: false, leaveUnknown: false, env: {}, country: 'UA', print: (t) => printed.push(t) });
    expect(JSON.parse(printed.join('')) as JobSummary[]).toEqual([]);
    expect(sim().state.mor.campaigns.get(2)?.received.total).toBe(0);
  });

  it('sends with them, and the job keeps them for `jobs resume`', async () => {
    const { text } = await run('mor', { campaign: '2', options: uploadOptionsFromFlags({ 'numbers-per-file': '2' }) });
    const receipt = JSON.parse(text) as JsonReceipt;
    expect(receipt.imported).toBe(3);
    expect(sim().state.mor.campaigns.get(2)?.files.map((f) => f.lines)).toEqual([2, 1]);
    const header = JSON.parse(await readFile(join(jobsDir, receipt.job, 'job.json'), 'utf8')) as { choices: unknown };
    expect(header.choices).toEqual({ numbersPerFile: 2 });
  });
});

function ringostatCampaign(id: number) {
  const campaign = [...sim().state.ringostat.projects.values()][0]?.campaigns.get(id);
  if (campaign === undefined) throw new Error(`no Ringostat campaign ${id}`);
  return campaign;
}
