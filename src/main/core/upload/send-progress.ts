import type { ReceiptRow } from '../../../shared/receipt';

/** What every provider's sender is told besides its contacts. */
export interface SendHooks {
  /** Stops before the next request or file; what was not sent ends as such in the receipt. */
  readonly signal?: AbortSignal;
  /** Rows settled so far out of those being sent; called as rows end. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Each receipt line as soon as it is final (a journal writes it down). */
  readonly onRow?: (line: ReceiptRow) => void;
}

export const NOT_SENT_CANCELLED = 'Not sent: the upload was cancelled before this row.';

export function notSentAfter(reason: string): string {
  return `Not sent: the upload stopped before this row. ${reason}`;
}
