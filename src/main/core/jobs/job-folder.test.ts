import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { UploadPlan } from '../upload/upload-plan';
import { createJobFolder, type JobHeader, jobDir, listJobIds, newJobId, openJobFolder, readJobPlan } from './job-folder';
import { tempJobsDir } from './testing/jobs-fixture';

const plan: UploadPlan = {
  provider: 'mor',
  rows: 3,
  numbers: 3,
  send: [
    { row: 2, numbers: ['380501111111', '380502222222'], name: 'Олена', fields: { City: 'Київ' } },
    { row: 4, numbers: ['380503333333'], caller: '380441234567', fields: {} },
  ],
  skipped: [{ row: 3, number: 'hello', status: 'invalid', message: 'Not sent: not a number.' }],
};

function header(id: string): JobHeader {
  return {
    version: 1,
    id,
    createdAt: '2026-11-27T10:35:12.000Z',
    profile: { name: 'Demo MOR', id: 'demo-mor', file: null },
    provider: 'mor',
    campaignId: '2',
    fileName: 'list.csv',
    contentSha256: 'a'.repeat(64),
    rows: 3,
    numbers: 3,
    choices: { numbersPerFile: 500 },
  };
}

let folder: Awaited<ReturnType<typeof tempJobsDir>>;
beforeEach(async () => {
  folder = await tempJobsDir();
});
afterEach(async () => {
  await folder.remove();
});

describe('a job folder', () => {
  it('names jobs by creation time, so they sort newest first, with a random tail', () => {
    const id = newJobId(new Date('2026-11-27T10:35:12.345Z'));
    expect(id).toMatch(/^j20261127-103512-[0-9a-f]{6}$/);
  });

  it('keeps the plan exactly as it was made: rows, numbers, names, callers, fields and skipped rows', async () => {
    const id = newJobId();
    await createJobFolder(folder.dir, header(id), plan);
    const opened = await openJobFolder(folder.dir, id);
    expect(opened.header).toEqual(header(id));
    expect(await readJobPlan(opened)).toEqual(plan);
  });

  it('keeps a skipped row\'s reason in plan.jsonl, and still reads a skip line written before there was one', async () => {
    const id = newJobId();
    const withReasons: UploadPlan = {
      ...plan,
      send: [],
      numbers: 0,
      skipped: [
        { row: 2, number: '12', status: 'invalid', message: 'Not sent: "12" is too short.', reason: 'too-short' },
        { row: 3, number: '0501234567', status: 'invalid', message: 'Removed before sending.', reason: 'removed' },
        { row: 4, number: '', status: 'invalid', message: 'Not sent: the row has no usable number.' },
      ],
    };
    const { dir } = await createJobFolder(folder.dir, { ...header(id), numbers: 0 }, withReasons);
    const opened = await openJobFolder(folder.dir, id);
    expect(await readJobPlan(opened)).toEqual(withReasons);
    expect(await readFile(join(dir, 'plan.jsonl'), 'utf8')).toContain('"reason":"too-short"');

    // An older plan.jsonl: skip lines with no reason, read as rows without one.
    const old = [2, 3, 4].map((row) => JSON.stringify({ row, skip: { number: 'x', status: 'duplicate', message: 'Not sent: The same number as row 1.' } }));
    await writeFile(join(dir, 'plan.jsonl'), `${old.join('\n')}\n`);
    const read = await readJobPlan(opened);
    expect(read.skipped).toEqual([2, 3, 4].map((row) => ({ row, number: 'x', status: 'duplicate', message: 'Not sent: The same number as row 1.' })));
    expect(read.skipped.some((r) => 'reason' in r)).toBe(false);

    // A reason no version wrote is damage, not a guess.
    await writeFile(join(dir, 'plan.jsonl'), `${JSON.stringify({ row: 2, skip: { number: 'x', status: 'invalid', message: 'm', reason: 'bogus' } })}\n`);
    await expect(readJobPlan(opened)).rejects.toThrow(/damaged at line 1/);
  });

  it('keeps a CC-iSales import time in job.json, and still reads a job.json written before there was one', async () => {
    const id = newJobId();
    const scheduled: JobHeader = { ...header(id), provider: 'isales', choices: { at: { hour: 21, minute: 30 } } };
    const { dir } = await createJobFolder(folder.dir, scheduled, { ...plan, provider: 'isales' });
    expect((await openJobFolder(folder.dir, id)).header.choices).toEqual({ at: { hour: 21, minute: 30 } });
    // An older job.json: the choices of its day, no import time.
    await writeFile(join(dir, 'job.json'), JSON.stringify({ ...header(id), choices: { numbersPerFile: 500, concurrency: 2, requestsPerSecond: 2 } }));
    expect((await openJobFolder(folder.dir, id)).header.choices).toEqual({ numbersPerFile: 500, concurrency: 2, requestsPerSecond: 2 });
    await writeFile(join(dir, 'job.json'), JSON.stringify({ ...scheduled, choices: { at: { hour: 25, minute: 0 } } }));
    await expect(openJobFolder(folder.dir, id)).rejects.toThrow(/job\.json is damaged/);
  });

  it('lists only whole jobs; a folder whose creation was cut short is not a job', async () => {
    const id = newJobId(new Date('2026-11-27T10:00:00Z'));
    await createJobFolder(folder.dir, header(id), plan);
    const half = newJobId(new Date('2026-11-27T11:00:00Z'));
    await mkdir(join(folder.dir, half));
    await mkdir(join(folder.dir, 'not-a-job'));
    expect(await listJobIds(folder.dir)).toEqual([half, id]);
    await expect(openJobFolder(folder.dir, half)).rejects.toThrow(/There is no job/);
  });

  it('refuses an id that is not one, so no path can be smuggled in', () => {
    expect(() => jobDir(folder.dir, '../../etc')).toThrow(/is not a job id/);
  });

  it('says so when job.json is damaged or its plan does not match it', async () => {
    const id = newJobId();
    const { dir } = await createJobFolder(folder.dir, header(id), plan);
    await writeFile(join(dir, 'plan.jsonl'), '{"row":2,"numbers":["380501111111"],"fields":{}}\n');
    await expect(readJobPlan(await openJobFolder(folder.dir, id))).rejects.toThrow(/plan does not match/);
    await writeFile(join(dir, 'plan.jsonl'), 'garbage\n');
    await expect(readJobPlan(await openJobFolder(folder.dir, id))).rejects.toThrow(/damaged at line 1/);
    await writeFile(join(dir, 'job.json'), '{');
    await expect(openJobFolder(folder.dir, id)).rejects.toThrow(/job.json is damaged/);
  });
});
