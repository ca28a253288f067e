// What a per-number receipt says; zod-free so the window, the core and the CLI share it.

import { ISSUE_REASONS } from './intake-options';

/**
 * Where each source row ended. `unknown`: the provider may or may not hold the number (a request
 * that may have arrived got no answer, or the provider counted without saying which): sending it
 * again could add it twice, so the user decides.
 */
export const RECEIPT_STATUSES = ['imported', 'rejected', 'invalid', 'duplicate', 'unknown'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/**
 * Why a row was left out before sending, as a stable code: the check's reason, or `removed` (taken
 * out by the user). The window words it in its own language; the message stays the core's English.
 */
export const SKIP_REASONS = [...ISSUE_REASONS, 'removed'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface ReceiptRow {
  /** The row number a person sees in the spreadsheet. */
  readonly row: number;
  /** The number(s) as sent, or as written in the file when nothing was sent. */
  readonly number: string;
  readonly status: ReceiptStatus;
  /** Why, with the provider's own words where it gave any. */
  readonly message: string;
  /** Only on a row left out before sending, when the core knows why (older job folders may not say). */
  readonly reason?: SkipReason;
}

export type ReceiptCounts = Record<ReceiptStatus, number>;

export function emptyCounts(): ReceiptCounts {
  return { imported: 0, rejected: 0, invalid: 0, duplicate: 0, unknown: 0 };
}

export function countReceipt(rows: Iterable<Pick<ReceiptRow, 'status'>>): ReceiptCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[row.status] += 1;
  return counts;
}
