import { type FileHandle, open, readFile } from 'node:fs/promises';

import { type JournalRecord, journalRecordSchema } from './journal-records';

export interface JournalRead {
  readonly records: JournalRecord[];
  /** Bytes of whole lines; anything after (a line cut short by a kill) is not part of the journal. */
  readonly wholeBytes: number;
  /** Lines that could not be read, by line number: reported, never guessed at. */
  readonly damaged: readonly number[];
}

const NEWLINE = 0x0a;

/**
 * Reads a journal as it is on disk. A last line without its newline was being written when the
 * process died; it never took effect (its write was not finished), so it is left out.
 */
export async function readJournal(path: string): Promise<JournalRead> {
  const bytes = await readFile(path).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  const wholeBytes = bytes.lastIndexOf(NEWLINE) + 1;
  const records: JournalRecord[] = [];
  const damaged: number[] = [];
  bytes
    .subarray(0, wholeBytes)
    .toString('utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line === '') return;
      const parsed = parseLine(line);
      if (parsed === undefined) damaged.push(index + 1);
      else records.push(parsed);
    });
  return { records, wholeBytes, damaged };
}

function parseLine(line: string): JournalRecord | undefined {
  try {
    const parsed = journalRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function mergeable(last: JournalRecord | undefined, next: JournalRecord): last is Extract<JournalRecord, { k: 'end' }> {
  return last?.k === 'end' && next.k === 'end' && last.s === next.s && last.m === next.m;
}

/**
 * Appends records to a journal and makes them durable in groups: every record queued while a
 * flush is under way goes to disk with the next one, so eight workers pay for one fsync, not eight.
 * `write` resolves once its record (and every earlier one) is on disk.
 */
export class JournalWriter {
  private buffer: JournalRecord[] = [];
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;
  /** Records queued so far, and how many of them are on disk: write() waits for its own, not for quiet. */
  private queued = 0;
  private durable = 0;
  private readonly waiters: { readonly upTo: number; readonly resolve: () => void; readonly reject: (error: Error) => void }[] = [];

  private constructor(private readonly handle: FileHandle) {}

  /** Opens for appending after cutting off a line a killed process left half-written. */
  static async open(path: string, wholeBytes: number): Promise<JournalWriter> {
    const handle = await open(path, 'a+');
    try {
      const { size } = await handle.stat();
      if (size > wholeBytes) {
        await handle.truncate(wholeBytes);
        await handle.datasync();
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new JournalWriter(handle);
  }

  /** Queues a record; it reaches the disk with the next flush. */
  queue(record: JournalRecord): void {
    if (this.failure !== undefined) return;
    this.queued += 1;
    const last = this.buffer.at(-1);
    // A batch's numbers usually end alike (a MOR file): one line for all of them.
    if (mergeable(last, record) && record.k === 'end') this.buffer[this.buffer.length - 1] = { ...last, n: [...last.n, ...record.n] };
    else this.buffer.push(record);
    this.flushing ??= this.flushLoop();
  }

  /** Queues a record and resolves once it (and every earlier one) is on disk; rejects if the disk refused it. */
  write(record: JournalRecord): Promise<void> {
    this.queue(record);
    return this.durableUpTo(this.queued);
  }

  /** Resolves when everything queued so far is on disk. */
  flushed(): Promise<void> {
    return this.durableUpTo(this.queued);
  }

  async close(): Promise<void> {
    try {
      await this.flushed();
    } finally {
      await this.handle.close();
    }
  }

  private durableUpTo(count: number): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.durable >= count) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: count, resolve, reject }));
  }

  private settleWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      const waiter = this.waiters[i];
      if (waiter === undefined) continue;
      if (this.failure !== undefined) waiter.reject(this.failure);
      else if (waiter.upTo <= this.durable) waiter.resolve();
      else continue;
      this.waiters.splice(i, 1);
    }
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.buffer.length > 0 && this.failure === undefined) {
        const batch = this.buffer;
        const upTo = this.queued;
        this.buffer = [];
        const text = batch.map((record) => `${JSON.stringify(record)}\n`).join('');
        await this.handle.write(text, null, 'utf8');
        await this.handle.datasync();
        this.durable = upTo;
        this.settleWaiters();
      }
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.settleWaiters();
    } finally {
      this.flushing = undefined;
    }
  }
}
