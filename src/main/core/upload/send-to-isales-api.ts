import type { ReceiptRow } from '../../../shared/receipt';
import { buildCallDataRow } from '../providers/isales/calldata-row';
import { sessionIdsFor } from '../providers/isales/calldata-session-id';
import { ISALES_TOO_FAST } from '../providers/isales/error-codes';
import { type CallDataRecord, type IsalesCall, type IsalesClient, MAX_RECORDS_PER_ADD } from '../providers/isales/isales-client';
import { realTiming, type Timing } from '../providers/transport/timing';
import { callDataOf } from './isales-contacts';
import { type NumberOutcome, RowReceipts } from './row-receipts';
import { NOT_SENT_CANCELLED, notSentAfter, receiptHooks, type SendHooks } from './send-progress';
import type { PlannedContact } from './upload-plan';

export interface IsalesApiSendOptions extends SendHooks {
  readonly campaignId: string;
  /** Names the load in generated sessionIds. */
  readonly baseName: string;
  /** Documented: at least 1 s between calls. Only tests against a faster simulator lower it. */
  readonly intervalMs?: number;
  readonly timing?: Timing;
}

const DUPLICATES = '0200018';
const BLOCKLISTED = '0200024';
// One bad record refuses the whole call (as far as anyone can tell), so these are tried one by one.
const SPLIT_ON: ReadonlySet<string> = new Set([DUPLICATES, BLOCKLISTED]);
// About the campaign or the credentials: every further call would get the same.
const STOP_ON: ReadonlySet<string> = new Set(['0200007', '0200016', '0200019', '0200020']);
const MAX_TOO_FAST_RETRIES = 5;

interface NumberRecord {
  readonly contact: PlannedContact;
  readonly index: number;
  readonly record: CallDataRecord & { readonly caller?: string; readonly callData?: string };
}

type CallResult = { readonly kind: 'settled'; readonly outcome: NumberOutcome; readonly stop?: string } | { readonly kind: 'split' } | { readonly kind: 'cancelled' };

function checkRecords(contacts: readonly PlannedContact[], baseName: string, receipts: RowReceipts): NumberRecord[] {
  const sessionId = sessionIdsFor(baseName);
  const records: NumberRecord[] = [];
  for (const contact of contacts) {
    const callData = callDataOf(contact);
    const fields = { sessionId: sessionId(contact.row), ...(contact.caller === undefined ? {} : { caller: contact.caller }), ...(callData === undefined ? {} : { callData }) };
    const check = buildCallDataRow({ ...fields, called: contact.numbers.map((calledNo) => ({ calledNo })) });
    if (!check.ok) {
      receipts.settleAll(contact, { status: 'invalid', message: `Not sent: ${check.problems.map((p) => p.message).join(' ')}` });
      continue;
    }
    contact.numbers.forEach((called, index) => records.push({ contact, index, record: { ...fields, called } }));
  }
  return records;
}

function judge(answer: IsalesCall<unknown>, size: number): CallResult {
  if (answer.ok) return { kind: 'settled', outcome: { status: 'imported', message: 'CC-iSales added the number to the campaign.' } };
  if ('transport' in answer) {
    const { message, mayHaveArrived } = answer.transport;
    const outcome: NumberOutcome = mayHaveArrived
      ? { status: 'unknown', message: `${message} CC-iSales may have added these numbers or not; check the campaign before sending them again.` }
      : { status: 'rejected', message: `Not sent: ${message}` };
    return { kind: 'settled', outcome, stop: message };
  }
  const { code, kind, providerText, message } = answer.error;
  if (code !== undefined && SPLIT_ON.has(code) && size > 1) return { kind: 'split' };
  const words = `CC-iSales: "${providerText}". ${message}`;
  if (code === DUPLICATES) return { kind: 'settled', outcome: { status: 'duplicate', message: words } };
  const stop = kind === 'signature-rejected' || (code !== undefined && STOP_ON.has(code));
  return { kind: 'settled', outcome: { status: 'rejected', message: words }, ...(stop ? { stop: words } : {}) };
}

/**
 * The JSON add-numbers path, for a profile with no SFTP server: at most 20 records per call and
 * at least a second between calls, each number its own record. A call refused for a duplicate or
 * blocklisted number is tried again one record at a time, so only that number is refused.
 */
export async function sendToIsalesApi(client: Pick<IsalesClient, 'addCallData'>, contacts: readonly PlannedContact[], options: IsalesApiSendOptions): Promise<ReceiptRow[]> {
  const receipts = new RowReceipts(contacts, receiptHooks(options));
  const timing = options.timing ?? realTiming;
  const interval = options.intervalMs ?? 1000;
  let lastCall = -Infinity;
  const call = async (batch: readonly NumberRecord[]): Promise<CallResult> => {
    for (let attempt = 0; ; attempt += 1) {
      await timing.sleep(Math.max(0, lastCall + interval - timing.now()), options.signal);
      if (options.signal?.aborted) return { kind: 'cancelled' };
      await options.beforeSend?.(batch);
      lastCall = timing.now();
      const answer = await client.addCallData(options.campaignId, batch.map((b) => b.record));
      const tooFast = !answer.ok && !('transport' in answer) && answer.error.code === ISALES_TOO_FAST;
      if (!tooFast || attempt >= MAX_TOO_FAST_RETRIES) return judge(answer, batch.length);
    }
  };
  const queue: NumberRecord[][] = [];
  const records = checkRecords(contacts, options.baseName, receipts);
  for (let i = 0; i < records.length; i += MAX_RECORDS_PER_ADD) queue.push(records.slice(i, i + MAX_RECORDS_PER_ADD));
  let stopped: string | undefined;
  while (queue.length > 0 && stopped === undefined && options.signal?.aborted !== true) {
    const batch = queue.shift() as NumberRecord[];
    const result = await call(batch);
    if (result.kind === 'cancelled') break;
    if (result.kind === 'split') {
      queue.unshift(...batch.map((one) => [one]));
      continue;
    }
    for (const { contact, index } of batch) receipts.settle(contact, index, result.outcome);
    options.onProgress?.(receipts.settled, contacts.length);
    stopped = result.stop;
  }
  receipts.settleUnsent({ status: 'rejected', message: stopped === undefined ? NOT_SENT_CANCELLED : notSentAfter(stopped) });
  return receipts.lines();
}
