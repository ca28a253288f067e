import { setMaxListeners } from 'node:events';

import { DEFAULT_CONCURRENCY, DEFAULT_RATE_PER_SECOND, type Permit, RateGate } from './rate-gate';
import { type RetryDecision, RetryPolicy } from './retry-policy';
import type { CampaignRow, RowCall } from './ringostat-client';
import { interrupted, type RowOutcome, type RowOutcomeKind, settle } from './row-outcome';
import { realTiming, type Timing } from '../transport/timing';

export type { RowOutcome, RowOutcomeKind } from './row-outcome';

/** What the sender needs of RingostatClient; addRow classifies every failure and never throws. */
export interface RowAdder {
  addRow(row: CampaignRow): Promise<RowCall>;
}

export interface SendOptions<R extends CampaignRow> {
  /** Requests in flight at once; 2 by default. */
  readonly concurrency?: number;
  /** Requests started per second, from the profile; 2 by default. */
  readonly ratePerSecond?: number;
  /** Requests per row, the first included; 5 by default. */
  readonly maxAttempts?: number;
  /** Stops new requests; rows not finished end as cancelled (or unknown after a 5xx). */
  readonly signal?: AbortSignal;
  /**
   * Called exactly once per row as it ends, and awaited, so a journal has written a row before
   * the worker moves on. If it throws, sending stops, no further outcome is reported, and
   * sendRows rejects with that error.
   */
  readonly onOutcome: (row: R, outcome: RowOutcome) => void | Promise<void>;
  /**
   * Awaited once per row after it is admitted and before its first request (a journal notes
   * that the row left). If it throws, the row is not sent and sending stops as for onOutcome.
   */
  readonly beforeFirstAttempt?: (row: R) => Promise<void>;
  /** Tests pass a fake clock and a seeded random. */
  readonly timing?: Timing;
  readonly random?: () => number;
}

export type SendSummary = Readonly<Record<RowOutcomeKind, number>>;

interface Run<R extends CampaignRow> {
  readonly client: RowAdder;
  readonly gate: RateGate;
  readonly policy: RetryPolicy;
  readonly timing: Timing;
  /** Aborted by the caller's signal or by a failed onOutcome. */
  readonly stop: AbortController;
  readonly onOutcome: SendOptions<R>['onOutcome'];
  readonly beforeFirstAttempt: SendOptions<R>['beforeFirstAttempt'];
  readonly summary: Record<RowOutcomeKind, number>;
  failure: { readonly error: unknown } | undefined;
}

interface Attempt {
  readonly call: RowCall;
  readonly decision: RetryDecision;
}

/**
 * Sends one request per row, through one shared rate gate, retrying as the policy allows.
 * A row is handled by one worker from start to end, so it is never in flight twice.
 */
export async function sendRows<R extends CampaignRow>(client: RowAdder, rows: Iterable<R>, options: SendOptions<R>): Promise<SendSummary> {
  const run = startRun(client, options);
  // Twice as many workers as slots, so a row sleeping out its backoff does not leave a slot idle.
  const workers = 2 * (options.concurrency ?? DEFAULT_CONCURRENCY);
  // Each worker listens to the stop signal (at the gate or in a backoff), one listener at a time.
  setMaxListeners(workers + 1, run.stop.signal);
  const unlink = linkSignal(options.signal, run.stop);
  const queue = rows[Symbol.iterator]();
  try {
    await Promise.all(Array.from({ length: workers }, () => work(run, queue)));
  } finally {
    unlink();
  }
  if (run.failure !== undefined) throw run.failure.error;
  return { ...run.summary };
}

function startRun<R extends CampaignRow>(client: RowAdder, options: SendOptions<R>): Run<R> {
  const timing = options.timing ?? realTiming;
  return {
    client,
    timing,
    gate: new RateGate({
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      ratePerSecond: options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND,
      timing,
    }),
    policy: new RetryPolicy({
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.random === undefined ? {} : { random: options.random }),
    }),
    stop: new AbortController(),
    onOutcome: options.onOutcome,
    beforeFirstAttempt: options.beforeFirstAttempt,
    summary: { imported: 0, rejected: 0, unknown: 0, cancelled: 0 },
    failure: undefined,
  };
}

function linkSignal(signal: AbortSignal | undefined, stop: AbortController): () => void {
  if (signal === undefined) return () => undefined;
  const abort = (): void => stop.abort();
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  return () => signal.removeEventListener('abort', abort);
}

// Workers share one iterator; next() is synchronous, so no row is ever taken twice.
async function work<R extends CampaignRow>(run: Run<R>, queue: Iterator<R>): Promise<void> {
  for (let next = queue.next(); next.done !== true; next = queue.next()) {
    try {
      const outcome = await sendOne(run, next.value);
      await report(run, next.value, outcome);
    } catch (error) {
      fail(run, error);
    }
  }
}

async function sendOne<R extends CampaignRow>(run: Run<R>, row: R): Promise<RowOutcome> {
  let last: RowCall | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const permit = await run.gate.acquire(run.stop.signal);
    if (permit === undefined) return interrupted(last, attempt - 1);
    const { call, decision } = await attemptOnce(run, row, attempt, permit);
    if (!decision.retry) return settle(call, attempt);
    last = call;
    await run.timing.sleep(decision.delayMs, run.stop.signal);
  }
}

async function attemptOnce<R extends CampaignRow>(run: Run<R>, row: R, attempt: number, permit: Permit): Promise<Attempt> {
  try {
    if (attempt === 1 && run.beforeFirstAttempt !== undefined) await run.beforeFirstAttempt(row);
    const call = await run.client.addRow(row);
    const decision = run.policy.decide(call, attempt);
    // Paused before the permit goes back, or a waiter would be let in at once, ahead of the pause.
    if (decision.retry && decision.pauseAllMs !== undefined) run.gate.pause(decision.pauseAllMs);
    return { call, decision };
  } finally {
    permit.release();
  }
}

async function report<R extends CampaignRow>(run: Run<R>, row: R, outcome: RowOutcome): Promise<void> {
  if (run.failure !== undefined) return;
  run.summary[outcome.kind] += 1;
  await run.onOutcome(row, outcome);
}

function fail<R extends CampaignRow>(run: Run<R>, error: unknown): void {
  run.failure ??= { error };
  run.stop.abort();
}
