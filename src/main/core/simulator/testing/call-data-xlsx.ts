import ExcelJS from 'exceljs';

import { CALL_DATA_COLUMNS } from '../../providers/isales/calldata-row';

export type CellInput = string | number;

/** A call-data workbook as a user would make it from the template: header row, then data. */
export async function callDataXlsx(rows: ReadonlyArray<readonly CellInput[]>, header: readonly string[] = CALL_DATA_COLUMNS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The `called` cell for one number, as the app writes it (double-quoted JSON). */
export function calledJson(...numbers: string[]): string {
  return JSON.stringify(numbers.map((calledNo) => ({ calledNo })));
}
