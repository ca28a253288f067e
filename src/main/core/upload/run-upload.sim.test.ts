import { describe, expect, it } from 'vitest';

import { RECEIPT_STATUSES } from '../../../shared/receipt';
import { demoProfileFiles } from '../simulator/demo-profiles';
import { DEMO_MOR_NUMBERS, ISALES_BLOCKED_NUMBER } from '../simulator/demo-seed';
import { isalesCampaignKey } from '../simulator/isales/isales-state';
import { useSimulator } from '../simulator/testing/use-simulator';
import { demoUnlocked, uploadCsv } from './testing/upload-sheet';

const sim = useSimulator({ isales: { importStepMs: 5, minAddIntervalMs: 20 } });

// Five good Ukrainian mobiles, one that is not a number, one repeat of row 2.
const CSV = ['Name,Phone', 'Olena,050 123 45 67', 'Petro,+380661234567', 'Ivan,0671234567', 'Oksana,0931234567', 'Taras,0951234567', 'Bad,hello', 'Again,+380 66 123 45 67'].join('\n');
const SENT = ['380501234567', '380661234567', '380671234567', '380931234567', '380951234567'];

function statuses(rows: readonly { row: number; status: string }[]): Record<number, string> {
  return Object.fromEntries(rows.map((r) => [r.row, r.status]));
}

describe('runUpload to MOR', () => {
  it('imports the valid rows in files of the chosen size and accounts for every row', async () => {
    const receipt = await uploadCsv(CSV, await demoUnlocked(sim(), 'mor'), '2', { numbersPerFile: 2 });
    expect(receipt.counts).toEqual({ imported: 5, rejected: 0, invalid: 1, duplicate: 1, unknown: 0 });
    expect(statuses(receipt.rows)).toEqual({ 2: 'imported', 3: 'imported', 4: 'imported', 5: 'imported', 6: 'imported', 7: 'invalid', 8: 'duplicate' });
    expect(receipt.rows.find((r) => r.row === 8)?.message).toMatch(/row 3/);
    expect(sim().state.mor.campaigns.get(2)?.numbers).toEqual(SENT);
    expect(receipt.rows[0]?.message).toMatch(/MOR: "2 out of 2 numbers were imported" \(list-001\.csv\)/);
  });

  it('marks a file MOR took only part of as unknown, and the other files as imported', async () => {
    const csv = ['Phone', `+${DEMO_MOR_NUMBERS[0]}`, '+380501234567', '+380661234567', '+380671234567'].join('\n');
    const receipt = await uploadCsv(csv, await demoUnlocked(sim(), 'mor'), '1', { numbersPerFile: 2 });
    expect(statuses(receipt.rows)).toEqual({ 2: 'unknown', 3: 'unknown', 4: 'imported', 5: 'imported' });
    expect(receipt.rows[0]?.message).toMatch(/does not say which.*1 out of 2/);
  });

  it('stops at a wrong secret: the first file carries MOR\'s words, the rest were not sent', async () => {
    const receipt = await uploadCsv(CSV, await demoUnlocked(sim(), 'mor', { apiSecret: 'wrong' }), '2', { numbersPerFile: 2 });
    expect(receipt.counts.rejected).toBe(5);
    expect(receipt.rows[0]?.message).toMatch(/Incorrect hash/i);
    expect(receipt.rows[4]?.message).toMatch(/^Not sent: the upload stopped before this row/);
    // MOR checks the hash before it reads the file.
    expect(sim().state.mor.campaigns.get(2)?.received.numbers()).toEqual([]);
  });
});

describe('runUpload to Ringostat', () => {
  it('sends one request per number, each reaching the campaign exactly once', async () => {
    const receipt = await uploadCsv(CSV, await demoUnlocked(sim(), 'ringostat'), '456', { concurrency: 4, requestsPerSecond: 10 });
    expect(receipt.counts).toEqual({ imported: 5, rejected: 0, invalid: 1, duplicate: 1, unknown: 0 });
    const campaign = sim().state.ringostat.projects.get('123')?.campaigns.get(456);
    expect(campaign?.rows.map((r) => [r.phoneNumber, r.fio])).toEqual(expect.arrayContaining([['380501234567', 'Olena'], ['380951234567', 'Taras']]));
    expect(campaign?.received.repeats()).toEqual([]);
  });

  it('rejects every row with Ringostat\'s words when the Auth-key is wrong', async () => {
    const receipt = await uploadCsv(CSV, await demoUnlocked(sim(), 'ringostat', { authKey: 'wrong-key' }), '456', { requestsPerSecond: 10 });
    expect(receipt.counts.rejected).toBe(5);
    expect(receipt.rows[0]?.message).toMatch(/Ringostat/);
    expect(JSON.stringify(receipt)).not.toContain('wrong-key');
  });
});

describe('runUpload to CC-iSales', () => {
  const campaign = () => sim().state.isales.campaigns.get(isalesCampaignKey(1, '1001'));

  it('puts a call-data file on the SFTP server, imports it and reports the task counts per row', async () => {
    const receipt = await uploadCsv(CSV, await demoUnlocked(sim(), 'isales'), '1001', { pollMs: 10 });
    expect(receipt.counts).toEqual({ imported: 5, rejected: 0, invalid: 1, duplicate: 1, unknown: 0 });
    expect(receipt.rows[0]?.message).toMatch(/5 imported, 0 repeated, 0 failed/);
    expect(campaign()?.records.map((r) => r.called[0])).toEqual(SENT);
    expect(campaign()?.records[0]?.via).toBe('file');
  });

  it('adds by the JSON API when the profile has no SFTP server, one number refused alone', async () => {
    const csv = ['Phone', '+380501234567', `+${ISALES_BLOCKED_NUMBER}`, '+380661234567'].join('\n');
    const unlocked = await demoUnlocked(sim(), 'isales', { sftp: undefined, serverId: undefined });
    const receipt = await uploadCsv(csv, unlocked, '1001', { intervalMs: 25 });
    expect(statuses(receipt.rows)).toEqual({ 2: 'imported', 3: 'rejected', 4: 'imported' });
    expect(receipt.rows[1]?.message).toMatch(/0200024|blocklist/i);
    expect(campaign()?.records.map((r) => [r.called[0], r.via])).toEqual([
      ['380501234567', 'api'],
      ['380661234567', 'api'],
    ]);
  });

  it('refuses to send over SFTP to a server whose host key is not pinned', async () => {
    const sftp = { ...(demoProfileFiles(sim()).isales.sftp as object), hostKeySha256: undefined };
    await expect(uploadCsv(CSV, await demoUnlocked(sim(), 'isales', { sftp }), '1001')).rejects.toThrow(/no pinned host key/);
    expect(campaign()?.received.numbers()).toEqual([]);
  });
});

describe('receipt invariant', () => {
  it('has every status name the CLI prints', () => {
    expect(RECEIPT_STATUSES).toEqual(['imported', 'rejected', 'invalid', 'duplicate', 'unknown']);
  });
});
