import { describe, expect, it } from 'vitest';

import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { DEMO_IVR_POLL_RESULTS } from '../simulator/demo-seed';
import { useSimulator } from '../simulator/testing/use-simulator';
import { demoUnlocked } from '../upload/testing/upload-sheet';
import { type MorToolsOptions, MorToolsService } from './mor-tools-service';

const sim = useSimulator();

function service(options: MorToolsOptions = {}): MorToolsService {
  const withUnlocked = async <T>(id: string, work: (u: UnlockedProfile, mask: (text: string) => string) => Promise<T>): Promise<T> =>
    work(await demoUnlocked(sim(), id === 'demo-ringostat' ? 'ringostat' : 'mor'), (text) => text);
  return new MorToolsService(withUnlocked, { pauseMs: 0, ...options });
}

const csvOf = (lines: readonly string[]): Uint8Array => new TextEncoder().encode(`Device ID,CLI,Description\r\n${lines.join('\r\n')}\r\n`);

describe('MorToolsService', () => {
  it('gives a campaign\'s IVR poll results as rows and as MOR\'s raw string', async () => {
    const results = await service().ivrResults('demo-mor', '1');
    expect(results.raw).toBe(DEMO_IVR_POLL_RESULTS);
    expect(results.rows.length).toBeGreaterThan(0);
    expect(results.header[0]).toBe('field_1');
  });

  it('exports a campaign\'s IVR poll results as CSV and XLSX files', async () => {
    const csv = await service().exportIvrResults('demo-mor', '1', 'csv');
    expect(csv.fileName).toBe('IVR results campaign 1.csv');
    expect(Buffer.from(csv.bytes).toString('utf8')).toBe('\uFEFFfield_1,field_2,field_3\r\n1111,,\r\n2222,2020-01-01 01:01:01,2090-12-31 23:59:59\r\n');
    const xlsx = await service().exportIvrResults('demo-mor', '1', 'xlsx');
    expect(Buffer.from(xlsx.bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(service().exportIvrResults('demo-mor', 'x', 'csv')).rejects.toThrow(/positive whole number/);
  });

  it('adds the CLIs of a sheet, one outcome per row, and refuses a profile of another provider', async () => {
    const csv = 'Device ID,CLI,Description\r\n1,37060000123,Office\r\n1,not a number,Bad\r\n';
    const report = await service().addClis('demo-mor', 'clis.csv', new TextEncoder().encode(csv));
    expect(report).toMatchObject({ added: 1, invalid: 1, rejected: 0, unknown: 0 });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'added'],
      [3, 'invalid'],
    ]);
    await expect(service().ivrResults('demo-ringostat', '1')).rejects.toThrow(/needs a Kolmisoft MOR profile/);
  });

  it('keeps each run\'s receipt for export by the answer\'s run id: every row once, as the window was given it', async () => {
    const tools = service();
    const report = await tools.addClis('demo-mor', 'clis.csv', csvOf(['1,37062220001,Office', '1,=1+1,Formula']));
    expect(report.runId).toMatch(/^clis-[0-9a-f]{12}$/);
    const csv = await tools.exportCliReceipt(report.runId, 'csv');
    expect(csv.fileName).toBe(`clis CLI receipt ${report.runId}.csv`);
    const text = Buffer.from(csv.bytes).toString('utf8');
    expect(text.startsWith('\uFEFFRow,Device,CLI,Status,Message\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(report.rows.length);
    expect(lines[0]).toBe('2,1,37062220001,added,CLI successfully created');
    expect(lines[1]).toMatch(/^3,1,'=1\+1,invalid,/);
    expect(Buffer.from((await tools.exportCliReceipt(report.runId, 'xlsx')).bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    // Another service (another app run) never saw it.
    await expect(service().exportCliReceipt(report.runId, 'csv')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('tells how far a run is at most every 100 ms, from 0 at the start to every row at the end', async () => {
    const clock = { now: 0 };
    const events: { runId: string; done: number; total: number }[] = [];
    const times: number[] = [];
    const tools = service({
      emitProgress: (event) => {
        events.push(event);
        times.push(clock.now);
      },
      // Each look at the clock is 30 ms on: a row every 30 ms.
      now: () => (clock.now += 30),
    });
    const lines = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? `1,bad ${i},Bad` : `1,370622210${String(i).padStart(2, '0')},Row ${i}`));
    const report = await tools.addClis('demo-mor', 'many.csv', csvOf(lines));
    expect(report.rows).toHaveLength(30);
    expect(events[0]).toEqual({ runId: report.runId, done: 0, total: 30 });
    expect(events.at(-1)).toEqual({ runId: report.runId, done: 30, total: 30 });
    expect(events.every((e) => e.runId === report.runId && e.total === 30)).toBe(true);
    expect(events.length).toBeLessThan(12);
    for (let i = 1; i < events.length; i += 1) {
      expect(events[i]!.done).toBeGreaterThan(events[i - 1]!.done);
      if (i < events.length - 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
    }
  });

  it('tells no progress of a sheet it refuses before sending anything', async () => {
    const events: unknown[] = [];
    await expect(service({ emitProgress: (event) => events.push(event) }).addClis('demo-mor', 'empty.csv', csvOf([]))).rejects.toThrow(/no CLI rows/);
    expect(events).toEqual([]);
  });
});
