import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import { MAX_FILE_BYTES } from '../../../shared/limits';
import { sniffFileKind } from '../intake/source/file-kind';
import { isBlankRecord, type RecordStream } from '../intake/source/record-batch';
import { openTextSource } from '../intake/source/text-source';
import { openXlsxSource } from '../intake/source/xlsx-source';
import { UserError } from '../user-error';
import { type CheckedCliRow, checkCliRow, cliKey } from './cli-row-check';
import { CLI_SHEET_HEADER_HINT, type CliColumns, describeNeededCliColumns, detectCliColumns } from './cli-sheet-columns';

export interface CliSheet {
  readonly columns: CliColumns;
  /** The header row as read, so a check can say which headers were recognised. */
  readonly header: readonly string[];
  /** Every data row (blank rows left out), in file order, each checked. */
  readonly rows: readonly CheckedCliRow[];
  /** What the reader noticed and kept going past: skipped title rows, ignored columns, cleaned bytes. */
  readonly notes: readonly string[];
}

/** The header sits among the first rows with content; titles above it take a few at most. */
const HEADER_SCAN_ROWS = 30;
/**
 * One request per CLI, one at a time: a sheet past this size is more likely a contact list given
 * by mistake than CLIs, and would keep MOR busy for hours. MOR itself documents no limit.
 */
export const MAX_CLI_ROWS = 10_000;

function recordsOf(bytes: Uint8Array, fileName: string): { records: RecordStream; notes: string[] } {
  // The same readers as the intake: encoding and separator detected, XLSX by our own reader.
  if (sniffFileKind(bytes, fileName) === 'xlsx') {
    const source = openXlsxSource(bytes, fileName, {});
    return { records: source.records, notes: source.notes };
  }
  const source = openTextSource(bytes, fileName, {});
  return { records: source.records, notes: source.notes };
}

/** Marks the second and later rows with a CLI already on an earlier row: MOR would only say it exists. */
function markRepeats(rows: CheckedCliRow[]): CheckedCliRow[] {
  const firstRow = new Map<string, number>();
  return rows.map((row) => {
    if (!row.ok) return row;
    const key = cliKey(row.request);
    const first = firstRow.get(key);
    if (first === undefined) {
      firstRow.set(key, row.row);
      return row;
    }
    const { row: at, device, cli, cells } = row;
    return { row: at, device, cli, cells, ok: false, problem: `The same CLI as row ${first}; MOR keeps a CLI once, so only row ${first} is sent.` };
  });
}

/**
 * Reads a sheet of CLIs (CSV, TSV, TXT or XLSX, any encoding the intake detects), finds its
 * header by the column words and checks every row. Nothing is sent from here.
 */
export async function parseCliSheet(bytes: Uint8Array, fileName: string): Promise<CliSheet> {
  const { records, notes } = recordsOf(bytes, fileName);
  let columns: CliColumns | undefined;
  let header: readonly string[] = [];
  const rows: CheckedCliRow[] = [];
  const skipped: { row: number; text: string; record: readonly string[] }[] = [];
  for await (const batch of records) {
    for (const [i, record] of batch.records.entries()) {
      if (isBlankRecord(record)) continue;
      const rowNumber = batch.rowNumbers[i] ?? 0;
      if (columns === undefined) {
        const detected = detectCliColumns(record);
        if (detected === null) {
          skipped.push({ row: rowNumber, text: record.filter((cell) => cell.trim() !== '').join(', '), record });
          if (skipped.length >= HEADER_SCAN_ROWS) break;
          continue;
        }
        columns = detected.columns;
        header = record;
        notes.push(...detected.notes);
        continue;
      }
      rows.push(checkCliRow(record, columns, rowNumber));
      if (rows.length > MAX_CLI_ROWS) {
        throw new UserError('too-large', `${fileName} has more than ${MAX_CLI_ROWS.toLocaleString('en')} CLI rows. Split it into smaller sheets and add each. Nothing was sent.`);
      }
    }
    if (columns === undefined && skipped.length >= HEADER_SCAN_ROWS) break;
  }
  if (columns === undefined) {
    const first = skipped[0];
    const found = first === undefined ? 'It has no rows with anything in them.' : `Its first row reads "${first.text.slice(0, 80)}": ${describeNeededCliColumns(first.record)}.`;
    throw new UserError('bad-input', `${fileName} has no header naming the device and the CLI columns. ${found} Give it ${CLI_SHEET_HEADER_HINT}. Nothing was sent.`);
  }
  if (skipped.length > 0) {
    notes.unshift(`${skipped.length} ${skipped.length === 1 ? 'row' : 'rows'} above the header ${skipped.length === 1 ? 'was' : 'were'} skipped (row ${skipped[0]?.row}: "${skipped[0]?.text.slice(0, 80)}").`);
  }
  if (rows.length === 0) throw new UserError('bad-input', `${fileName} has a header but no CLI rows under it. Nothing was sent.`);
  return { columns, header, rows: markRepeats(rows), notes };
}

/** Reads and checks the sheet at `path`; a file that cannot be opened gets a message, not a crash. */
export async function readCliSheet(path: string): Promise<CliSheet> {
  const fileName = basename(path);
  const info = await stat(path).catch(() => {
    throw new UserError('not-found', `${path} could not be opened: it is not there or cannot be read. Nothing was sent.`);
  });
  if (!info.isFile()) throw new UserError('unreadable', `${path} is not a file. Nothing was sent.`);
  if (info.size > MAX_FILE_BYTES) throw new UserError('too-large', `${fileName} is larger than Dialsheet opens (${MAX_FILE_BYTES} bytes). Nothing was sent.`);
  return parseCliSheet(await readFile(path), fileName);
}
