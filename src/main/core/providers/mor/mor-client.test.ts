import { describe, expect, it } from 'vitest';

import { useSimulator } from '../../simulator/testing/use-simulator';
import { MorClient } from './mor-client';
import { testMorConnection } from './test-connection';
import { buildUploadFiles } from './upload-file';

const simulator = useSimulator();

function client(overrides: { user?: string; apiSecret?: string } = {}): MorClient {
  const sim = simulator();
  const { username, apiSecret } = sim.credentials.mor;
  return new MorClient({ baseUrl: sim.urls.mor, user: overrides.user ?? username, apiSecret: overrides.apiSecret ?? apiSecret });
}

const campaign = (): string => String(simulator().credentials.mor.campaignIds[1]);

describe('MorClient against the simulator', () => {
  it('uploads a file of numbers and reads how many MOR took', async () => {
    const [file] = buildUploadFiles([
      { sourceRow: 2, number: '380931234567' },
      { sourceRow: 3, number: '380671234567' },
    ]);
    const answer = await client().uploadNumbers(campaign(), file!);
    expect(answer).toMatchObject({ ok: true, value: { imported: 2, offered: 2 } });
    expect(simulator().state.mor.campaigns.get(Number(campaign()))?.received.arrivals('380931234567')).toBe(1);
  });

  it('tells the documented errors apart', async () => {
    const [file] = buildUploadFiles([{ sourceRow: 2, number: '380931234567' }]);
    expect(await client({ apiSecret: 'wrong' }).uploadNumbers(campaign(), file!)).toMatchObject({ ok: false, error: { kind: 'incorrect-hash' } });
    expect(await client({ user: 'nobody' }).uploadNumbers(campaign(), file!)).toMatchObject({ ok: false, error: { kind: 'access-denied' } });
    expect(await client().uploadNumbers('999', file!)).toMatchObject({ ok: false, error: { kind: 'campaign-not-found' } });
  });

  it('reads IVR poll results, keeping the raw string', async () => {
    const answer = await client().ivrPollResults(String(simulator().credentials.mor.campaignIds[0]));
    expect(answer.ok).toBe(true);
    expect(answer.ok && answer.value.raw.length).toBeGreaterThan(0);
  });

  it('adds a CLI, whose answer comes gzipped without a header', async () => {
    const deviceId = simulator().credentials.mor.deviceIds[0]!;
    const answer = await client().addCli({ deviceId, cliNumber: '380441234567', cliDescription: 'Office' });
    expect(answer).toMatchObject({ ok: true });
    const again = await client().addCli({ deviceId, cliNumber: '380441234567' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'cli-exists' } });
  });

  it('gives "Test connection" a precise verdict', async () => {
    expect(await testMorConnection(client(), campaign())).toMatchObject({ kind: 'ok' });
    expect(await testMorConnection(client({ apiSecret: 'wrong' }), campaign())).toMatchObject({ kind: 'credentials-rejected' });
    expect(await testMorConnection(client({ user: 'nobody' }), campaign())).toMatchObject({ kind: 'not-authorised' });
    expect(await testMorConnection(client(), '999')).toMatchObject({ kind: 'campaign-not-found' });
    const offline = new MorClient({ baseUrl: 'http://127.0.0.1:9/mor', user: 'u', apiSecret: 's' });
    expect(await testMorConnection(offline, campaign())).toMatchObject({ kind: 'network' });
  });
});
