import type { IssueReason, NumberType } from '../../../../shared/intake-options';
import type { CheckOptions, ColumnMapping, NumberCheck } from '../../../../shared/sheet-schemas';

export type NormalisedPhone =
  | { ok: true; e164: string; digits: string; country?: string; type?: NumberType }
  | { ok: false; reason: IssueReason; message: string };

/** How one cell becomes numbers, and one number becomes a checked one (Excel's lost digits included). */
export interface PhoneTools {
  split(cell: string): string[];
  normalise(raw: string): NormalisedPhone;
}

/** A number's check before duplicates across rows are known. */
export type CellNumber = Omit<NumberCheck, 'duplicateOf'>;

export type RowChecker = (cells: readonly string[]) => CellNumber[];

const issue = (column: number, raw: string, reason: IssueReason, message: string): CellNumber => ({
  column,
  raw,
  value: null,
  type: null,
  country: null,
  issue: { reason, message },
});

function typeAllowed(type: NumberType | undefined, options: CheckOptions): { ok: true } | { ok: false; message: string } {
  if (options.mobileOnly && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return { ok: false, message: `Not a mobile number (${(type ?? 'unknown type').toLowerCase().replace(/_/g, ' ')}); the mobile-only filter is on.` };
  }
  if (options.noPremium && type === 'PREMIUM_RATE') {
    return { ok: false, message: 'A premium-rate number; the no-premium filter is on.' };
  }
  return { ok: true };
}

/**
 * Checks one data row: every number in every phone column, in order. A row's empty secondary
 * phone columns are normal ("Phone 2" is often blank); a row with no number at all is one issue.
 */
export function createRowChecker(mapping: ColumnMapping, options: CheckOptions, tools: PhoneTools, columnNames: readonly string[]): RowChecker {
  const describe = (column: number): string => columnNames[column] || `column ${column + 1}`;
  return (cells) => {
    if (mapping.phone.length === 0) {
      return [issue(-1, '', 'no-phone-column', 'No column is chosen as the phone column.')];
    }
    const found: CellNumber[] = [];
    // Most rows hold one number: the set that catches a number repeated within a row is made only for the second.
    let first: string | null = null;
    let seen: Set<string> | null = null;
    for (const column of mapping.phone) {
      for (const raw of tools.split(cells[column] ?? '')) {
        const phone = tools.normalise(raw);
        if (!phone.ok) {
          found.push(issue(column, raw, phone.reason, phone.message));
          continue;
        }
        const value = options.mode === 'digits' ? phone.digits : phone.e164;
        const allowed = typeAllowed(phone.type, options);
        if (!allowed.ok) {
          found.push({ ...issue(column, raw, 'filtered-type', allowed.message), value: null, type: phone.type ?? null });
          continue;
        }
        if (first === null) {
          first = value;
        } else {
          seen ??= new Set([first]);
          if (seen.has(value)) {
            found.push(issue(column, raw, 'duplicate', 'The same number is already in this row.'));
            continue;
          }
          seen.add(value);
        }
        found.push({ column, raw, value, type: phone.type ?? null, country: phone.country ?? null, issue: null });
      }
    }
    if (found.length === 0) {
      const first = mapping.phone[0] ?? 0;
      return [issue(first, '', 'empty', `No phone number in ${describe(first)}.`)];
    }
    return found;
  };
}
