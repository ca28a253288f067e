import { describe, expect, it } from 'vitest';

import type { Faults } from '../../simulator/faults/faults';
import { useSimulator } from '../../simulator/testing/use-simulator';
import { type CampaignRow, RingostatClient } from './ringostat-client';
import { type RowOutcome, type SendSummary, sendRows } from './ringostat-sender';

/**
 * The sender against the simulator over real HTTP on 127.0.0.1. A high rate and concurrency
 * keep the run short; nothing here measures wall-clock time.
 */
const simulator = useSimulator();

const FAST = { ratePerSecond: 500, concurrency: 32 } as const;

interface Sent {
  readonly summary: SendSummary;
  readonly outcomes: Map<string, RowOutcome[]>;
}

function campaignRows(count: number): CampaignRow[] {
  const campaignId = String(simulator().credentials.ringostat.campaignIds[0]);
  return Array.from({ length: count }, (_, i) => ({ campaignId, phone: `38093${String(i).padStart(7, '0')}` }));
}

async function send(rows: readonly CampaignRow[], options: { maxAttempts?: number; authKey?: string } = {}): Promise<Sent> {
  const { credentials, urls } = simulator();
  const client = new RingostatClient({ baseUrl: urls.ringostat, projectId: credentials.ringostat.projectId, authKey: options.authKey ?? credentials.ringostat.authKey });
  const outcomes = new Map<string, RowOutcome[]>();
  const summary = await sendRows(client, rows, {
    ...FAST,
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    onOutcome: (row, outcome) => void outcomes.set(row.phone, [...(outcomes.get(row.phone) ?? []), outcome]),
  });
  return { summary, outcomes };
}

function arrivals(phone: string): number {
  const { credentials, state } = simulator();
  const campaign = state.ringostat.projects.get(credentials.ringostat.projectId)?.campaigns.get(credentials.ringostat.campaignIds[0] ?? -1);
  if (campaign === undefined) throw new Error('The demo campaign is missing.');
  return campaign.received.arrivals(phone);
}

function outcomeOf(sent: Sent, phone: string): RowOutcome | undefined {
  const list = sent.outcomes.get(phone) ?? [];
  if (list.length !== 1) throw new Error(`${phone} ended ${list.length} times.`);
  return list[0];
}

function phonesBy(sent: Sent, rows: readonly CampaignRow[], kind: RowOutcome['kind']): string[] {
  return rows.map((row) => row.phone).filter((phone) => outcomeOf(sent, phone)?.kind === kind);
}

function arrange(faults: Faults): void {
  simulator().setFaults({ providers: ['ringostat'], ...faults });
}

describe('sendRows against the simulator', () => {
  it('imports 300 numbers through 5xx and 429 answers, each arriving exactly once', { timeout: 60_000 }, async () => {
    // Seed 23 draws 36 503s and 18 429s over the run's 354 requests (10.2% and 5.1%), with no
    // more than two faults in a row, so no lone row at the end backs off for long. Each 429
    // pauses every row for its second, so those alone take about 18 s.
    arrange({ serverErrorShare: 0.1, tooManyRequestsShare: 0.05, retryAfterSeconds: 1, seed: 23 });
    const rows = campaignRows(300);
    // Which row meets which fault depends on timing; eight attempts make giving up on one
    // (0.15^8 per row) vanishingly rare whatever the order.
    const sent = await send(rows, { maxAttempts: 8 });
    expect(sent.summary).toEqual({ imported: 300, rejected: 0, unknown: 0, cancelled: 0 });
    expect(rows.filter((row) => arrivals(row.phone) !== 1)).toEqual([]);
    const retried = rows.filter((row) => (outcomeOf(sent, row.phone)?.attempts ?? 0) > 1);
    expect(retried.length).toBeGreaterThan(20);
    expect(JSON.stringify([...sent.outcomes])).not.toContain(simulator().credentials.ringostat.authKey);
  });

  it('reports rows whose answer was lost as unknown, and never sends them again', { timeout: 30_000 }, async () => {
    arrange({ resetShare: 0.1, resetPoint: 'after-handling', serverErrorShare: 0.05, seed: 12 });
    const rows = campaignRows(200);
    const sent = await send(rows);
    const unknown = phonesBy(sent, rows, 'unknown');
    const imported = phonesBy(sent, rows, 'imported');
    expect(unknown.length).toBeGreaterThan(5);
    expect(imported.length + unknown.length).toBe(200);
    expect(imported.filter((phone) => arrivals(phone) !== 1)).toEqual([]);
    expect(unknown.filter((phone) => arrivals(phone) > 1)).toEqual([]);
    // A reset is never retried, so it was each unknown row's last request (a 5xx may come before it).
    const why = (phone: string): string | undefined => {
      const outcome = outcomeOf(sent, phone);
      return outcome?.kind === 'unknown' ? outcome.why : undefined;
    };
    expect(unknown.filter((phone) => why(phone) !== 'network')).toEqual([]);
  });

  it('reports rows cut off before handling as unknown too: the client cannot tell the two apart', { timeout: 30_000 }, async () => {
    arrange({ resetShare: 0.1, resetPoint: 'before-handling', seed: 13 });
    const rows = campaignRows(100);
    const sent = await send(rows);
    const unknown = phonesBy(sent, rows, 'unknown');
    expect(unknown.length).toBeGreaterThan(2);
    expect(phonesBy(sent, rows, 'imported').length + unknown.length).toBe(100);
    expect(unknown.filter((phone) => arrivals(phone) !== 0)).toEqual([]);
  });

  it('rejects every row on a wrong Auth-key without retrying, and never quotes the key', { timeout: 30_000 }, async () => {
    const wrongKey = 'wrong-key-0f9e8d7c6b5a';
    const rows = campaignRows(5);
    const sent = await send(rows, { authKey: wrongKey });
    expect(sent.summary).toEqual({ imported: 0, rejected: 5, unknown: 0, cancelled: 0 });
    for (const row of rows) expect(outcomeOf(sent, row.phone)).toMatchObject({ kind: 'rejected', reason: 'auth-rejected', status: 401, attempts: 1 });
    expect(JSON.stringify([...sent.outcomes])).not.toContain(wrongKey);
  });
});
