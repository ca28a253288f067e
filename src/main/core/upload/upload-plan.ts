import type { IssueReason } from '../../../shared/intake-options';
import type { Provider } from '../../../shared/profiles/profile-schemas';
import type { ReceiptRow } from '../../../shared/receipt';
import { ISALES_MAX_LENGTH } from '../intake/phone/provider-format';
import { PROVIDER_NAMES } from '../providers/connect';
import type { SheetContact } from './sheet-contacts';

/** A row that will be sent: its numbers already in the provider's dial format. */
export interface PlannedContact {
  readonly row: number;
  readonly numbers: readonly string[];
  readonly name?: string;
  readonly caller?: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** What an upload will do, before anything is sent: the dry run shows this. */
export interface UploadPlan {
  readonly provider: Provider;
  /** Data rows in the sheet; send.length + skipped.length. */
  readonly rows: number;
  readonly send: readonly PlannedContact[];
  /** Rows that will not be sent, already with their receipt line (invalid or duplicate). */
  readonly skipped: readonly ReceiptRow[];
  /** Numbers in `send`; a row may carry several. */
  readonly numbers: number;
}

type DialCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string; readonly reason: IssueReason };

/**
 * The number as every provider here dials it: international digits without "+" (MOR's and
 * Ringostat's examples, iSales' calledNo rules), or the digits as given in digits mode.
 */
function dialString(provider: Provider, number: string): DialCheck {
  const digits = number.replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return { ok: false, message: `"${number}" cannot be sent to ${PROVIDER_NAMES[provider]}: it may hold digits only.`, reason: 'not-a-number' };
  if (provider === 'isales' && digits.length > ISALES_MAX_LENGTH) {
    return { ok: false, message: `"${digits}" has ${digits.length} digits; CC-iSales takes at most ${ISALES_MAX_LENGTH}.`, reason: 'too-long' };
  }
  return { ok: true, value: digits };
}

/** A removed row's receipt line: it is left out like an invalid one. */
export const REMOVED_MESSAGE = 'Removed before sending.';

function skippedLine(contact: SheetContact): ReceiptRow {
  if (contact.status === 'removed') return { row: contact.row, number: contact.written, status: 'invalid', message: REMOVED_MESSAGE, reason: 'removed' };
  const status = contact.status === 'duplicate' ? 'duplicate' : 'invalid';
  const message = `Not sent: ${contact.problem ?? 'the row has no usable number.'}`;
  return { row: contact.row, number: contact.written, status, message, ...(contact.reason === null ? {} : { reason: contact.reason }) };
}

/** Splits a checked sheet into what will be sent and what will not, and why. */
export async function planUpload(provider: Provider, contacts: AsyncIterable<SheetContact> | Iterable<SheetContact>): Promise<UploadPlan> {
  const send: PlannedContact[] = [];
  const skipped: ReceiptRow[] = [];
  let rows = 0;
  let numbers = 0;
  for await (const contact of contacts) {
    rows += 1;
    if (contact.status !== 'valid' || contact.numbers.length === 0) {
      skipped.push(skippedLine(contact));
      continue;
    }
    const checks = contact.numbers.map((number) => dialString(provider, number));
    const dialable = checks.flatMap((check) => (check.ok ? [check.value] : []));
    if (dialable.length === 0) {
      const failed = checks.flatMap((check) => (check.ok ? [] : [check]));
      const message = `Not sent: ${failed.map((check) => check.message).join(' ')}`;
      skipped.push({ row: contact.row, number: contact.numbers.join(', '), status: 'invalid', message, reason: failed[0]?.reason ?? 'not-a-number' });
      continue;
    }
    numbers += dialable.length;
    send.push({
      row: contact.row,
      numbers: dialable,
      ...(contact.name === undefined ? {} : { name: contact.name }),
      ...(contact.caller === undefined ? {} : { caller: contact.caller }),
      fields: contact.fields,
    });
  }
  return { provider, rows, send, skipped, numbers };
}
