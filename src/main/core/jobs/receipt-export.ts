import type { ReceiptFormat } from '../../../shared/jobs';
import { csvText } from '../export/csv-export';
import { XlsxSheetWriter } from '../providers/isales/xlsx-sheet-writer';

export const RECEIPT_HEADER = ['Row', 'Number', 'Status', 'Message'] as const;

/**
 * A receipt as a file a supervisor opens in Excel: CSV in UTF-8 with a BOM and formula cells
 * neutralised, or XLSX whose cells are all text (a text cell is never evaluated).
 */
export async function receiptBytes(format: ReceiptFormat, rows: Iterable<readonly string[]>): Promise<Uint8Array> {
  if (format === 'csv') return Buffer.from(await csvText(RECEIPT_HEADER, rows), 'utf8');
  const writer = new XlsxSheetWriter('Receipt', RECEIPT_HEADER);
  for (const row of rows) await writer.addRow(row);
  return writer.finish();
}
