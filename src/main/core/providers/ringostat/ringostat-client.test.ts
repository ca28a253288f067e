import { describe, expect, it } from 'vitest';

import { useSimulator } from '../../simulator/testing/use-simulator';
import { RingostatClient } from './ringostat-client';

const simulator = useSimulator();

function client(authKey?: string): RingostatClient {
  const sim = simulator();
  const { projectId, authKey: key } = sim.credentials.ringostat;
  return new RingostatClient({ baseUrl: sim.urls.ringostat, projectId, authKey: authKey ?? key });
}

const campaignId = (): string => String(simulator().credentials.ringostat.campaignIds[0]);
const arrivals = (phone: string): number | undefined => {
  const { projectId } = simulator().credentials.ringostat;
  return simulator().state.ringostat.projects.get(projectId)?.campaigns.get(Number(campaignId()))?.received.arrivals(phone);
};

describe('RingostatClient against the simulator', () => {
  it('adds one number, which arrives once', async () => {
    expect(await client().addRow({ campaignId: campaignId(), phone: '380931234567', name: 'Іван' })).toMatchObject({ kind: 'success' });
    expect(arrivals('380931234567')).toBe(1);
  });

  it('says a wrong key is rejected, and never quotes the key', async () => {
    const outcome = await client('not-the-key-123456').addRow({ campaignId: campaignId(), phone: '380931234567' });
    expect(outcome).toMatchObject({ kind: 'rejected', reason: 'auth-rejected' });
    expect(JSON.stringify(outcome)).not.toContain('not-the-key-123456');
  });

  it('marks 429 as retryable with the server’s Retry-After, and 5xx as retryable', async () => {
    simulator().setFaults({ tooManyRequestsShare: 1, retryAfterSeconds: 7 });
    expect(await client().addRow({ campaignId: campaignId(), phone: '380931234567' })).toMatchObject({
      kind: 'retryable',
      reason: 'rate-limited',
      retryAfterMs: 7000,
    });
    simulator().setFaults({ serverErrorShare: 1 });
    expect(await client().addRow({ campaignId: campaignId(), phone: '380931234567' })).toMatchObject({ kind: 'retryable', reason: 'server-error' });
  });

  it('reports a connection cut after the number was stored as a transport failure that may have arrived', async () => {
    simulator().setFaults({ resetShare: 1, resetPoint: 'after-handling' });
    const outcome = await client().addRow({ campaignId: campaignId(), phone: '380501234567' });
    expect(outcome).toMatchObject({ kind: 'transport', failure: { mayHaveArrived: true } });
    expect(arrivals('380501234567')).toBe(1);
  });
});

describe('testRingostatConnection', () => {
  it('checks the project id and key without adding a number anywhere', async () => {
    const { testRingostatConnection } = await import('./test-connection');
    expect(await testRingostatConnection(client())).toMatchObject({ kind: 'ok' });
    expect(await testRingostatConnection(client('wrong-key-0000'))).toMatchObject({ kind: 'credentials-rejected' });
    const { projectId } = simulator().credentials.ringostat;
    const campaigns = [...(simulator().state.ringostat.projects.get(projectId)?.campaigns.values() ?? [])];
    expect(campaigns.every((c) => c.rows.length === 0)).toBe(true);
  });
});
