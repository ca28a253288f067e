import type { ReceiptFormat } from '../../../shared/jobs';
import { XlsxSheetWriter } from '../providers/isales/xlsx-sheet-writer';
import { csvText } from './csv-export';

/**
 * A table as a file a supervisor opens in Excel: CSV in UTF-8 with a BOM and formula cells
 * neutralised, or XLSX whose cells are all text (a text cell is never evaluated).
 */
export async function tableFileBytes(format: ReceiptFormat, sheetName: string, header: readonly string[], rows: Iterable<readonly string[]>): Promise<Uint8Array> {
  if (format === 'csv') return Buffer.from(await csvText(header, rows), 'utf8');
  const writer = new XlsxSheetWriter(sheetName, header);
  for (const row of rows) await writer.addRow(row);
  return writer.finish();
}
