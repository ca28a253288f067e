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
