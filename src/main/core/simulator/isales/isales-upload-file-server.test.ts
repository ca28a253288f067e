import { describe, expect, it } from 'vitest';

import { parseUploadFileServerAnswer } from '../../providers/isales/answer';
import { isalesCall, isalesPath, jsonOf, type ReadAnswer } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';
import { UPLOAD_ACCEPTED } from './isales-upload-file-server';

const sim = useSimulator({ isales: { importStepMs: 60_000 } });

function upload(body: Record<string, unknown>, campaignId = '1001'): Promise<ReadAnswer> {
  return isalesCall(sim(), isalesPath(sim(), 'uploadFileServer', campaignId), { serverId: sim().credentials.isales.serverId, fileName: 'calls.xlsx', ...body });
}

const codeOf = (answer: ReadAnswer): unknown => jsonOf(answer).resultCode;

describe('calldatafile/uploadFileServer over HTTP', () => {
  it('creates an import task and answers as the documented example does', async () => {
    const answer = await upload({ filePath: '/isales/20220310' });
    expect(answer.status).toBe(200);
    const json = jsonOf(answer);
    expect(json).toMatchObject({ resultCode: '0200000', returnCode: '0200000', resultDesc: UPLOAD_ACCEPTED, returnDesc: UPLOAD_ACCEPTED });
    const parsed = parseUploadFileServerAnswer({ status: answer.status, body: answer.bytes });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const task = sim().state.isales.importTasks.get(parsed.value.importTaskId);
    expect(task).toMatchObject({ status: '0', campaignId: '1001', file: `${sim().sftp.root}/isales/20220310/calls.xlsx` });
  });

  it('schedules the task when hour and minute both come', async () => {
    const answer = await upload({ hour: '23', minute: '30' });
    const id = String(jsonOf(answer).importTaskId);
    const task = sim().state.isales.importTasks.get(id);
    expect(task?.scheduledFor?.getHours()).toBe(23);
    expect(task?.scheduledFor?.getMinutes()).toBe(30);
  });

  it('wants hour and minute together (02000010) and in range (02000007)', async () => {
    expect(codeOf(await upload({ hour: '10' }))).toBe('02000010');
    expect(codeOf(await upload({ minute: '00' }))).toBe('02000010');
    expect(codeOf(await upload({ hour: '24', minute: '00' }))).toBe('02000007');
    expect(codeOf(await upload({ hour: '1', minute: '60' }))).toBe('02000007');
    expect(sim().state.isales.importTasks.size).toBe(0);
  });

  it('wants serverId and fileName (02000001), as strings (02000006)', async () => {
    expect(codeOf(await upload({ serverId: '' }))).toBe('02000001');
    expect(codeOf(await upload({ fileName: undefined }))).toBe('02000001');
    expect(codeOf(await upload({ fileName: { name: 'x' } }))).toBe('02000006');
    expect(codeOf(await upload({ filePath: 5 }))).toBe('0200000');
    expect(codeOf(await upload({ filePath: true }))).toBe('02000006');
  });

  it('refuses paths that leave the file server directory (02000002)', async () => {
    expect(codeOf(await upload({ fileName: '../etc/passwd' }))).toBe('02000002');
    expect(codeOf(await upload({ filePath: '/isales/../../etc' }))).toBe('02000002');
  });

  it('refuses an unknown file server, an unknown campaign and an ended one', async () => {
    expect(codeOf(await upload({ serverId: '1' }))).toBe('0200001');
    expect(codeOf(await upload({}, '4040'))).toBe('0200007');
    expect(codeOf(await upload({}, '1002'))).toBe('0200019');
  });

  it('answers 401 to a bad signature and creates nothing', async () => {
    const path = isalesPath(sim(), 'uploadFileServer', '1001');
    const body = { serverId: sim().credentials.isales.serverId, fileName: 'calls.xlsx' };
    const wrongKey = await isalesCall(sim(), path, body, { credentials: { accessKey: sim().credentials.isales.accessKey, secretKey: 'wrong' } });
    expect(wrongKey.status).toBe(401);
    const tampered = await isalesCall(sim(), path, body, { tamperedBody: JSON.stringify({ ...body, fileName: 'other.xlsx' }) });
    expect(tampered.status).toBe(401);
    const parsed = parseUploadFileServerAnswer({ status: tampered.status, body: tampered.bytes });
    expect(!parsed.ok && parsed.error.kind).toBe('signature-rejected');
    expect(sim().state.isales.importTasks.size).toBe(0);
  });
});
