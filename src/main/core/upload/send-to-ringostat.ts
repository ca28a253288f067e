import type { ReceiptRow } from '../../../shared/receipt';
import type { CampaignRow } from '../providers/ringostat/ringostat-client';
import { type RowAdder, type RowOutcome, sendRows, type SendOptions } from '../providers/ringostat/ringostat-sender';
import { type NumberOutcome, RowReceipts } from './row-receipts';
import { NOT_SENT_CANCELLED, receiptHooks, type SendHooks } from './send-progress';
import type { PlannedContact } from './upload-plan';

export interface RingostatSendOptions extends SendHooks, Pick<SendOptions<CampaignRow>, 'timing' | 'random' | 'maxAttempts'> {
  readonly campaignId: string;
  readonly concurrency: number;
  readonly requestsPerSecond: number;
}

interface NumberRow extends CampaignRow {
  readonly contact: PlannedContact;
  readonly index: number;
}

function toNumberOutcome(outcome: RowOutcome): NumberOutcome {
  switch (outcome.kind) {
    case 'imported':
      return { status: 'imported', message: 'Ringostat added the number to the campaign.' };
    case 'rejected':
      return { status: 'rejected', message: outcome.providerText ? `Ringostat: "${outcome.providerText}". ${outcome.message}` : outcome.message };
    case 'unknown':
      return { status: 'unknown', message: outcome.message };
    case 'cancelled':
      return { status: 'rejected', message: NOT_SENT_CANCELLED, notSent: true };
  }
}

function* numberRows(contacts: readonly PlannedContact[], campaignId: string): Generator<NumberRow> {
  for (const contact of contacts) {
    for (const [index, phone] of contact.numbers.entries()) {
      yield { campaignId, phone, ...(contact.name === undefined ? {} : { name: contact.name }), contact, index };
    }
  }
}

/** One request per number through the rate gate and retry policy of ringostat-sender.ts. */
export async function sendToRingostat(client: RowAdder, contacts: readonly PlannedContact[], options: RingostatSendOptions): Promise<ReceiptRow[]> {
  const receipts = new RowReceipts(contacts, receiptHooks(options));
  const { beforeSend } = options;
  await sendRows(client, numberRows(contacts, options.campaignId), {
    concurrency: options.concurrency,
    ratePerSecond: options.requestsPerSecond,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timing === undefined ? {} : { timing: options.timing }),
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(beforeSend === undefined ? {} : { beforeFirstAttempt: (row: NumberRow) => beforeSend([{ contact: row.contact, index: row.index }]) }),
    onOutcome: (row, outcome) => {
      receipts.settle(row.contact, row.index, toNumberOutcome(outcome));
      options.onProgress?.(receipts.settled, contacts.length);
    },
  });
  receipts.settleUnsent({ status: 'rejected', message: NOT_SENT_CANCELLED });
  return receipts.lines();
}
