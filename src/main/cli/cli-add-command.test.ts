import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';

import { OTHER_MOR_DEVICE_ID, TAKEN_MOR_CLI } from '../core/simulator/demo-seed';
import { useSimulator } from '../core/simulator/testing/use-simulator';
import { type CliAddCommandOptions, runCliAddCommand } from './cli-add-command';
import { SOME_NOT_DONE } from './cli-output';
import { writeDemoProfileFiles } from './simulate-command';
import { writeProfileWith } from './testing/changed-profile-file';

const sim = useSimulator();
let dir: string;
let morProfile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-cli-add-'));
  morProfile = (await writeDemoProfileFiles(sim(), dir)).mor ?? '';
});

const profileWith = (changes: Record<string, unknown>): Promise<string> => writeProfileWith(morProfile, changes);

async function sheet(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

interface Run {
  code: number;
  printed: string[];
  notes: string[];
}

async function run(options: Partial<CliAddCommandOptions>): Promise<Run> {
  const printed: string[] = [];
  const notes: string[] = [];
  const code = await runCliAddCommand({
    file: undefined,
    profile: morProfile,
    json: false,
    env: {},
    country: 'UA',
    pauseMs: 0,
    print: (t) => printed.push(t),
    printNote: (t) => notes.push(t),
    ...options,
  });
  return { code, printed, notes };
}

interface JsonReport {
  added: number;
  rejected: number;
  invalid: number;
  unknown: number;
  rows: { row: number; device: string; cli: string; status: string; message: string }[];
}

function jsonOf(result: Run): JsonReport {
  expect(result.printed).toHaveLength(1);
  return JSON.parse(result.printed[0] ?? '') as JsonReport;
}

const clisOn = (device: number): unknown[] => [...(sim().state.mor.devices.get(device)?.clis ?? [])];
const SECRET = 'demo-mor-api-secret';

// One of each: added number, added domain, taken CLI, another user's device, unknown IVR, a bad row, a repeat.
const MIXED = [
  'Device ID,CLI,Description,Comment,Banned,IVR ID',
  '1,37060000002,Main line,"from the sheet, row 2",no,1',
  '1,sip.example.com,,,,',
  `1,${TAKEN_MOR_CLI},,,,`,
  `${OTHER_MOR_DEVICE_ID},37060000003,,,,`,
  '1,37060000004,,,,9',
  'x,+380 50 123,,,maybe,',
  '1,37060000002,,,,',
].join('\r\n');

describe('dialsheet cli-add against the simulator', () => {
  it('prints one outcome per row with --json, the counts adding up, and the CLIs land on the device', async () => {
    const result = await run({ file: await sheet('clis.csv', MIXED), json: true });
    expect(result.code).toBe(SOME_NOT_DONE);
    const report = jsonOf(result);
    expect(Object.keys(report)).toEqual(['added', 'rejected', 'invalid', 'unknown', 'rows']);
    expect(report.added + report.rejected + report.invalid + report.unknown).toBe(7);
    expect(report.rows.map((r) => [r.row, r.device, r.cli, r.status])).toEqual([
      [2, '1', '37060000002', 'added'],
      [3, '1', 'sip.example.com', 'added'],
      [4, '1', TAKEN_MOR_CLI, 'rejected'],
      [5, String(OTHER_MOR_DEVICE_ID), '37060000003', 'rejected'],
      [6, '1', '37060000004', 'rejected'],
      [7, 'x', '+380 50 123', 'invalid'],
      [8, '1', '37060000002', 'invalid'],
    ]);
    expect(report.rows[0]?.message).toBe('CLI successfully created');
    expect(report.rows[2]?.message).toMatch(/^MOR said "CLI already exists\. It is assigned to other device"/);
    expect(report.rows[3]?.message).toMatch(/^MOR said "You are not authorised to use this functionality"/);
    expect(report.rows[4]?.message).toMatch(/^MOR said "IVR was not found"/);
    expect(report.rows[5]?.message).toMatch(/Device id "x".*digits only.*Banned must be yes or no.*The row was not sent\.$/);
    expect(report.rows[6]?.message).toMatch(/^The same CLI as row 2/);
    expect(clisOn(1)).toEqual([
      { number: '37060000002', description: 'Main line', comment: 'from the sheet, row 2', banned: false, ivrId: 1 },
      { domain: 'sip.example.com', description: '', comment: '', banned: false },
    ]);
    expect(clisOn(OTHER_MOR_DEVICE_ID)).toHaveLength(1);
  });

  it('prints a line per CLI and a summary without --json, and exits 0 when every CLI was added', async () => {
    const text = 'Пристрій;Номер АОН;Опис;Заблоковано\r\n1;37060000005;Київ;так\r\n1;37060000006;Одеса;ні\r\n';
    const result = await run({ file: await sheet('clis-1251.csv', iconv.encode(text, 'win1251')) });
    expect(result.code).toBe(0);
    expect(result.printed).toEqual([
      'row 2, device 1, CLI 37060000005: added. CLI successfully created',
      'row 3, device 1, CLI 37060000006: added. CLI successfully created',
      '2 CLIs: 2 added, 0 rejected, 0 invalid, 0 unknown.',
    ]);
    expect(clisOn(1)).toEqual([
      { number: '37060000005', description: 'Київ', comment: '', banned: true },
      { number: '37060000006', description: 'Одеса', comment: '', banned: false },
    ]);
  });

  it('reads an XLSX sheet and says which rows and columns it skipped', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('CLIs');
    ws.addRow(['CLIs for the sales team']);
    ws.addRow(['Device', 'CLI number', 'Owner']);
    ws.addRow([1, 37060000007, 'Olena']);
    const result = await run({ file: await sheet('clis.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer())), json: true });
    expect(jsonOf(result)).toMatchObject({ added: 1, rows: [{ row: 3, cli: '37060000007', status: 'added' }] });
    expect(result.notes.join('\n')).toMatch(/1 row above the header was skipped \(row 1: "CLIs for the sales team"\)/);
    expect(result.notes.join('\n')).toMatch(/Column "Owner" is not a cli_add field and was ignored/);
  });

  it('adds to a user\'s device as the admin', async () => {
    const result = await run({ file: await sheet('admin.csv', 'Device,CLI\n1,37060000008\n'), profile: await profileWith({ username: 'admin' }), json: true });
    expect(jsonOf(result).added).toBe(1);
    expect(clisOn(1)).toHaveLength(1);
  });

  it('rejects every row for the accountant, quoting MOR', async () => {
    const result = await run({ file: await sheet('acc.csv', 'Device,CLI\n1,111\n1,222\n'), profile: await profileWith({ username: 'accountant' }), json: true });
    const report = jsonOf(result);
    expect(report).toMatchObject({ added: 0, rejected: 2 });
    for (const row of report.rows) expect(row.message).toMatch(/^MOR said "You are not authorised to use this functionality"\. .*"Manage Devices"/);
    expect(clisOn(1)).toEqual([]);
  });

  it('stops at a wrong secret or an unknown user, sends nothing more, and never prints the secret', async () => {
    const file = await sheet('two.csv', 'Device,CLI\n1,111\n1,222\n');
    const wrong = await run({ file, profile: await profileWith({ apiSecret: 'not-the-secret' }) });
    expect(wrong.code).toBe(SOME_NOT_DONE);
    expect(wrong.printed[0]).toMatch(/^row 2, device 1, CLI 111: rejected\. MOR said "Incorrect hash"\. .*API secret key/);
    expect(wrong.printed[1]).toBe('row 3, device 1, CLI 222: rejected. Not sent: MOR refused this profile at row 2 ("Incorrect hash"); fix the profile and add this row again.');
    expect(wrong.printed.join('\n')).not.toContain('not-the-secret');
    const nobody = await run({ file, profile: await profileWith({ username: 'nobody' }), json: true });
    expect(jsonOf(nobody).rows[0]?.message).toMatch(/^MOR said "Access Denied"/);
    expect(JSON.stringify(nobody)).not.toContain(SECRET);
    expect(clisOn(1)).toEqual([]);
  });

  it('reports a CLI whose answer was lost as unknown: MOR holds it once and it is not sent again', async () => {
    sim().setFaults({ resetShare: 1, resetPoint: 'after-handling', providers: ['mor'] });
    const report = jsonOf(await run({ file: await sheet('lost.csv', 'Device,CLI\n1,111\n1,222\n'), json: true }));
    expect(report).toMatchObject({ added: 0, rejected: 1, invalid: 0, unknown: 1 });
    expect(report.rows[0]?.message).toMatch(/^The connection to .* failed.*MOR may have added this CLI/);
    expect(report.rows[1]?.message).toMatch(/^Not sent: /);
    expect(clisOn(1)).toEqual([{ number: '111', description: '', comment: '', banned: false }]);
  });

  it('reports a 503 as unknown too, and the run stops there', async () => {
    sim().setFaults({ serverErrorShare: 1, providers: ['mor'] });
    const report = jsonOf(await run({ file: await sheet('busy.csv', 'Device,CLI\n1,111\n1,222\n'), json: true }));
    expect(report.rows.map((r) => r.status)).toEqual(['unknown', 'rejected']);
    expect(report.rows[0]?.message).toMatch(/web page instead of MOR API XML.*503 Service Temporarily Unavailable/);
  });

  it('refuses an unusable sheet or profile before sending anything', async () => {
    await expect(run({ file: undefined })).rejects.toThrow(/cli-add needs a sheet of CLIs/);
    await expect(run({ file: join(dir, 'missing.csv') })).rejects.toThrow(/missing\.csv could not be opened.*Nothing was sent\./);
    await expect(run({ file: await sheet('contacts.csv', 'Name,Phone\nOlena,0501234567\n') })).rejects.toThrow(/has no header naming the device and the CLI columns/);
    const file = await sheet('ok.csv', 'Device,CLI\n1,111\n');
    await expect(run({ file, profile: undefined })).rejects.toThrow(/needs a MOR profile file/);
    await expect(run({ file, profile: join(dir, 'ringostat.json') })).rejects.toThrow(/cli-add needs a Kolmisoft MOR profile/);
    await expect(run({ file, profile: await profileWith({ apiSecret: { env: 'MOR_SECRET_NOT_SET' } }) })).rejects.toThrow(/MOR_SECRET_NOT_SET, which is not set/);
    expect(clisOn(1)).toEqual([]);
  });
});
