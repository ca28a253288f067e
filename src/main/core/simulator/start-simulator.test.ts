import { describe, expect, it } from 'vitest';

import { parseCliAddResult } from '../providers/mor/answer';
import { cliAddHash } from '../providers/mor/hash';
import { classifyCampaignRowAnswer } from '../providers/ringostat/answer';
import { startSimulator, type Simulator } from './start-simulator';
import { isalesCall, isalesPath, jsonOf, morCall, ringostatCall } from './testing/clients';
import { connectSftp } from './testing/sftp-test-client';
import { useSimulator } from './testing/use-simulator';

const sim = useSimulator();

/** Sends each number until Ringostat says it was added, retrying network errors and 5xx/429. */
async function sendAll(s: Simulator, numbers: readonly string[]): Promise<number> {
  let attempts = 0;
  for (const phone_number of numbers) {
    for (let tries = 0; tries < 50; tries++) {
      attempts++;
      const answer = await ringostatCall(s, { campaignId: 456, phone_number }).catch(() => undefined);
      if (answer !== undefined && classifyCampaignRowAnswer({ status: answer.status, body: answer.bytes }).kind === 'success') break;
    }
  }
  return attempts;
}

describe('startSimulator', () => {
  it('serves the three APIs under their prefixes on 127.0.0.1', () => {
    const { urls, sftp } = sim();
    expect(urls.mor).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mor$/);
    expect(urls.ringostat).toBe(urls.mor.replace(/\/mor$/, '/ringostat'));
    expect(urls.isales).toBe(urls.mor.replace(/\/mor$/, '/isales'));
    expect(sftp.host).toBe('127.0.0.1');
    expect(sftp.hostKeySha256).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('gives credentials that work against each API and the SFTP server', async () => {
    const s = sim();
    const { mor } = s.credentials;
    const cli = { deviceId: mor.deviceIds[0] ?? 1, cliNumber: '37060000777' };
    const morAnswer = await morCall(s, 'cli_add', { u: mor.username, device_id: String(cli.deviceId), cli_number: cli.cliNumber, hash: cliAddHash(cli, mor.apiSecret) });
    expect(parseCliAddResult(morAnswer.bytes).ok).toBe(true);
    expect(jsonOf(await ringostatCall(s, { campaignId: s.credentials.ringostat.campaignIds[0], phone_number: '380930000001' }))).toEqual({ result: true });
    expect(jsonOf(await isalesCall(s, isalesPath(s, 'queryDataImportTask', s.credentials.isales.campaignIds[0] ?? ''), { limit: 1 })).resultCode).toBe('0200000');
    const client = await connectSftp(s.sftp);
    expect(await client.exists(s.sftp.root)).toBe('d');
    await client.end();
  });

  it('changes faults at run time: 5xx at roughly the share set, over a bounded number of requests', async () => {
    const s = sim();
    s.setFaults({ serverErrorShare: 0.25, seed: 3, providers: ['ringostat'] });
    let failures = 0;
    for (let i = 0; i < 80; i++) {
      const answer = await ringostatCall(s, { campaignId: 456, phone_number: `38093${String(1_000_000 + i)}` });
      if (answer.status === 503) failures++;
    }
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(32);
    s.setFaults({});
    expect((await ringostatCall(s, { campaignId: 456, phone_number: '380939999999' })).status).toBe(200);
  });

  it('lets a retrying client land every number exactly once when resets come before handling', async () => {
    const s = sim();
    s.setFaults({ resetShare: 0.3, serverErrorShare: 0.1, tooManyRequestsShare: 0.1, retryAfterSeconds: 0, seed: 8 });
    const numbers = Array.from({ length: 20 }, (_, i) => `38067${String(1_000_000 + i)}`);
    const attempts = await sendAll(s, numbers);
    const received = s.state.ringostat.projects.get(s.credentials.ringostat.projectId)?.campaigns.get(456)?.received;
    expect(attempts).toBeGreaterThan(numbers.length);
    expect(received?.numbers()).toEqual(numbers);
    expect(received?.repeats()).toEqual([]);
  });

  it('shows the duplicates a blind retry makes when the answer is lost after handling', async () => {
    const s = sim();
    s.setFaults({ resetShare: 0.5, resetPoint: 'after-handling', seed: 2 });
    await sendAll(s, ['380670000001', '380670000002', '380670000003', '380670000004']);
    const received = s.state.ringostat.projects.get(s.credentials.ringostat.projectId)?.campaigns.get(456)?.received;
    expect(received?.repeats().length).toBeGreaterThan(0);
  });

  it('answers a reset as a network error, and dribbles a slow gzip body out intact', async () => {
    const s = sim();
    s.setFaults({ resetShare: 1, providers: ['mor'] });
    await expect(morCall(s, 'cli_add', {})).rejects.toThrow(TypeError);
    s.setFaults({ slowBody: { chunkBytes: 16, intervalMs: 5 } });
    const answer = await morCall(s, 'cli_add', { u: 'ghost' });
    expect(answer.text).toContain('<error>Access Denied</error>');
  });

  it('reset() returns to the demo world and drops SFTP files', async () => {
    const s = sim();
    await ringostatCall(s, { campaignId: 456, phone_number: '380930000002' });
    s.state.files.writeFile(`${s.sftp.root}/x.xlsx`, Buffer.from('x'));
    s.reset();
    expect(s.state.ringostat.projects.get('123')?.campaigns.get(456)?.rows).toEqual([]);
    expect(s.state.files.stat(`${s.sftp.root}/x.xlsx`)).toBeUndefined();
  });

  it('takes faults at start, and refuses invalid ones', async () => {
    await expect(startSimulator({ faults: { serverErrorShare: 2 } })).rejects.toThrow(RangeError);
    const own = await startSimulator({ faults: { serverErrorShare: 1 } });
    try {
      expect((await ringostatCall(own, { campaignId: 456, phone_number: '380930000003' })).status).toBe(503);
      expect(() => own.setFaults({ latencyMs: -1 })).toThrow(RangeError);
    } finally {
      await own.close();
    }
  });
});

describe('Simulator close', () => {
  it('ends every listener, connection and timer', async () => {
    const own = await startSimulator({ isales: { importStepMs: 60_000 } });
    const client = await connectSftp(own.sftp);
    const sftpClosed = new Promise<void>((resolve) => client.on('close', () => resolve()));
    own.setFaults({ latencyMs: 60_000, providers: ['ringostat'] });
    const pending = ringostatCall(own, { campaignId: 456, phone_number: '380930000004' }).then(
      () => 'answered',
      () => 'failed',
    );
    await isalesCall(own, isalesPath(own, 'uploadFileServer', '1001'), { serverId: own.credentials.isales.serverId, fileName: 'a.xlsx' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await own.close();
    expect(await pending).toBe('failed');
    await sftpClosed;
    await expect(fetch(`${own.urls.mor}/api/cli_add`, { method: 'POST' })).rejects.toThrow(TypeError);
    await expect(connectSftp(own.sftp)).rejects.toThrow();
  });
});
