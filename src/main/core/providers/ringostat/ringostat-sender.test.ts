import { describe, expect, it } from 'vitest';

import { seededRandom } from '../../random/seeded-random';
import { connectionRefused, connectionReset, imported, rejected, serverError, timedOut, tooManyRequests, untrustedCertificate } from './call-fixtures';
import { FakeTime } from '../transport/fake-time';
import type { CampaignRow, RowCall } from './ringostat-client';
import { type RowAdder, type RowOutcome, type SendOptions, sendRows, type SendSummary } from './ringostat-sender';

type Script = (row: CampaignRow, attempt: number) => RowCall;

interface Start {
  readonly phone: string;
  readonly at: number;
  readonly attempt: number;
}

/** Answers from a script after `latencyMs` of fake time, and notes everything it sees. */
class ScriptedClient implements RowAdder {
  readonly starts: Start[] = [];
  mostInFlight = 0;
  /** Set if one row was ever in flight twice at once. */
  overlapped = false;
  private readonly busy = new Set<string>();

  constructor(
    private readonly time: FakeTime,
    private readonly script: Script = () => imported(),
    private readonly latencyMs = 100,
  ) {}

  async addRow(row: CampaignRow): Promise<RowCall> {
    const attempt = this.starts.filter((s) => s.phone === row.phone).length + 1;
    this.starts.push({ phone: row.phone, at: this.time.now(), attempt });
    if (this.busy.has(row.phone)) this.overlapped = true;
    this.busy.add(row.phone);
    this.mostInFlight = Math.max(this.mostInFlight, this.busy.size);
    await this.time.sleep(this.latencyMs);
    this.busy.delete(row.phone);
    return this.script(row, attempt);
  }

  startsOf(phone: string): number[] {
    return this.starts.filter((s) => s.phone === phone).map((s) => s.at);
  }
}

const rowsOf = (count: number): CampaignRow[] =>
  Array.from({ length: count }, (_, i) => ({ campaignId: '456', phone: `38093${String(i).padStart(7, '0')}` }));

const phoneOf = (rows: readonly CampaignRow[], index: number): string => rows[index]?.phone ?? '';

interface Sent {
  readonly summary: SendSummary;
  /** Every outcome reported for each phone, in order. */
  readonly outcomes: Map<string, RowOutcome[]>;
}

async function send(time: FakeTime, client: RowAdder, rows: readonly CampaignRow[], options: Omit<SendOptions<CampaignRow>, 'onOutcome' | 'timing'> = {}): Promise<Sent> {
  const outcomes = new Map<string, RowOutcome[]>();
  const onOutcome = (row: CampaignRow, outcome: RowOutcome): void => {
    outcomes.set(row.phone, [...(outcomes.get(row.phone) ?? []), outcome]);
  };
  const summary = await time.run(sendRows(client, rows, { ...options, timing: time, onOutcome }));
  return { summary, outcomes };
}

const only = (sent: Sent, phone: string): RowOutcome | undefined => {
  const list = sent.outcomes.get(phone) ?? [];
  expect(list).toHaveLength(1);
  return list[0];
};

const gapsOf = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - (times[i] ?? 0));

