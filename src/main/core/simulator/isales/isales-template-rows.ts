import { buildCallDataRow, CALL_DATA_COLUMNS, type CalledNumber, type CallDataInput } from '../../providers/isales/calldata-row';
import { cellToText, isXlsxError, readXlsxRows, type XlsxRow } from '../../intake/xlsx/read-xlsx';

/**
 * Reads a call-data workbook the way the simulated iSales import does. Documented: the column
 * order (seed Table 1), the field rules (Tables 2-3) and the 500,000-record limit. Guessed
 * (provider-apis.md §2.6 [U]): the first sheet, the header in row 1, and `called` accepted
 * both as JSON and in the template's own single-quoted form.
 */

export const MAX_IMPORT_RECORDS = 500_000;

export type TemplateRow =
  | { readonly rowNumber: number; readonly ok: true; readonly sessionId: string; readonly called: readonly string[] }
  | { readonly rowNumber: number; readonly ok: false; readonly problem: string };

export type TemplateRead = { readonly ok: true; readonly rows: readonly TemplateRow[] } | { readonly ok: false; readonly errMsg: string };

// The template's own header cells read "sessionId (Optional)", "called (Mandatory)".
function headerName(text: string): string {
  return text
    .replace(/\([^)]*\)\s*$/, '')
    .trim()
    .toLowerCase();
}

export function matchesTemplateHeader(cells: readonly string[]): boolean {
  return CALL_DATA_COLUMNS.every((column, index) => headerName(cells[index] ?? '') === column.toLowerCase());
}

function parseLenientJson(text: string): unknown {
  for (const candidate of [text, text.replace(/'/g, '"')]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `called` cell as entries, or undefined when it is not an array of {calledNo}. */
export function parseCalledCell(text: string): CalledNumber[] | undefined {
  const json = parseLenientJson(text);
  if (!Array.isArray(json)) return undefined;
  const entries: CalledNumber[] = [];
  for (const item of json) {
    if (!isRecord(item)) return undefined;
    const { calledNo, delayTime, type } = item;
    if (typeof calledNo !== 'string' && typeof calledNo !== 'number') return undefined;
    entries.push({
      calledNo: String(calledNo),
      ...(typeof delayTime === 'string' || typeof delayTime === 'number' ? { delayTime } : {}),
      ...(typeof type === 'string' ? { type } : {}),
    });
  }
  return entries;
}

function optional(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** One data row checked with the app's own template rules (providers/isales/calldata-row.ts). */
export function checkTemplateRow(rowNumber: number, cells: readonly string[]): TemplateRow {
  const [sessionId = '', calledText = '', caller = '', callData = '', customField = '', recycleTime = ''] = cells;
  const called = parseCalledCell(calledText);
  if (called === undefined) return { rowNumber, ok: false, problem: 'called is not a JSON array of {calledNo}' };
  const input: CallDataInput = {
    called,
    ...(optional(sessionId) === undefined ? {} : { sessionId }),
    ...(optional(caller) === undefined ? {} : { caller }),
    ...(optional(callData) === undefined ? {} : { callData }),
    ...(optional(customField) === undefined ? {} : { customField }),
    ...(optional(recycleTime) === undefined ? {} : { recycleTime }),
  };
  const built = buildCallDataRow(input);
  if (!built.ok) return { rowNumber, ok: false, problem: built.problems.map((p) => p.message).join(' ') };
  return { rowNumber, ok: true, sessionId, called: called.map((entry) => entry.calledNo) };
}

function texts(row: XlsxRow): string[] {
  return Array.from({ length: row.cells.length }, (_, i) => cellToText(row.cells[i]).trim());
}

async function readRows(bytes: Uint8Array, maxRecords: number): Promise<TemplateRead> {
  const rows: TemplateRow[] = [];
  let sawHeader = false;
  for await (const row of readXlsxRows(bytes, 0)) {
    const cells = texts(row);
    if (!sawHeader) {
      if (row.rowNumber !== 1 || !matchesTemplateHeader(cells)) {
        return { ok: false, errMsg: `Row 1 must hold the template header: ${CALL_DATA_COLUMNS.join(', ')}.` };
      }
      sawHeader = true;
      continue;
    }
    if (cells.every((cell) => cell === '')) continue;
    if (rows.length >= maxRecords) return { ok: false, errMsg: `The file holds more than ${maxRecords} records.` };
    rows.push(checkTemplateRow(row.rowNumber, cells));
  }
  return sawHeader ? { ok: true, rows } : { ok: false, errMsg: 'The file is empty.' };
}

export async function readCallDataTemplate(bytes: Uint8Array, maxRecords = MAX_IMPORT_RECORDS): Promise<TemplateRead> {
  try {
    return await readRows(bytes, maxRecords);
  } catch (error) {
    if (isXlsxError(error)) return { ok: false, errMsg: 'The file is not a readable .xlsx workbook.' };
    throw error;
  }
}
