import { describe, expect, it } from 'vitest';

import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { DEMO_IVR_POLL_RESULTS } from '../simulator/demo-seed';
import { useSimulator } from '../simulator/testing/use-simulator';
import { demoUnlocked } from '../upload/testing/upload-sheet';
import { MorToolsService } from './mor-tools-service';

const sim = useSimulator();

function service(): MorToolsService {
  const withUnlocked = async <T>(id: string, work: (u: UnlockedProfile, mask: (text: string) => string) => Promise<T>): Promise<T> =>
    work(await demoUnlocked(sim(), id === 'demo-ringostat' ? 'ringostat' : 'mor'), (text) => text);
  return new MorToolsService(withUnlocked, 0);
}

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
});
