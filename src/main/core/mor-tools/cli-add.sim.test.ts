import { describe, expect, it } from 'vitest';

import { MorClient } from '../providers/mor/mor-client';
import { OTHER_MOR_DEVICE_ID, TAKEN_MOR_CLI } from '../simulator/demo-seed';
import { useSimulator } from '../simulator/testing/use-simulator';
import { addClis, type CliAddOutcome } from './cli-add';
import type { CheckedCliRow, CliRequest } from './cli-row-check';

const sim = useSimulator();

function client(user = sim().credentials.mor.username, apiSecret = sim().credentials.mor.apiSecret): MorClient {
  return new MorClient({ baseUrl: sim().urls.mor, user, apiSecret });
}

const NO_CELLS = { description: '', comment: '', banned: '', ivr: '' };

function row(at: number, request: CliRequest): CheckedCliRow {
  return { row: at, device: String(request.deviceId), cli: request.cliNumber ?? request.cliDomain ?? '', cells: NO_CELLS, ok: true, request };
}

const deviceClis = (id: number): readonly unknown[] => sim().state.mor.devices.get(id)?.clis ?? [];

// The command's checks keep these from MOR; sent anyway, MOR's own refusals must come back as its words.
describe('addClis against the simulator', () => {
  it('adds, and reports each of MOR\'s per-row refusals with its words, going on past them', async () => {
    const outcomes: CliAddOutcome[] = [];
    const report = await addClis(
      client(),
      [
        row(2, { deviceId: 1, cliNumber: '37060000009', cliDescription: 'ok', banned: true, ivrId: 1 }),
        row(3, { deviceId: 1, cliNumber: '12ab' }),
        row(4, { deviceId: 1, cliNumber: TAKEN_MOR_CLI }),
        row(5, { deviceId: 1 }),
        row(6, { deviceId: 1, cliNumber: '37060000010', ivrId: 99 }),
        row(7, { deviceId: '', cliNumber: '37060000011' }),
        row(8, { deviceId: OTHER_MOR_DEVICE_ID, cliNumber: '37060000012' }),
        row(9, { deviceId: 404, cliNumber: '37060000013' }),
        { row: 10, device: 'x', cli: '1', cells: NO_CELLS, ok: false, problem: 'Device id "x" is not a positive whole number.' },
      ],
      { apiSecret: sim().credentials.mor.apiSecret, pauseMs: 0, onOutcome: (o) => outcomes.push(o) },
    );
    expect(report.rows.map((o) => [o.row, o.status, o.message])).toEqual([
      [2, 'added', 'CLI successfully created'],
      [3, 'rejected', expect.stringMatching(/^MOR said "CLI must be numeric"\./)],
      [4, 'rejected', expect.stringMatching(/^MOR said "CLI already exists\. It is assigned to other device"\./)],
      [5, 'rejected', expect.stringMatching(/^MOR said "CLI Number cannot be empty"\./)],
      [6, 'rejected', expect.stringMatching(/^MOR said "IVR was not found"\./)],
      [7, 'rejected', expect.stringMatching(/^MOR said "Device ID cannot be empty"\./)],
      [8, 'rejected', expect.stringMatching(/^MOR said "You are not authorised to use this functionality"\. .*device belongs to this user/)],
      [9, 'rejected', expect.stringMatching(/^MOR said "Device was not found"\./)],
      [10, 'invalid', 'Device id "x" is not a positive whole number. The row was not sent.'],
    ]);
    expect(outcomes).toEqual(report.rows);
    expect(report).toMatchObject({ added: 1, rejected: 7, invalid: 1, unknown: 0 });
    expect(deviceClis(1)).toEqual([{ number: '37060000009', description: 'ok', comment: '', banned: true, ivrId: 1 }]);
  });

  it('stops at "Incorrect hash" and sends nothing more', async () => {
    const report = await addClis(client(undefined, 'wrong-secret'), [row(2, { deviceId: 1, cliNumber: '111' }), row(3, { deviceId: 1, cliNumber: '222' })], {
      apiSecret: 'wrong-secret',
      pauseMs: 0,
    });
    expect(report.rows.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(report.rows[0]?.message).toMatch(/^MOR said "Incorrect hash"\. .*API secret key/);
    expect(report.rows[1]?.message).toBe('Not sent: MOR refused this profile at row 2 ("Incorrect hash"); fix the profile and add this row again.');
    expect(deviceClis(1)).toEqual([]);
  });

  it('stops at "Access Denied" for an unknown user', async () => {
    const report = await addClis(client('nobody'), [row(2, { deviceId: 1, cliNumber: '111' }), row(3, { deviceId: 1, cliNumber: '222' })], {
      apiSecret: sim().credentials.mor.apiSecret,
      pauseMs: 0,
    });
    expect(report.rows[0]?.message).toMatch(/^MOR said "Access Denied"\./);
    expect(report.rows[1]?.message).toMatch(/^Not sent: MOR refused this profile at row 2 \("Access Denied"\)/);
  });

  it('marks a CLI whose answer was lost after MOR stored it as unknown, never sends it again, and stops', async () => {
    sim().setFaults({ resetShare: 1, resetPoint: 'after-handling', providers: ['mor'] });
    const report = await addClis(client(), [row(2, { deviceId: 1, cliNumber: '111' }), row(3, { deviceId: 1, cliNumber: '222' })], {
      apiSecret: sim().credentials.mor.apiSecret,
      pauseMs: 0,
    });
    expect(report.rows.map((o) => o.status)).toEqual(['unknown', 'rejected']);
    expect(report.rows[0]?.message).toMatch(/MOR may have added this CLI.*check the device on MOR before adding it again/);
    expect(report.rows[1]?.message).toMatch(/^Not sent: the server could not be reached or did not answer as MOR does at row 2/);
    // MOR holds it exactly once: the lost answer was not followed by a second try.
    expect(deviceClis(1)).toEqual([{ number: '111', description: '', comment: '', banned: false }]);
  });

  it('treats a 503 web page as unknown, since the CLI may or may not have been added', async () => {
    sim().setFaults({ serverErrorShare: 1, providers: ['mor'] });
    const report = await addClis(client(), [row(2, { deviceId: 1, cliNumber: '111' })], { apiSecret: sim().credentials.mor.apiSecret, pauseMs: 0 });
    expect(report.rows[0]).toMatchObject({ status: 'unknown', message: expect.stringMatching(/^The server answered with a web page instead of MOR API XML\..* Its answer began: "503 Service Temporarily Unavailable.*MOR may have added this CLI/) as unknown });
  });

  it('waits between requests when asked to', async () => {
    const started = Date.now();
    const report = await addClis(client(), [row(2, { deviceId: 1, cliNumber: '111' }), row(3, { deviceId: 1, cliNumber: '222' })], { apiSecret: sim().credentials.mor.apiSecret, pauseMs: 150 });
    expect(report.added).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