describe('sendRows on fake time', () => {
  it('imports every row with one request each and reports each row once', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time);
    const rows = rowsOf(7);
    const sent = await send(time, client, rows, { ratePerSecond: 50, concurrency: 3 });
    expect(sent.summary).toEqual({ imported: 7, rejected: 0, unknown: 0, cancelled: 0 });
    for (const row of rows) expect(only(sent, row.phone)).toEqual({ kind: 'imported', attempts: 1 });
    expect(client.starts).toHaveLength(7);
  });

  it('respects the rate: N requests take at least (N-1)/rate', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, undefined, 10);
    await send(time, client, rowsOf(12), { ratePerSecond: 4, concurrency: 8 });
    const starts = client.starts.map((s) => s.at);
    expect(starts.at(-1)).toBeGreaterThanOrEqual((11 / 4) * 1000);
    expect(Math.min(...gapsOf(starts))).toBeGreaterThanOrEqual(250);
  });

  it('never has more than `concurrency` requests in flight', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, undefined, 100);
    await send(time, client, rowsOf(30), { ratePerSecond: 1000, concurrency: 3 });
    expect(client.mostInFlight).toBe(3);
  });

  it('defaults to 2 requests per second and 2 at once', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, undefined, 1500);
    await send(time, client, rowsOf(6));
    expect(client.mostInFlight).toBe(2);
    expect(Math.min(...gapsOf(client.starts.map((s) => s.at)))).toBeGreaterThanOrEqual(500);
  });

  it("pauses every row for a 429's Retry-After, not just the row that drew it", async () => {
    const time = new FakeTime();
    const rows = rowsOf(8);
    const limited = phoneOf(rows, 1);
    const client = new ScriptedClient(time, (row, attempt) => (row.phone === limited && attempt === 1 ? tooManyRequests(5) : imported()), 50);
    const sent = await send(time, client, rows, { ratePerSecond: 100, concurrency: 2, random: () => 0 });
    const answeredAt = (client.startsOf(limited)[0] ?? Number.NaN) + 50;
    // Requests already in flight when the 429 came back may finish; nothing new may start.
    const startedInPause = client.starts.filter((s) => s.at >= answeredAt && s.at < answeredAt + 5000);
    expect(startedInPause).toEqual([]);
    expect(client.starts.filter((s) => s.at >= answeredAt + 5000).length).toBeGreaterThan(3);
    expect(only(sent, limited)).toEqual({ kind: 'imported', attempts: 2 });
  });

  it('backs off with full jitter, the same sequence for the same seed', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, (_row, attempt) => (attempt < 5 ? serverError() : imported()), 0);
    const [row] = rowsOf(1);
    const sent = await send(time, client, rowsOf(1), { ratePerSecond: 1000, random: seededRandom(42) });
    // seededRandom(42) drawn over ceilings of 500, 1000, 2000 and 4000 ms.
    expect(gapsOf(client.startsOf(row?.phone ?? ''))).toEqual([300, 448, 1704, 2678]);
    expect(only(sent, row?.phone ?? '')).toEqual({ kind: 'imported', attempts: 5 });
  });

  it('gives up on a row after maxAttempts; a 5xx every time leaves it unknown', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, () => serverError(), 0);
    const sent = await send(time, client, rowsOf(1), { ratePerSecond: 1000, maxAttempts: 3, random: () => 0.5 });
    expect(client.starts).toHaveLength(3);
    expect(only(sent, phoneOf(rowsOf(1), 0))).toMatchObject({ kind: 'unknown', why: 'server-error', attempts: 3 });
  });

  it('gives up on a row after 5 attempts by default; a 429 every time leaves it rejected', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, () => tooManyRequests(1), 0);
    const sent = await send(time, client, rowsOf(1), { ratePerSecond: 1000 });
    expect(client.starts).toHaveLength(5);
    expect(only(sent, phoneOf(rowsOf(1), 0))).toMatchObject({ kind: 'rejected', reason: 'rate-limited', status: 429, attempts: 5 });
  });

  it.each([
    ['a reset after sending', connectionReset(), 'network'],
    ['a timeout', timedOut(), 'timeout'],
  ])('never retries %s: the row is unknown after one request', async (_name, call, why) => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, () => call, 10);
    const sent = await send(time, client, rowsOf(1));
    expect(client.starts).toHaveLength(1);
    expect(only(sent, phoneOf(rowsOf(1), 0))).toMatchObject({ kind: 'unknown', why, attempts: 1 });
  });

  it('never retries a refusal or an untrusted certificate', async () => {
    const time = new FakeTime();
    const rows = rowsOf(2);
    const client = new ScriptedClient(time, (row) => (row.phone === phoneOf(rows, 0) ? rejected(400, '{"result":false,"message":"bad phone"}') : untrustedCertificate()), 10);
    const sent = await send(time, client, rows);
    expect(client.starts).toHaveLength(2);
    expect(only(sent, phoneOf(rows, 0))).toEqual({
      kind: 'rejected',
      attempts: 1,
      reason: 'http-error',
      status: 400,
      providerText: '{"result":false,"message":"bad phone"}',
      message: 'Ringostat refused the request. (HTTP 400)',
    });
    expect(only(sent, phoneOf(rows, 1))).toMatchObject({ kind: 'rejected', reason: 'tls-refused', attempts: 1 });
  });

  it('retries a connection refused before sending', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, (_row, attempt) => (attempt < 3 ? connectionRefused() : imported()), 10);
    const sent = await send(time, client, rowsOf(1), { random: () => 0.5 });
    expect(only(sent, phoneOf(rowsOf(1), 0))).toEqual({ kind: 'imported', attempts: 3 });
  });

  it('ends every row exactly once and never has one row in flight twice, through a mix of failures', async () => {
    const time = new FakeTime();
    const random = seededRandom(3);
    const faults: Array<() => RowCall> = [() => tooManyRequests(1), () => serverError(), () => connectionRefused(), () => connectionReset()];
    const client = new ScriptedClient(time, () => (random() < 0.4 ? (faults[Math.floor(random() * faults.length)] ?? imported)() : imported()), 80);
    const rows = rowsOf(60);
    const sent = await send(time, client, rows, { ratePerSecond: 20, concurrency: 4, maxAttempts: 6, random: seededRandom(9) });
    expect(client.overlapped).toBe(false);
    expect(client.mostInFlight).toBeLessThanOrEqual(4);
    for (const row of rows) expect(sent.outcomes.get(row.phone)).toHaveLength(1);
    const { imported: ok, unknown, rejected: refused, cancelled } = sent.summary;
    expect(ok + unknown + refused + cancelled).toBe(60);
    expect(unknown).toBeGreaterThan(0);
    expect(client.starts.length).toBeGreaterThan(60);
  });

  it('on abort, sends nothing new and ends the rest as cancelled; the request in flight finishes', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, undefined, 100);
    const rows = rowsOf(10);
    const controller = new AbortController();
    void time.sleep(2050).then(() => controller.abort());
    const sent = await send(time, client, rows, { ratePerSecond: 1, concurrency: 1, signal: controller.signal });
    expect(client.starts.map((s) => s.at)).toEqual([0, 1000, 2000]);
    expect(sent.summary).toEqual({ imported: 3, rejected: 0, unknown: 0, cancelled: 7 });
    for (const row of rows.slice(3)) expect(only(sent, row.phone)).toEqual({ kind: 'cancelled', attempts: 0 });
    await time.advance(60_000);
    expect(client.starts).toHaveLength(3);
    expect(time.pending).toBe(0);
  });

  it('on abort during a backoff, cancels a row refused with 429 but leaves one that drew a 5xx unknown', async () => {
    const time = new FakeTime();
    const rows = rowsOf(2);
    const client = new ScriptedClient(time, (row) => (row.phone === phoneOf(rows, 0) ? tooManyRequests() : serverError()), 10);
    const controller = new AbortController();
    void time.sleep(100).then(() => controller.abort());
    const sent = await send(time, client, rows, { ratePerSecond: 1000, random: () => 0.9, signal: controller.signal });
    expect(client.starts.map((s) => s.at)).toEqual([0, 1]);
    expect(only(sent, phoneOf(rows, 0))).toEqual({ kind: 'cancelled', attempts: 1 });
    expect(only(sent, phoneOf(rows, 1))).toMatchObject({ kind: 'unknown', why: 'server-error', attempts: 1 });
    // Both were sleeping out a 450 ms backoff; the abort ended it.
    expect(time.now()).toBe(100);
  });

  it('sends nothing when the signal has already aborted', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time);
    const sent = await send(time, client, rowsOf(4), { signal: AbortSignal.abort() });
    expect(client.starts).toEqual([]);
    expect(sent.summary).toEqual({ imported: 0, rejected: 0, unknown: 0, cancelled: 4 });
  });

  it('waits for an asynchronous onOutcome before it is done', async () => {
    const time = new FakeTime();
    const written: string[] = [];
    const onOutcome = async (row: CampaignRow): Promise<void> => {
      await time.sleep(1000);
      written.push(row.phone);
    };
    await time.run(sendRows(new ScriptedClient(time), rowsOf(5), { ratePerSecond: 100, timing: time, onOutcome }));
    expect(written).toHaveLength(5);
  });

  it('stops sending when onOutcome fails, and rejects with its error', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time, undefined, 100);
    let calls = 0;
    const onOutcome = (): void => {
      calls += 1;
      throw new Error('journal full');
    };
    const sending = sendRows(client, rowsOf(10), { ratePerSecond: 1, concurrency: 1, timing: time, onOutcome });
    await expect(time.run(sending)).rejects.toThrow('journal full');
    expect(calls).toBe(1);
    expect(client.starts).toHaveLength(1);
  });

  it('awaits beforeFirstAttempt once per row before its first request, not before retries', async () => {
    const time = new FakeTime();
    const noted: string[] = [];
    const client = new ScriptedClient(time, (_row, attempt) => (attempt === 1 ? serverError() : imported()));
    const beforeFirstAttempt = async (row: CampaignRow): Promise<void> => {
      // The request must not start before the note is written.
      expect(client.starts.some((s) => s.phone === row.phone)).toBe(false);
      await time.sleep(5);
      noted.push(row.phone);
    };
    await time.run(sendRows(client, rowsOf(3), { ratePerSecond: 100, timing: time, random: () => 0, beforeFirstAttempt, onOutcome: () => undefined }));
    expect(noted.sort()).toEqual(rowsOf(3).map((r) => r.phone));
    expect(client.starts).toHaveLength(6);
  });

  it('sends nothing for a row whose beforeFirstAttempt fails, stops, and rejects with its error', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time);
    const beforeFirstAttempt = (row: CampaignRow): Promise<void> => (row.phone === phoneOf(rowsOf(3), 1) ? Promise.reject(new Error('disk full')) : Promise.resolve());
    const sending = sendRows(client, rowsOf(3), { ratePerSecond: 1, concurrency: 1, timing: time, beforeFirstAttempt, onOutcome: () => undefined });
    await expect(time.run(sending)).rejects.toThrow('disk full');
    expect(client.starts.map((s) => s.phone)).toEqual([phoneOf(rowsOf(3), 0)]);
  });

  it('takes rows lazily from any iterable', async () => {
    const time = new FakeTime();
    const client = new ScriptedClient(time);
    function* generate(): Generator<CampaignRow> {
      yield* rowsOf(3);
    }
    const sent = await send(time, client, [...rowsOf(0)]);
    expect(sent.summary.imported).toBe(0);
    const summary = await time.run(sendRows(client, generate(), { ratePerSecond: 100, timing: time, onOutcome: () => undefined }));
    expect(summary.imported).toBe(3);
  });
});
