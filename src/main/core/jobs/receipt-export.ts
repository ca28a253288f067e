import type { ReceiptFormat } from '../../../shared/jobs';
import { tableFileBytes } from '../export/table-file-bytes';

export const RECEIPT_HEADER = ['Row', 'Number', 'Status', 'Message'] as const;

/** A receipt as CSV (UTF-8 with a BOM, formulas neutralised) or XLSX (text cells). */
export function receiptBytes(format: ReceiptFormat, rows: Iterable<readonly string[]>): Promise<Uint8Array> {
  return tableFileBytes(format, 'Receipt', RECEIPT_HEADER, rows);
}
