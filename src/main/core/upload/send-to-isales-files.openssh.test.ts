/**
 * The CC-iSales file path with a real OpenSSH sshd as the file server: the call-data files go
 * over SFTP with the host key pinned, and the simulated iSales imports what landed on that disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectIsales, expectProvider } from '../providers/connect';
import type { IsalesClient } from '../providers/isales/isales-client';
import { DEMO_SFTP } from '../simulator/demo-credentials';
import { isalesCampaignKey } from '../simulator/isales/isales-state';
import { useSimulator } from '../simulator/testing/use-simulator';
import { openSshServerUnavailableReason, startOpenSshServer, type OpenSshServer } from '../testing/openssh-server';
import { sendToIsalesFiles } from './send-to-isales-files';
import { demoUnlocked, planCsv } from './testing/upload-sheet';

const unavailable = openSshServerUnavailableReason();
if (unavailable !== undefined) console.warn(`Skipping the CC-iSales upload over OpenSSH: ${unavailable}`);

const CSV = ['Name,Phone,Comment', 'Olena,050 123 45 67,VIP', 'Petro,066 123 45 67,', 'Bad,12,', 'Ivan,067 123 45 67,call after 2pm'].join('\n');

describe.skipIf(unavailable !== undefined)('CC-iSales upload with OpenSSH as the file server', () => {
  const sim = useSimulator({ isales: { importStepMs: 5 } });
  let server: OpenSshServer;
  beforeAll(async () => {
    server = await startOpenSshServer({ auth: 'key' });
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** iSales reads the directory OpenSSH wrote to; here the simulator's file server is handed each file as it is imported. */
  function readingOpenSshDisk(client: IsalesClient): Pick<IsalesClient, 'uploadFileServer' | 'queryImportTasks'> {
    return {
      uploadFileServer: async (campaignId, file) => {
        sim().state.files.writeFile(posix.join(DEMO_SFTP.root, file.fileName), await readFile(join(server.dataDir, file.fileName)));
        return client.uploadFileServer(campaignId, file);
      },
      queryImportTasks: (campaignId, ids) => client.queryImportTasks(campaignId, ids),
    };
  }

  async function send(hostKey: string) {
    const unlocked = expectProvider(await demoUnlocked(sim(), 'isales'), 'isales', 'this test');
    if (unlocked.profile.sftp === null) throw new Error('the demo iSales profile has SFTP');
    const plan = await planCsv(CSV, 'isales', 'may leads.csv');
    const { client, close } = connectIsales(unlocked.profile, unlocked.secrets);
    try {
      const sftp = { ...unlocked.profile.sftp, host: server.host, port: server.port, username: server.username, remoteDir: server.dataDir, hostKeySha256: hostKey };
      const rows = await sendToIsalesFiles(readingOpenSshDisk(client), plan.send, { campaignId: '1001', baseName: 'may leads', sftp, sftpAuth: { privateKey: server.clientKey ?? '' }, pollMs: 10 }, 'test');
      return { rows, plan };
    } finally {
      await close();
    }
  }

  it('puts the call-data file on the OpenSSH disk and every sent row ends imported', async () => {
    const { rows, plan } = await send(server.hostKeyFingerprint);
    expect(plan.skipped.map((r) => r.row)).toEqual([4]);
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'imported'],
      [3, 'imported'],
      [5, 'imported'],
    ]);
    expect(await readdir(server.dataDir)).toContain('may_leads-1.xlsx');
    const records = sim().state.isales.campaigns.get(isalesCampaignKey(1, '1001'))?.records ?? [];
    expect(records.map((r) => r.called)).toEqual([['380501234567'], ['380661234567'], ['380671234567']]);
    expect(records.every((r) => r.via === 'file')).toBe(true);
  });

  it('sends nothing to a server whose host key is not the pinned one: every row says so', async () => {
    const { rows } = await send('SHA256:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc');
    expect(rows.every((r) => r.status === 'rejected' && /Not sent: the files could not be put on the SFTP server/.test(r.message))).toBe(true);
    expect(sim().state.isales.campaigns.get(isalesCampaignKey(1, '1001'))?.received.numbers()).toEqual([]);
  });
});
