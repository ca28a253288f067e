import type { ReceiptRow } from '../../../shared/receipt';
import type { I18n } from './i18n';

/**
 * Why a row was left out, in the window's language: in English the core's own message (with its
 * details); in another language, when the row carries a reason code, that reason's name, the
 * core's English words going on hover. A row with no code (an older job, a sent row) keeps the
 * core's message.
 */
export function leftOutMessage({ locale, t }: Pick<I18n, 'locale' | 't'>, row: Pick<ReceiptRow, 'message' | 'reason'>): string {
  if (locale === 'en' || row.reason === undefined) return row.message;
  return row.reason === 'removed' ? t.receiptTable.removed : t.receiptTable.notSent(t.reasons[row.reason]);
}
