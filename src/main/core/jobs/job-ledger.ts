import type { JobState } from '../../../shared/jobs';
import type { ReceiptStatus } from '../../../shared/receipt';
import type { ControlRecord, JournalRecord } from './journal-records';

/** Where one number of a job stands. */
export type NumberState = 'waiting' | 'sending' | 'ended';

export interface NumberEnd {
  readonly status: ReceiptStatus;
  readonly message: string;
}

const WAITING = 0;
const SENDING = 1;
const ENDED = 2;
const STATES: readonly NumberState[] = ['waiting', 'sending', 'ended'];

/**
 * A job's journal folded into where each number stands, kept up to date as records are added.
 * Numbers are named by key, their place in the plan; the ledger knows nothing of rows.
 */
export class JobLedger {
  private readonly state: Uint8Array;
  private readonly ends: (NumberEnd | undefined)[];
  private readonly left: Uint8Array;
  private endedCount = 0;
  private lastControl: ControlRecord | undefined;
  private runStartedAt: number | undefined;
  private lastActivity: number | undefined;
  private ranMs = 0;

  constructor(readonly numbers: number) {
    this.state = new Uint8Array(numbers);
    this.ends = new Array<NumberEnd | undefined>(numbers);
    this.left = new Uint8Array(numbers);
  }

  static of(numbers: number, records: Iterable<JournalRecord>): JobLedger {
    const ledger = new JobLedger(numbers);
    for (const record of records) ledger.apply(record);
    return ledger;
  }

  apply(record: JournalRecord): void {
    switch (record.k) {
      case 'run':
        // A run with no closing record was cut short: it ran until its last outcome.
        this.closeRun(this.lastActivity ?? Date.parse(record.at));
        this.runStartedAt = Date.parse(record.at);
        this.lastControl = record;
        return;
      case 'pause':
      case 'cancel':
      case 'stop':
        this.closeRun(Date.parse(record.at));
        this.lastControl = record;
        return;
      case 'send':
        for (const key of this.valid(record.n)) if (this.state[key] === WAITING) this.state[key] = SENDING;
        return;
      case 'end':
        this.lastActivity = record.t;
        for (const key of this.valid(record.n)) {
          if (this.state[key] !== ENDED) this.endedCount += 1;
          this.state[key] = ENDED;
          this.ends[key] = { status: record.s, message: record.m };
          this.left[key] = 0;
        }
        return;
      case 'free':
        for (const key of this.valid(record.n)) {
          if (this.state[key] === ENDED) this.endedCount -= 1;
          this.state[key] = WAITING;
          this.ends[key] = undefined;
          this.left[key] = 0;
        }
        return;
      case 'leave':
        for (const key of this.valid(record.n)) if (this.ends[key]?.status === 'unknown') this.left[key] = 1;
        return;
    }
  }

  // A key outside the plan can only come from a damaged journal; it is ignored, not trusted.
  private *valid(keys: readonly number[]): Generator<number> {
    for (const key of keys) if (key < this.numbers) yield key;
  }

  private closeRun(at: number): void {
    if (this.runStartedAt !== undefined && Number.isFinite(at)) this.ranMs += Math.max(0, at - this.runStartedAt);
    this.runStartedAt = undefined;
    this.lastActivity = undefined;
  }

  stateOf(key: number): NumberState {
    return STATES[this.state[key] ?? WAITING] ?? 'waiting';
  }

  endOf(key: number): NumberEnd | undefined {
    return this.ends[key];
  }

  /** An unknown number the user chose to leave as it is. */
  isLeft(key: number): boolean {
    return this.left[key] === 1;
  }

  get ended(): number {
    return this.endedCount;
  }

  keysIn(state: NumberState): number[] {
    const code = STATES.indexOf(state);
    const keys: number[] = [];
    this.state.forEach((value, key) => {
      if (value === code) keys.push(key);
    });
    return keys;
  }

  keysEnded(status: ReceiptStatus, options: { includeLeft?: boolean } = {}): number[] {
    const keys: number[] = [];
    this.ends.forEach((end, key) => {
      if (end?.status === status && (options.includeLeft === true || this.left[key] !== 1)) keys.push(key);
    });
    return keys;
  }

  /**
   * Sending time over every run. A run going on now counts up to `now`; one cut short (nobody
   * runs it) up to its last outcome.
   */
  durationMs(now: number, live: boolean): number {
    if (this.runStartedAt === undefined) return this.ranMs;
    const until = live ? now : (this.lastActivity ?? this.runStartedAt);
    return this.ranMs + Math.max(0, until - this.runStartedAt);
  }

  /** When the last run ended, if it ended with a record. */
  get lastControlKind(): ControlRecord['k'] | undefined {
    return this.lastControl?.k;
  }

  /**
   * The job's state. `live`: a run of it is going on now, in this process or another one. A run
   * with no closing record and nobody running it was cut short: interrupted.
   */
  jobState(live: boolean): JobState {
    if (live) return 'running';
    const unfinished = this.endedCount < this.numbers;
    switch (this.lastControl?.k) {
      case 'pause':
        return unfinished ? 'paused' : 'finished';
      case 'cancel':
        return 'cancelled';
      case 'run':
        return unfinished ? 'interrupted' : 'finished';
      case 'stop':
      case undefined:
        return unfinished ? 'interrupted' : 'finished';
    }
  }
}
