import { describe, expect, it } from 'vitest';

import { parseImportTaskQuery, parseUploadFileServerAnswer, type ImportTask } from '../../providers/isales/answer';
import { ISALES_BLOCKED_NUMBER } from '../demo-seed';
import type { Simulator } from '../start-simulator';
import { callDataXlsx, calledJson } from '../testing/call-data-xlsx';
import { isalesCall, isalesPath } from '../testing/clients';
import { connectSftp } from '../testing/sftp-test-client';
import { useSimulator } from '../testing/use-simulator';
import { isalesCampaignKey } from './isales-state';

const sim = useSimulator({ isales: { importStepMs: 80 } });

async function putOverSftp(simulator: Simulator, dir: string, name: string, bytes: Buffer): Promise<void> {
  const client = await connectSftp(simulator.sftp);
  try {
    await client.mkdir(`${simulator.sftp.root}${dir}`, true);
    await client.put(bytes, `${simulator.sftp.root}${dir}/${name}`);
  } finally {
    await client.end();
  }
}

async function startImport(simulator: Simulator, filePath: string, fileName: string): Promise<string> {
  const answer = await isalesCall(simulator, isalesPath(simulator, 'uploadFileServer', '1001'), { serverId: simulator.credentials.isales.serverId, filePath, fileName });
  const parsed = parseUploadFileServerAnswer({ status: answer.status, body: answer.bytes });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.importTaskId;
}

/** Polls as the app will: until the task is finished, a bounded number of times. */
async function pollUntilFinished(simulator: Simulator, id: string): Promise<{ task: ImportTask; seen: Set<string> }> {
  const seen = new Set<string>();
  for (let attempt = 0; attempt < 200; attempt++) {
    const answer = await isalesCall(simulator, isalesPath(simulator, 'queryDataImportTask', '1001'), { offset: 0, limit: 1, importTaskIds: [id] });
    const parsed = parseImportTaskQuery({ status: answer.status, body: answer.bytes });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [task] = parsed.value.tasks;
    if (task === undefined) throw new Error('task missing');
    seen.add(task.status);
    if (task.finished) return { task, seen };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import never finished');
}

describe('iSales file import, end to end', () => {
  it('SFTP upload, uploadFileServer, poll to completed, with the right counts', async () => {
    const s = sim();
    const xlsx = await callDataXlsx([
      ['a1', calledJson('0931000001'), '', '{"name":"A"}'],
      ['a2', calledJson('0931000002', '0931000003')],
      ['a3', "[{'calledNo':931000004}]"],
      ['a4', calledJson('0931000001')],
      ['a5', calledJson(ISALES_BLOCKED_NUMBER)],
      ['a6', calledJson('+380931000006')],
    ]);
    await putOverSftp(s, '/isales/2025', 'calls.xlsx', xlsx);
    const id = await startImport(s, '/isales/2025', 'calls.xlsx');
    const { task, seen } = await pollUntilFinished(s, id);
    expect(task).toMatchObject({ status: 'completed', succNum: 3, repeatNum: 1, blackNum: 1, failNum: 1 });
    expect(task.errMsg).toMatch(/^Row 7: called\[0\]\.calledNo/);
    expect(task.beginTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    expect(seen.has('running') || seen.has('preparing')).toBe(true);
    const campaign = s.state.isales.campaigns.get(isalesCampaignKey(s.credentials.isales.vdnId, '1001'));
    expect(campaign?.records.map((r) => r.called)).toEqual([['0931000001'], ['0931000002', '0931000003'], ['931000004']]);
    expect(campaign?.received.arrivals('0931000001')).toBe(2);
  });

  it('fails the task when the file is not on the server', async () => {
    const id = await startImport(sim(), '/nowhere', 'missing.xlsx');
    const { task } = await pollUntilFinished(sim(), id);
    expect(task.status).toBe('failed');
    expect(task.errMsg).toMatch(/not found/);
  });

  it('fails the task when the workbook does not follow the template', async () => {
    await putOverSftp(sim(), '', 'wrong.xlsx', await callDataXlsx([['0931000001']], ['phone']));
    const { task } = await pollUntilFinished(sim(), await startImport(sim(), '', 'wrong.xlsx'));
    expect(task.status).toBe('failed');
    expect(task.errMsg).toMatch(/template header/);
  });
});
