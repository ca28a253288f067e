import type { ReceiptRow } from '../../../shared/receipt';
import type { MorErrorKind } from '../providers/mor/errors';
import type { MorClient } from '../providers/mor/mor-client';
import { buildUploadFiles, type UploadEntry, type UploadFile } from '../providers/mor/upload-file';
import { batchOutcome, type NumberOutcome, RowReceipts } from './row-receipts';
import { NOT_SENT_CANCELLED, notSentAfter, receiptHooks, type SendHooks } from './send-progress';
import type { PlannedContact } from './upload-plan';

export interface MorSendOptions extends SendHooks {
  readonly campaignId: string;
  readonly numbersPerFile: number;
  /** Names the upload files, so MOR's import history and the receipt agree. */
  readonly baseName: string;
}

// Answers about the account or the campaign: every further file would get the same.
const STOPS_THE_UPLOAD: ReadonlySet<MorErrorKind> = new Set(['incorrect-hash', 'access-denied', 'not-authorized', 'campaign-not-found']);

type FileResult = { readonly outcome: NumberOutcome; readonly stop?: string };

async function sendFile(client: Pick<MorClient, 'uploadNumbers'>, campaignId: string, file: UploadFile): Promise<FileResult> {
  const answer = await client.uploadNumbers(campaignId, file);
  if (answer.ok) {
    const { imported, offered, text } = answer.value;
    // The file is what we know was offered; MOR's M is quoted as it said it.
    return { outcome: batchOutcome(file.entries.length, { imported, rejected: offered - imported }, `MOR: "${text}" (${file.name}).`) };
  }
  if ('transport' in answer) {
    const { message, mayHaveArrived } = answer.transport;
    const outcome: NumberOutcome = mayHaveArrived
      ? { status: 'unknown', message: `${message} MOR may have imported ${file.name} or not; check the campaign before sending these again.` }
      : { status: 'rejected', message: `Not sent: ${message}` };
    return { outcome, stop: `${file.name} could not be delivered: ${message}` };
  }
  const { kind, message, providerText } = answer.error;
  const words = providerText === '' ? message : `MOR: "${providerText}". ${message}`;
  return { outcome: { status: 'rejected', message: `${words} (${file.name})` }, ...(STOPS_THE_UPLOAD.has(kind) ? { stop: words } : {}) };
}

/**
 * Loads the contacts into a MOR campaign as CSV files of `numbersPerFile` numbers, one after
 * another. MOR answers each file with "N out of M numbers were imported": a whole file in, or
 * none of it, gives every number its outcome; anything between leaves them unknown.
 */
export async function sendToMor(client: Pick<MorClient, 'uploadNumbers'>, contacts: readonly PlannedContact[], options: MorSendOptions): Promise<ReceiptRow[]> {
  const receipts = new RowReceipts(contacts, receiptHooks(options));
  const owners = new Map<UploadEntry, { contact: PlannedContact; index: number }>();
  const entries: UploadEntry[] = [];
  for (const contact of contacts) {
    contact.numbers.forEach((number, index) => {
      const entry = { sourceRow: contact.row, number };
      owners.set(entry, { contact, index });
      entries.push(entry);
    });
  }
  const files = buildUploadFiles(entries, { numbersPerFile: options.numbersPerFile, baseName: options.baseName });
  let stopped: string | undefined;
  for (const file of files) {
    if (options.signal?.aborted) break;
    await options.beforeSend?.(file.entries.flatMap((entry) => owners.get(entry) ?? []));
    const result = await sendFile(client, options.campaignId, file);
    for (const entry of file.entries) {
      const owner = owners.get(entry);
      if (owner) receipts.settle(owner.contact, owner.index, result.outcome);
    }
    options.onProgress?.(receipts.settled, contacts.length);
    if (result.stop !== undefined) {
      stopped = result.stop;
      break;
    }
  }
  receipts.settleUnsent({ status: 'rejected', message: stopped === undefined ? NOT_SENT_CANCELLED : notSentAfter(stopped) });
  options.onProgress?.(receipts.settled, contacts.length);
  return receipts.lines();
}
