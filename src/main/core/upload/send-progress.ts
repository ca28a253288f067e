import type { NumberRef, ReceiptHooks } from './row-receipts';

/** What every provider's sender is told besides its contacts. */
export interface SendHooks extends ReceiptHooks {
  /** Stops before the next request or file; what was not sent ends as such in the receipt. */
  readonly signal?: AbortSignal;
  /** Rows settled so far out of those being sent; called as rows end. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Awaited before each request (or file) with the numbers it carries, so a journal has written
   * down that they left before they do. If it throws, nothing more is sent.
   */
  readonly beforeSend?: (numbers: readonly NumberRef[]) => Promise<void>;
}

export const NOT_SENT_CANCELLED = 'Not sent: the upload was cancelled before this row.';

export function notSentAfter(reason: string): string {
  return `Not sent: the upload stopped before this row. ${reason}`;
}

/** The receipt hooks of a sender's options, for its RowReceipts. */
export function receiptHooks(hooks: SendHooks): ReceiptHooks {
  return {
    ...(hooks.onRow === undefined ? {} : { onRow: hooks.onRow }),
    ...(hooks.onNumber === undefined ? {} : { onNumber: hooks.onNumber }),
  };
}
