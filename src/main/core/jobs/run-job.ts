import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { sendContacts, type UploadChoices } from '../upload/run-upload';
import { NOT_SENT_CANCELLED } from '../upload/send-progress';
import type { NumberOutcome, NumberRef } from '../upload/row-receipts';
import type { PlannedContact, UploadPlan } from '../upload/upload-plan';
import type { JobFolder } from './job-folder';
import { JobLedger } from './job-ledger';
import { contactKeys, IN_FLIGHT_MESSAGE } from './job-receipt';
import { JournalWriter, readJournal } from './journal-file';
import type { JournalRecord } from './journal-records';
import { acquireRunLock } from './run-lock';

export type StopReason = 'pause' | 'cancel';

/** How the user stops a run: pause keeps what is left for later, cancel ends it as not sent. */
export class RunControl {
  private readonly controller = new AbortController();
  private stopReason: StopReason | undefined;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get reason(): StopReason | undefined {
    return this.stopReason;
  }

  /** The first reason given wins: a cancel after a pause does not turn the pause into a cancel. */
  stop(reason: StopReason): void {
    this.stopReason ??= reason;
    this.controller.abort();
  }
}

export interface RunJobOptions {
  /** The profile to send with; a run that sends nothing (a cancel, a choice) needs none. */
  readonly unlocked?: UnlockedProfile;
  /** Hides the profile's secrets in any text before it is written down. */
  readonly mask?: (text: string) => string;
  readonly control: RunControl;
  /** Choices besides the job's own (test timing, a fast simulator's poll interval). */
  readonly choices?: UploadChoices;
  /** Records to write under the run lock before sending: the numbers to send again, or leave. */
  readonly prepare?: (ledger: JobLedger) => JournalRecord[];
  /** When false, the run only writes what `prepare` gives and sends nothing. */
  readonly send?: boolean;
  /** Numbers with an outcome out of the job's numbers, as outcomes arrive. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly onUploadProgress?: (sent: number, total: number) => void;
  readonly now?: () => Date;
}

/** A ledger kept in step with the journal on disk: each record goes to both. */
class LiveJournal {
  constructor(
    readonly ledger: JobLedger,
    private readonly writer: JournalWriter,
  ) {}

  queue(record: JournalRecord): void {
    this.ledger.apply(record);
    this.writer.queue(record);
  }

  async write(record: JournalRecord): Promise<void> {
    this.ledger.apply(record);
    await this.writer.write(record);
  }
}

/** The contacts still to send, each with only its waiting numbers, and the key of each of those. */
function remaining(plan: UploadPlan, ledger: JobLedger): { contacts: PlannedContact[]; keyOf: (ref: NumberRef) => number } {
  const firsts = contactKeys(plan);
  const keys = new Map<PlannedContact, number[]>();
  plan.send.forEach((contact, i) => {
    const first = firsts[i] ?? 0;
    const waiting = contact.numbers.map((_, index) => first + index).filter((key) => ledger.stateOf(key) === 'waiting');
    if (waiting.length === 0) return;
    const numbers = waiting.map((key) => contact.numbers[key - first] ?? '');
    keys.set({ ...contact, numbers }, waiting);
  });
  return {
    contacts: [...keys.keys()],
    keyOf: (ref) => {
      const key = keys.get(ref.contact)?.[ref.index];
      if (key === undefined) throw new Error(`a sender named row ${ref.contact.row}, number ${ref.index}, which this run did not give it`);
      return key;
    },
  };
}

async function sendWaiting(folder: JobFolder, plan: UploadPlan, journal: LiveJournal, options: RunJobOptions): Promise<void> {
  const { header } = folder;
  const { ledger } = journal;
  const { contacts, keyOf } = remaining(plan, ledger);
  if (contacts.length === 0) return;
  const { unlocked, mask = (text: string) => text } = options;
  if (unlocked === undefined) throw new Error('a job run that sends needs the unlocked profile');
  const now = options.now ?? (() => new Date());
  const settle = (ref: NumberRef, outcome: NumberOutcome): void => {
    const key = keyOf(ref);
    // Paused: a number that never left waits for the next run, as if this one had not begun.
    if (outcome.notSent === true && options.control.reason === 'pause') {
      if (ledger.stateOf(key) === 'sending') journal.queue({ k: 'free', n: [key] });
      return;
    }
    journal.queue({ k: 'end', n: [key], s: outcome.status, m: mask(outcome.message), t: now().getTime() });
    options.onProgress?.(ledger.ended, ledger.numbers);
  };
  await sendContacts({
    unlocked,
    campaignId: header.campaignId,
    contacts,
    fileName: header.fileName,
    choices: { ...header.choices, ...options.choices },
    signal: options.control.signal,
    beforeSend: (refs) => journal.write({ k: 'send', n: refs.map(keyOf) }),
    onNumber: settle,
    ...(options.onUploadProgress === undefined ? {} : { onUploadProgress: options.onUploadProgress }),
  });
}

/**
 * Runs a job from where its journal stands: numbers with an outcome are never sent again, a
 * number that was in flight when the last run died becomes unknown (the user chooses what to
 * do), and every number still waiting is sent. Each step is on disk before the next request.
 */
export async function runJob(folder: JobFolder, plan: UploadPlan, options: RunJobOptions): Promise<void> {
  const release = await acquireRunLock(folder.dir, folder.header.id);
  try {
    const read = await readJournal(folder.journalPath);
    const ledger = JobLedger.of(plan.numbers, read.records);
    const writer = await JournalWriter.open(folder.journalPath, read.wholeBytes);
    const journal = new LiveJournal(ledger, writer);
    const now = options.now ?? (() => new Date());
    // A run that only writes the user's choices is no run: the job keeps its state and time.
    const sends = options.send !== false;
    let closing: JournalRecord | undefined;
    try {
      if (sends) await journal.write({ k: 'run', at: now().toISOString(), pid: process.pid });
      const lost = ledger.keysIn('sending');
      if (lost.length > 0) journal.queue({ k: 'end', n: lost, s: 'unknown', m: IN_FLIGHT_MESSAGE, t: now().getTime() });
      for (const record of options.prepare?.(ledger) ?? []) journal.queue(record);
      options.onProgress?.(ledger.ended, ledger.numbers);
      if (sends && !options.control.signal.aborted) await sendWaiting(folder, plan, journal, options);
      const { reason } = options.control;
      if (reason === 'cancel') {
        const rest = ledger.keysIn('waiting');
        if (rest.length > 0) journal.queue({ k: 'end', n: rest, s: 'rejected', m: NOT_SENT_CANCELLED, t: now().getTime() });
      }
      closing = { k: reason ?? 'stop', at: now().toISOString() };
    } finally {
      // A run that failed still says when it ended, so its time is counted right.
      if (sends) await journal.write(closing ?? { k: 'stop', at: now().toISOString() }).catch(() => undefined);
      await writer.close();
    }
  } finally {
    await release();
  }
}
