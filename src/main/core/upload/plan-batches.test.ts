import { describe, expect, it } from 'vitest';

import { profileSchema, type UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { planSummarySchema } from '../../../shared/upload-schemas';
import { describePlanBatches, planBatchList, planTravel } from './plan-batches';
import { summarisePlan } from './plan-summary';
import type { UploadPlan } from './upload-plan';

/** A profile as a user enters it, less the id, name and country every one has. */
const unlocked = (input: Record<string, unknown>): UnlockedProfile =>
  ({ profile: profileSchema.parse({ id: 'p', name: 'P', defaultCountry: 'UA', ...input }), secrets: {} }) as UnlockedProfile;

const MOR = unlocked({ provider: 'mor', baseUrl: 'https://mor.example.com', username: 'u', options: { numbersPerFile: 10 } });
const RINGOSTAT = unlocked({ provider: 'ringostat', projectId: '1', options: { concurrency: 1, requestsPerSecond: 0.5 } });
const ISALES_API = unlocked({ provider: 'isales', baseUrl: 'https://isales.example.com', vdnId: 1, accessKey: 'AK' });
const ISALES_SFTP = unlocked({
  provider: 'isales',
  baseUrl: 'https://isales.example.com',
  vdnId: 1,
  accessKey: 'AK',
  sftp: { host: 'files.example.com', port: 2222, username: 'loader', remoteDir: '/in', serverId: '7' },
});

/** `rows` rows from row 2, one number each, and one row with two numbers after them when `double`. */
function planOf(rows: number, double = false): UploadPlan {
  const send = Array.from({ length: rows }, (_, i) => ({ row: i + 2, numbers: [`38050000${String(i).padStart(4, '0')}`], fields: {} }));
  if (double) send.push({ row: rows + 2, numbers: ['380670000001', '380670000002'], fields: {} });
  const numbers = send.reduce((sum, c) => sum + c.numbers.length, 0);
  return { provider: 'mor', rows: send.length, send, skipped: [], numbers };
}

describe('planTravel and describePlanBatches', () => {
  it('MOR: files of the chosen size, the choice over the profile', () => {
    expect(planTravel(MOR, planOf(21))).toEqual({ kind: 'mor-files', files: 3, perFile: 10 });
    expect(planTravel(MOR, planOf(21), { numbersPerFile: 5 })).toEqual({ kind: 'mor-files', files: 5, perFile: 5 });
    expect(describePlanBatches(planTravel(MOR, planOf(21)))).toBe('3 CSV file(s) of up to 10 numbers, one after another');
  });

  it('Ringostat: one request per number at the pace, and about how long', () => {
    const travel = planTravel(RINGOSTAT, planOf(3, true));
    expect(travel).toEqual({ kind: 'ringostat-requests', requests: 5, concurrency: 1, requestsPerSecond: 0.5, seconds: 10 });
    expect(describePlanBatches(travel)).toBe('5 request(s), at most 0.5 a second and 1 at once (about 10 s)');
  });

  it('CC-iSales without SFTP: add-numbers calls of 20, a second apart', () => {
    const travel = planTravel(ISALES_API, planOf(41));
    expect(travel).toEqual({ kind: 'isales-calls', calls: 3, perCall: 20, seconds: 3 });
    expect(describePlanBatches(travel)).toBe('3 add-numbers call(s) of up to 20 numbers, a second apart (about 3 s)');
  });

  it('CC-iSales with SFTP: call-data files on the server, imported at once or at the chosen time', () => {
    const now = planTravel(ISALES_SFTP, planOf(3));
    expect(now).toEqual({ kind: 'isales-files', files: 1, server: 'sftp://files.example.com:2222/in', at: null });
    expect(describePlanBatches(now)).toBe('1 call-data file(s) put on sftp://files.example.com:2222/in, then imported by CC-iSales at once');
    const later = planTravel(ISALES_SFTP, planOf(3), { at: { hour: 7, minute: 5 } });
    expect(later).toMatchObject({ at: { hour: 7, minute: 5 } });
    expect(describePlanBatches(later)).toBe("1 call-data file(s) put on sftp://files.example.com:2222/in, then imported by CC-iSales at 07:05 (the server's clock)");
  });
});

describe('planBatchList', () => {
  it('numbers each batch from 1, its English label alongside', () => {
    const { list, count } = planBatchList(MOR, planOf(21));
    expect(count).toBe(3);
    expect(list.map((b) => [b.index, b.label, b.firstRow, b.lastRow, b.numbers])).toEqual([
      [1, 'File 1 of 3', 2, 11, 10],
      [2, 'File 2 of 3', 12, 21, 10],
      [3, 'File 3 of 3', 22, 22, 1],
    ]);
    expect(planBatchList(ISALES_API, planOf(21)).list.map((b) => [b.index, b.label])).toEqual([
      [1, 'Call 1 of 2'],
      [2, 'Call 2 of 2'],
    ]);
    expect(planBatchList(ISALES_SFTP, planOf(2)).list.map((b) => [b.index, b.label])).toEqual([[1, 'Call-data file 1 of 1']]);
  });

  it('Ringostat: one batch of every request', () => {
    expect(planBatchList(RINGOSTAT, planOf(3, true))).toEqual({ list: [{ label: '5 requests, one per number', index: 1, firstRow: 2, lastRow: 5, numbers: 5 }], count: 1 });
  });
});

describe('summarisePlan', () => {
  it('carries the travel in figures and in English, and the contract takes it', () => {
    const summary = summarisePlan(MOR, '2', planOf(21), { numbersPerFile: 7 });
    expect(summary).toMatchObject({ travel: { kind: 'mor-files', files: 3, perFile: 7 }, batches: '3 CSV file(s) of up to 7 numbers, one after another', batchCount: 3 });
    expect(planSummarySchema.parse(summary)).toEqual(summary);
  });

  it('an empty plan travels in nothing', () => {
    const summary = summarisePlan(RINGOSTAT, '1', planOf(0));
    expect(summary).toMatchObject({ travel: { kind: 'ringostat-requests', requests: 0, seconds: 0 }, batchList: [], batchCount: 0 });
  });
});
