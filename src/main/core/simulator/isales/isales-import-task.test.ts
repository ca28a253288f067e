import { describe, expect, it } from 'vitest';

import { DEMO_CREDENTIALS, DEMO_SFTP } from '../demo-credentials';
import { ISALES_BLOCKED_NUMBER } from '../demo-seed';
import { SimulatorState } from '../simulator-state';
import { callDataXlsx, calledJson } from '../testing/call-data-xlsx';
import { TimerBag } from '../timer-bag';
import { createImportTask, nextOccurrence, type ImportDeps } from './isales-import-task';
import { isalesCampaignKey, type IsalesImportTask } from './isales-state';

const { vdnId } = DEMO_CREDENTIALS.isales;
const FILE = `${DEMO_SFTP.root}/calls.xlsx`;

function setup(stepMs = 5): ImportDeps {
  return { state: new SimulatorState(), timers: new TimerBag(), stepMs, now: () => new Date() };
}

/** Timers that fire only when the test says, so every stage of a task can be seen. */
class ManualTimers extends TimerBag {
  private readonly queue: Array<() => void> = [];

  override schedule(_ms: number, callback: () => void): void {
    this.queue.push(callback);
  }

  runNext(): void {
    this.queue.shift()?.();
  }

  /** The task schedules its last step once the file is read, which takes a few turns of the loop. */
  async waitForNext(): Promise<void> {
    for (let i = 0; i < 500 && this.queue.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 2));
    if (this.queue.length === 0) throw new Error('nothing was scheduled');
  }
}

async function settle(task: IsalesImportTask): Promise<void> {
  for (let i = 0; i < 400 && (task.status === '0' || task.status === '1'); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('import tasks', () => {
  it('go preparing -> running -> completed, one step at a time, with the counts', async () => {
    const timers = new ManualTimers();
    const deps: ImportDeps = { ...setup(), timers };
    const campaign = deps.state.isales.campaigns.get(isalesCampaignKey(vdnId, '1001'));
    campaign?.numbers.add('300');
    deps.state.files.writeFile(
      FILE,
      await callDataXlsx([
        ['s1', calledJson('100')],
        ['s2', calledJson('200')],
        ['s3', calledJson('100')],
        ['s4', calledJson('300')],
        ['s5', calledJson(ISALES_BLOCKED_NUMBER)],
        ['s6', calledJson('+1')],
        ['s7', 'not json'],
      ]),
    );
    const task = createImportTask(deps, { vdnId, campaignId: '1001', file: FILE });
    expect(task.status).toBe('0');
    timers.runNext();
    expect(task.status).toBe('1');
    expect(task.beginTime).toBeInstanceOf(Date);
    await timers.waitForNext();
    expect(task.status).toBe('1');
    timers.runNext();
    expect(task.status).toBe('2');
    expect(task).toMatchObject({ succNum: 2, repeatNum: 2, blackNum: 1, failNum: 2 });
    expect(task.errMsg).toMatch(/^Row 7: .*; Row 8: called is not a JSON array/);
    expect(task.endTime).toBeInstanceOf(Date);
    expect(campaign?.records.map((r) => r.called)).toEqual([['100'], ['200']]);
    expect(campaign?.received.arrivals('100')).toBe(2);
  });

  it('fail when the file is missing, not a workbook, or not .xlsx', async () => {
    const deps = setup();
    deps.state.files.writeFile(`${DEMO_SFTP.root}/junk.xlsx`, Buffer.from('not a zip'));
    deps.state.files.writeFile(`${DEMO_SFTP.root}/calls.csv`, Buffer.from('called\n1'));
    const cases: Array<[string, RegExp]> = [
      [`${DEMO_SFTP.root}/missing.xlsx`, /not found/],
      [`${DEMO_SFTP.root}/junk.xlsx`, /not a readable/],
      [`${DEMO_SFTP.root}/calls.csv`, /Only \.xlsx/],
    ];
    for (const [file, errMsg] of cases) {
      const task = createImportTask(deps, { vdnId, campaignId: '1001', file });
      await settle(task);
      expect(task.status).toBe('3');
      expect(task.errMsg).toMatch(errMsg);
    }
  });

  it('count rows past the uncompleted limit as failed', async () => {
    const deps = setup();
    const campaign = deps.state.isales.campaigns.get(isalesCampaignKey(vdnId, '1001'));
    if (campaign === undefined) throw new Error('seed changed');
    campaign.maxUncompleted = 1;
    deps.state.files.writeFile(FILE, await callDataXlsx([['', calledJson('1')], ['', calledJson('2')]]));
    const task = createImportTask(deps, { vdnId, campaignId: '1001', file: FILE });
    await settle(task);
    expect(task).toMatchObject({ status: '2', succNum: 1, failNum: 1 });
  });

  it('stop when their timers are cancelled, and a reset task never touches the new world', async () => {
    const deps = setup(30);
    deps.state.files.writeFile(FILE, await callDataXlsx([['', calledJson('1')]]));
    const task = createImportTask(deps, { vdnId, campaignId: '1001', file: FILE });
    deps.timers.cancelAll();
    deps.state.reset();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(task.status).toBe('0');
    expect(deps.state.isales.importTasks.size).toBe(0);
    expect(deps.state.isales.campaigns.get(isalesCampaignKey(vdnId, '1001'))?.records).toEqual([]);
  });

  it('wait for their scheduled time', async () => {
    const deps = setup(1);
    const task = createImportTask(deps, { vdnId, campaignId: '1001', file: FILE, scheduledFor: new Date(Date.now() + 60_000) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(task.status).toBe('0');
    expect(deps.timers.pending).toBe(1);
    deps.timers.close();
  });
});

describe('nextOccurrence', () => {
  it('is later today when the time is still ahead, else tomorrow', () => {
    const now = new Date(2025, 5, 1, 10, 30);
    expect(nextOccurrence(now, 11, 0)).toEqual(new Date(2025, 5, 1, 11, 0));
    expect(nextOccurrence(now, 10, 30)).toEqual(new Date(2025, 5, 2, 10, 30));
    expect(nextOccurrence(now, 2, 0)).toEqual(new Date(2025, 5, 2, 2, 0));
  });
});
