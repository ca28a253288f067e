import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { isalesCampaignKey } from '../core/simulator/isales/isales-state';
import { useSimulator } from '../core/simulator/testing/use-simulator';
import { writeDemoProfileFiles } from './simulate-command';
import { writeProfileWith } from './testing/changed-profile-file';
import { SOME_NOT_DONE } from './cli-output';
import { runUploadCommand, type UploadCommandOptions } from './upload-command';

const sim = useSimulator({ isales: { importStepMs: 5 } });
let dir: string;
let profiles: Record<string, string>;
let list: string;

// Row 2-4 good, row 5 not a number, row 6 repeats row 2: five data rows.
const CSV = 'Name;Phone\r\nOlena;050 123 45 67\r\nPetro;066 123 45 67\r\nIvan;067 123 45 67\r\nBad;12\r\nAgain;+380501234567\r\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-upload-'));
  list = join(dir, 'May leads.csv');
  await writeFile(list, CSV);
});

async function run(provider: string, extra: Partial<UploadCommandOptions> = {}): Promise<{ text: string; exitCode: number }> {
  profiles = await writeDemoProfileFiles(sim(), join(dir, 'profiles'));
  return runUploadCommand({ file: list, profilePath: profiles[provider] as string, localeCountry: 'GB', mode: 'e164', dryRun: false, json: true, env: {}, dataDir: null, ...extra });
}

interface JsonReceipt {
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
    expect(Object.keys(receipt)).toEqual(['imported', 'rejected', 'invalid', 'duplicate', 'unknown', 'rows']);
    expect(receipt.imported + receipt.rejected + receipt.invalid + receipt.duplicate + receipt.unknown).toBe(5);
    expect(receipt).toMatchObject({ imported: 3, invalid: 1, duplicate: 1 });
    expect(receipt.rows[0]).toEqual({ row: 2, number: '380501234567', status: 'imported', message: 'MOR: "3 out of 3 numbers were imported" (May_leads-001.csv).' });
    expect(sim().state.mor.campaigns.get(2)?.numbers).toEqual(['380501234567', '380661234567', '380671234567']);
  });

  it('loads CC-iSales through the simulator\'s SFTP server and import task', async () => {
    const { text } = await run('isales', { campaign: '1001' });
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
    const base = { file: list, profilePath: envProfile, campaign: '2', localeCountry: 'UA', mode: 'e164' as const, dryRun: false, json: true, dataDir: null };
    await expect(runUploadCommand({ ...base, env: {} })).rejects.toThrow(/DIALSHEET_TEST_MOR_SECRET, which is not set/);
    const { text } = await runUploadCommand({ ...base, env: { DIALSHEET_TEST_MOR_SECRET: sim().credentials.mor.apiSecret } });
    expect(JSON.parse(text)).toMatchObject({ imported: 3 });
  });

  it('refuses a campaign id the provider cannot have, and a missing campaign, before reading the file', async () => {
    await expect(run('mor', { campaign: 'abc' })).rejects.toThrow(/MOR campaign ids are numbers/);
    await expect(run('ringostat')).rejects.toThrow(/--campaign ID/);
  });
});
