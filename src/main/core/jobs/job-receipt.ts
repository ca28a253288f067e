import type { JobRow } from '../../../shared/jobs';
import { combineRow, type NumberOutcome } from '../upload/row-receipts';
import type { UploadPlan } from '../upload/upload-plan';
import type { JobLedger } from './job-ledger';

export const IN_FLIGHT_MESSAGE =
  'Dialsheet stopped while this number was being sent (a crash, a kill or a lost connection), so the provider may hold it or not. Check the campaign, then choose: send it again, or leave it.';
const WAITING_MESSAGE = 'Not sent yet: resume the job to send this row.';
const BEING_SENT_MESSAGE = 'Being sent now.';

/** The first key of each contact's numbers: the plan's numbers are keyed in order. */
export function contactKeys(plan: UploadPlan): number[] {
  const firsts: number[] = [];
  let key = 0;
  for (const contact of plan.send) {
    firsts.push(key);
    key += contact.numbers.length;
  }
  return firsts;
}

/**
 * One line per data row of the source, in row order, from the plan and the journal: the rows
 * left out before sending as planned, every other row from its numbers' outcomes. `live`: a run
 * is going on, so a number with no outcome yet is being sent, not lost.
 */
export function jobRows(plan: UploadPlan, ledger: JobLedger, live: boolean): JobRow[] {
  const firsts = contactKeys(plan);
  const sent: JobRow[] = plan.send.map((contact, i) => {
    const first = firsts[i] ?? 0;
    const keys = contact.numbers.map((_, index) => first + index);
    const states = keys.map((key) => ledger.stateOf(key));
    const number = contact.numbers.join(', ');
    if (states.includes('waiting')) return { row: contact.row, number, status: 'waiting', message: WAITING_MESSAGE };
    if (live && states.includes('sending')) return { row: contact.row, number, status: 'waiting', message: BEING_SENT_MESSAGE };
    const outcomes = keys.map((key): NumberOutcome => ledger.endOf(key) ?? { status: 'unknown', message: IN_FLIGHT_MESSAGE });
    return combineRow(contact, outcomes);
  });
  return [...plan.skipped, ...sent].sort((a, b) => a.row - b.row);
}

/** Rows with an unknown number the user has not chosen about yet. */
export function undecidedRows(plan: UploadPlan, ledger: JobLedger, live: boolean): number {
  const firsts = contactKeys(plan);
  let rows = 0;
  plan.send.forEach((contact, i) => {
    const first = firsts[i] ?? 0;
    const undecided = contact.numbers.some((_, index) => {
      const key = first + index;
      const state = ledger.stateOf(key);
      if (state === 'sending') return !live;
      return state === 'ended' && ledger.endOf(key)?.status === 'unknown' && !ledger.isLeft(key);
    });
    if (undecided) rows += 1;
  });
  return rows;
}
