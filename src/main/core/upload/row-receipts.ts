import type { ReceiptRow, ReceiptStatus } from '../../../shared/receipt';
import type { PlannedContact } from './upload-plan';

/** How one number of a row ended at the provider. */
export interface NumberOutcome {
  readonly status: ReceiptStatus;
  readonly message: string;
  /** It certainly never reached the provider (the run stopped first): safe to send later. */
  readonly notSent?: true;
}

/** One number of a contact, as the senders name it to the hooks. */
export interface NumberRef {
  readonly contact: PlannedContact;
  readonly index: number;
}

export interface ReceiptHooks {
  /** Each receipt line as soon as it is final. */
  readonly onRow?: (line: ReceiptRow) => void;
  /** Each number's outcome as it is settled (a job's journal writes it down). */
  readonly onNumber?: (ref: NumberRef, outcome: NumberOutcome) => void;
}

// When a row's numbers ended differently, the row takes the one that needs the user most.
const WEIGHT: Readonly<Record<ReceiptStatus, number>> = { imported: 0, duplicate: 1, invalid: 2, rejected: 3, unknown: 4 };

/** The receipt line of a row from the outcomes of its numbers, in the row's order. */
export function combineRow(contact: Pick<PlannedContact, 'row' | 'numbers'>, outcomes: readonly NumberOutcome[]): ReceiptRow {
  const number = contact.numbers.join(', ');
  const worst = outcomes.reduce((a, b) => (WEIGHT[b.status] > WEIGHT[a.status] ? b : a));
  const same = outcomes.every((o) => o.status === worst.status && o.message === worst.message);
  if (same) return { row: contact.row, number, status: worst.status, message: worst.message };
  const parts = contact.numbers.map((n, i) => `${n}: ${outcomes[i]?.status ?? 'unknown'} (${outcomes[i]?.message ?? ''})`);
  return { row: contact.row, number, status: worst.status, message: parts.join('; ') };
}

/**
 * Gathers the outcome of every number and makes one receipt line per row once all of a row's
 * numbers have ended, in the plan's order. `onRow` hears each line as soon as it is final.
 */
export class RowReceipts {
  private readonly outcomes = new Map<number, (NumberOutcome | undefined)[]>();
  private readonly finished = new Map<number, ReceiptRow>();
  private settledCount = 0;

  constructor(
    private readonly contacts: readonly PlannedContact[],
    private readonly hooks: ReceiptHooks = {},
  ) {
    for (const contact of contacts) this.outcomes.set(contact.row, Array.from<NumberOutcome | undefined>({ length: contact.numbers.length }));
  }

  /** Rows whose every number has ended. */
  get settled(): number {
    return this.settledCount;
  }

  settle(contact: PlannedContact, numberIndex: number, outcome: NumberOutcome): void {
    const slots = this.outcomes.get(contact.row);
    if (slots === undefined || this.finished.has(contact.row) || slots[numberIndex] !== undefined) return;
    slots[numberIndex] = outcome;
    this.hooks.onNumber?.({ contact, index: numberIndex }, outcome);
    if (slots.some((slot) => slot === undefined)) return;
    const line = combineRow(contact, slots as NumberOutcome[]);
    this.finished.set(contact.row, line);
    this.settledCount += 1;
    this.hooks.onRow?.(line);
  }

  /** Every number of the contact, one outcome. */
  settleAll(contact: PlannedContact, outcome: NumberOutcome): void {
    contact.numbers.forEach((_, index) => this.settle(contact, index, outcome));
  }

  /** Numbers that never got an outcome (the run stopped): they were not sent. */
  settleUnsent(outcome: Omit<NumberOutcome, 'notSent'>): void {
    for (const contact of this.contacts) {
      const slots = this.outcomes.get(contact.row) ?? [];
      slots.forEach((slot, index) => {
        if (slot === undefined) this.settle(contact, index, { ...outcome, notSent: true });
      });
    }
  }

  lines(): ReceiptRow[] {
    return this.contacts.map((contact) => {
      const line = this.finished.get(contact.row);
      if (line === undefined) throw new Error(`row ${contact.row} has numbers with no outcome`);
      return line;
    });
  }
}

export interface BatchCounts {
  readonly imported: number;
  readonly duplicate?: number;
  readonly rejected?: number;
}

/**
 * One outcome for every number of a batch of which the provider reported only counts (a MOR
 * upload file, an iSales import file). When the counts do not all point one way, nobody can say
 * which number went in, so each one is `unknown`: better than a guess that could double-dial.
 */
export function batchOutcome(size: number, counts: BatchCounts, report: string): NumberOutcome {
  const { imported, duplicate = 0, rejected = 0 } = counts;
  if (imported === size) return { status: 'imported', message: report };
  if (duplicate === size) return { status: 'duplicate', message: `Already in the campaign: ${report}` };
  // None went in: each was refused or already there, which comes to the same for this load.
  if (imported === 0 && duplicate + rejected === size) return { status: 'rejected', message: report };
  return { status: 'unknown', message: `Some of these numbers went in and some did not, and the provider does not say which: ${report}` };
}
