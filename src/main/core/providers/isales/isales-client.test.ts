import { describe, expect, it } from 'vitest';

import { callDataXlsx, calledJson } from '../../simulator/testing/call-data-xlsx';
import { connectSftp } from '../../simulator/testing/sftp-test-client';
import { useSimulator } from '../../simulator/testing/use-simulator';
import { IsalesClient } from './isales-client';

const simulator = useSimulator({ isales: { importStepMs: 20, minAddIntervalMs: 1000 } });

function client(secretKey?: string): IsalesClient {
  const sim = simulator();
  const { vdnId, accessKey, secretKey: sk } = sim.credentials.isales;
  return new IsalesClient({ baseUrl: sim.urls.isales, vdnId, accessKey, secretKey: secretKey ?? sk, encoding: 'hex' });
}

const campaign = (): string => simulator().credentials.isales.campaignIds[0]!;

describe('IsalesClient against the simulator', () => {
  it('signs its requests so the server accepts them, and a wrong key is told apart', async () => {
    expect(await client().queryImportTasks(campaign(), [])).toMatchObject({ ok: true });
    const rejected = await client('wrong-secret-key').queryImportTasks(campaign(), []);
    expect(rejected).toMatchObject({ ok: false, error: { kind: 'signature-rejected' } });
    expect(JSON.stringify(rejected)).not.toContain('wrong-secret-key');
  });

  it('imports a call-data file from the SFTP server and reports the counts when the task ends', async () => {
    const sim = simulator();
    const sftp = await connectSftp({ ...sim.sftp });
    const xlsx = await callDataXlsx([
      ['s1', calledJson('380931234567')],
      ['s2', calledJson('380671234567')],
      ['s3', calledJson('380931234567')],
    ]);
    await sftp.put(xlsx, `${sim.sftp.root}/dialsheet-test.xlsx`);
    await sftp.end();

    const started = await client().uploadFileServer(campaign(), { serverId: sim.credentials.isales.serverId, filePath: '', fileName: 'dialsheet-test.xlsx' });
    expect(started.ok).toBe(true);
    const taskId = started.ok ? started.value.importTaskId : '';
    let task;
    for (let poll = 0; poll < 50; poll += 1) {
      const answer = await client().queryImportTasks(campaign(), [taskId]);
      task = answer.ok ? answer.value.tasks.find((t) => t.id === taskId) : undefined;
      if (task?.finished) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(task).toMatchObject({ status: 'completed', succNum: 2, repeatNum: 1 });
  });

  it('adds numbers as JSON, and the server says when calls come faster than one a second', async () => {
    const records = [{ sessionId: 'a', called: '380931234567' }];
    expect(await client().addCallData(campaign(), records)).toMatchObject({ ok: true });
    expect(await client().addCallData(campaign(), [{ sessionId: 'b', called: '380671234567' }])).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
    expect(() => client().addCallData(campaign(), Array.from({ length: 21 }, (_, i) => ({ called: `38093123456${i % 10}` })))).toThrow(/at most 20/);
  });
});

describe('testIsalesConnection', () => {
  it('tells a good profile, a wrong key, an unknown campaign and no server apart', async () => {
    const { testIsalesConnection } = await import('./test-connection');
    expect(await testIsalesConnection(client(), campaign())).toMatchObject({ kind: 'ok' });
    expect(await testIsalesConnection(client('wrong-sk'), campaign())).toMatchObject({ kind: 'credentials-rejected' });
    expect(await testIsalesConnection(client(), 'no-such-campaign')).toMatchObject({ kind: 'campaign-not-found' });
    const offline = new IsalesClient({ baseUrl: 'http://127.0.0.1:9/isales', vdnId: 1, accessKey: 'a', secretKey: 's', encoding: 'hex' });
    expect(await testIsalesConnection(offline, campaign())).toMatchObject({ kind: 'network' });
  });
});
