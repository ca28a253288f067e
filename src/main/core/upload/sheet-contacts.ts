import type { IssueReason, RowStatus } from '../../../shared/intake-options';
import type { RowView, SheetView } from '../../../shared/sheet-schemas';
import type { Intake } from '../intake/intake';
import { UserError } from '../user-error';

/** One data row of a checked sheet, as an upload needs it. */
export interface SheetContact {
  /** The row number a person sees in the spreadsheet. */
  readonly row: number;
  readonly status: RowStatus;
  /** The usable numbers of the row (E.164, or the digits in digits mode), in column order. */
  readonly numbers: readonly string[];
  /** What the cells said, for a receipt line of a row with nothing usable. */
  readonly written: string;
  /** Why the row is invalid or a duplicate; null for a valid row. */
  readonly problem: string | null;
  /** The same as a code, for the window to word; null for a valid row or one with no number checked. */
  readonly reason: IssueReason | null;
  readonly name?: string;
  readonly caller?: string;
  /** The columns mapped as custom fields, by header. */
  readonly fields: Readonly<Record<string, string>>;
}

const PAGE = 2000;

function problemOf(row: RowView): string | null {
  if (row.status === 'valid') return null;
  const duplicate = row.numbers.find((n) => n.duplicateOf !== null);
  if (row.status === 'duplicate' && duplicate?.duplicateOf != null) return `The same number as row ${duplicate.duplicateOf}.`;
  return row.numbers.find((n) => n.issue !== null)?.issue?.message ?? 'The row has no usable number.';
}

function reasonOf(row: RowView): IssueReason | null {
  if (row.status === 'valid') return null;
  if (row.status === 'duplicate' && row.numbers.some((n) => n.duplicateOf !== null)) return 'duplicate';
  return row.numbers.find((n) => n.issue !== null)?.issue?.reason ?? null;
}

function cell(row: RowView, column: number | null): string | undefined {
  if (column === null) return undefined;
  const value = row.cells[column]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function toContact(row: RowView, view: Pick<SheetView, 'mapping' | 'columns'>): SheetContact {
  const { mapping, columns } = view;
  const fields: Record<string, string> = {};
  for (const column of mapping.custom) {
    const value = cell(row, column);
    if (value !== undefined) fields[columns[column] ?? `Column ${column + 1}`] = value;
  }
  const name = cell(row, mapping.name);
  const caller = cell(row, mapping.caller);
  return {
    row: row.row,
    status: row.status,
    numbers: row.status === 'valid' ? row.numbers.filter((n) => n.issue === null && n.value !== null).map((n) => n.value as string) : [],
    written: row.numbers.map((n) => n.raw.trim()).filter(Boolean).join(', '),
    problem: problemOf(row),
    reason: reasonOf(row),
    ...(name === undefined ? {} : { name }),
    ...(caller === undefined ? {} : { caller }),
    fields,
  };
}

/**
 * Every data row of an open, fully read sheet, in file order, a page at a time so a
 * 500,000-row list is never held as row views all at once.
 */
export async function* sheetContacts(intake: Intake, sheetId: string): AsyncGenerator<SheetContact> {
  const view = await intake.view(sheetId);
  if (!view.progress.done) {
    throw new UserError('refused', `${view.fileName} is still being read (${view.progress.rowsRead} rows so far). Wait for it to finish; nothing was sent.`);
  }
  for (let offset = 0; offset < view.summary.rows; offset += PAGE) {
    const page = await intake.rows(sheetId, offset, PAGE, 'all');
    for (const row of page.rows) yield toContact(row, view);
  }
}
