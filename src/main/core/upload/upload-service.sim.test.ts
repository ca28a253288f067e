import { describe, expect, it } from 'vitest';

import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { createIntakeService } from '../intake/create-intake-service';
import { localIntake } from '../intake/intake';
import { useSimulator } from '../simulator/testing/use-simulator';
import { demoUnlocked } from './testing/upload-sheet';
import { type UploadProgressEvent, UploadService } from './upload-service';

const sim = useSimulator();
const CSV = ['Phone', ...Array.from({ length: 30 }, (_, i) => `+38050${String(1_000_000 + i)}`), 'nonsense'].join('\n');

async function setup(): Promise<{ service: UploadService; sheetId: string; events: UploadProgressEvent[] }> {
  const intakeService = createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
  const intake = localIntake(intakeService);
  const view = await intake.open('calls.csv', new TextEncoder().encode(CSV));
  await intakeService.finished(view.sheetId);
  const events: UploadProgressEvent[] = [];
  const withUnlocked = async <T>(id: string, work: (u: UnlockedProfile, mask: (text: string) => string) => Promise<T>): Promise<T> =>
    work(await demoUnlocked(sim(), 'mor', id === 'bad-mor' ? { apiSecret: 'planted-secret-1234' } : {}), (text) => text.replaceAll('planted-secret-1234', '[secret]'));
  const service = new UploadService({ intake, withUnlocked, emitProgress: (event) => events.push(event), choices: { numbersPerFile: 10 } });
  return { service, sheetId: view.sheetId, events };
}

describe('UploadService', () => {
  it('plans without sending: counts, batches and the default campaign of the profile', async () => {
    const { service, sheetId } = await setup();
    const plan = await service.plan({ sheetId, profileId: 'demo-mor', campaignId: '2' });
    expect(plan).toEqual({ provider: 'mor', campaignId: '2', rows: 31, planned: 30, numbers: 30, invalid: 1, duplicate: 0, batches: '3 CSV file(s) of up to 10 numbers, one after another' });
    expect(sim().state.mor.campaigns.get(2)?.received.numbers()).toEqual([]);
  });

  it('sends, tells progress up to the last row, and keeps the receipt to page through by status', async () => {
    const { service, sheetId, events } = await setup();
    const sent = await service.send({ sheetId, profileId: 'demo-mor', campaignId: '2' });
    expect(sent.counts).toEqual({ imported: 30, rejected: 0, invalid: 1, duplicate: 0, unknown: 0 });
    expect(events.at(-1)).toEqual({ uploadId: sent.uploadId, done: 30, total: 30 });
    expect(service.rows(sent.uploadId, 0, 5, 'invalid')).toEqual({ total: 1, rows: [expect.objectContaining({ row: 32, status: 'invalid' })] });
    expect(service.rows(sent.uploadId, 28, 5, 'all').rows.map((r) => r.row)).toEqual([30, 31, 32]);
    expect(() => service.rows('upload-0000000000000000', 0, 5, 'all')).toThrow(/no longer open/);
  });

  it('never puts a profile secret into what it answers', async () => {
    const { service, sheetId } = await setup();
    const sent = await service.send({ sheetId, profileId: 'bad-mor', campaignId: '2' });
    expect(sent.counts.rejected).toBe(30);
    expect(JSON.stringify(service.rows(sent.uploadId, 0, 100, 'all'))).not.toContain('planted-secret-1234');
  });
});
