import { describe, expect, it } from 'vitest';

import { parseImportTaskQuery } from '../../providers/isales/answer';
import { isalesCall, isalesPath, jsonOf, type ReadAnswer } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';

const sim = useSimulator({ isales: { importStepMs: 60_000 } });

async function newTask(): Promise<string> {
  const answer = await isalesCall(sim(), isalesPath(sim(), 'uploadFileServer', '1001'), { serverId: sim().credentials.isales.serverId, fileName: 'a.xlsx' });
  return String(jsonOf(answer).importTaskId);
}

function query(body: Record<string, unknown>, campaignId = '1001'): Promise<ReadAnswer> {
  return isalesCall(sim(), isalesPath(sim(), 'queryDataImportTask', campaignId), body);
}

describe('calldatafile/queryDataImportTask over HTTP', () => {
  it('lists the campaign tasks newest first, in the shape the app parses', async () => {
    const first = await newTask();
    const second = await newTask();
    const answer = await query({ offset: 0, limit: 10 });
    const parsed = parseImportTaskQuery({ status: answer.status, body: answer.bytes });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.count).toBe(2);
    expect(parsed.value.tasks.map((task) => task.id)).toEqual([second, first]);
    expect(parsed.value.tasks[0]).toMatchObject({ status: 'preparing', finished: false, succNum: 0 });
    expect(jsonOf(answer).result).toEqual([expect.objectContaining({ beginTime: null, endTime: null, status: '0' }), expect.anything()]);
  });

  it('filters by importTaskIds and pages with offset and limit', async () => {
    const first = await newTask();
    const second = await newTask();
    const third = await newTask();
    const byId = parseImportTaskQuery(await query({ offset: 0, limit: 10, importTaskIds: [first] }).then((a) => ({ status: a.status, body: a.bytes })));
    expect(byId.ok && byId.value.tasks.map((t) => t.id)).toEqual([first]);
    const page = parseImportTaskQuery(await query({ offset: 1, limit: 1 }).then((a) => ({ status: a.status, body: a.bytes })));
    expect(page.ok && [page.value.count, page.value.tasks.map((t) => t.id)]).toEqual([3, [second]]);
    expect(third).not.toBe(first);
  });

  it('answers its parameter errors', async () => {
    expect(jsonOf(await query({ offset: 0 })).resultCode).toBe('02000001');
    expect(jsonOf(await query({ offset: 0, limit: 0 })).resultCode).toBe('02000007');
    expect(jsonOf(await query({ offset: 0, limit: 101 })).resultCode).toBe('02000007');
    expect(jsonOf(await query({ offset: 'a', limit: 1 })).resultCode).toBe('02000006');
    expect(jsonOf(await query({ limit: 1, importTaskIds: 'x' })).resultCode).toBe('02000006');
    expect(jsonOf(await query({ limit: 1 }, '4040')).resultCode).toBe('0200007');
  });
});
