import { ISSUE_REASONS, type IssueReason, type NumberType } from '../../../../shared/intake-options';
import type { Summary } from '../../../../shared/sheet-schemas';
import type { CellNumber } from '../check/row-checker';

/** One bit per issue reason: a row's reasons fit in 16 bits. */
export const REASON_BITS = Object.fromEntries(ISSUE_REASONS.map((reason, i) => [reason, 1 << i])) as Record<IssueReason, number>;

/** The reasons of a row's numbers, as bits. */
export function reasonBits(numbers: readonly CellNumber[]): number {
  let bits = 0;
  for (const number of numbers) if (number.issue) bits |= REASON_BITS[number.issue.reason];
  return bits;
}

export interface RowCounts {
  valid: number;
  invalid: number;
  duplicate: number;
  removed: number;
}

/**
 * Number types, counted as rows come in and adjusted when one is edited, removed or restored;
 * and rows by issue reason, counted again whenever duplicates are.
 */
export class SummaryCounter {
  private readonly types = new Map<NumberType, number>();
  private readonly reasonRows = new Array<number>(ISSUE_REASONS.length).fill(0);

  addTypes(numbers: readonly CellNumber[], sign: 1 | -1 = 1): void {
    for (const number of numbers) {
      if (!number.issue && number.type) this.bump(number.type, sign);
    }
  }

  clearTypes(): void {
    this.types.clear();
  }

  /** One row (not removed) with these reason bits. */
  addReasons(bits: number): void {
    for (let i = 0; bits !== 0; i += 1, bits >>>= 1) if (bits & 1) this.reasonRows[i] = (this.reasonRows[i] ?? 0) + 1;
  }

  clearReasons(): void {
    this.reasonRows.fill(0);
  }

  summary(rows: RowCounts, unique: number): Summary {
    const byReason: Summary['byReason'] = {};
    ISSUE_REASONS.forEach((reason, i) => {
      const n = this.reasonRows[i] ?? 0;
      if (n > 0) byReason[reason] = n;
    });
    return {
      rows: rows.valid + rows.invalid + rows.duplicate + rows.removed,
      ...rows,
      numbers: unique,
      byReason,
      byType: Object.fromEntries(this.types),
    };
  }

  private bump(key: NumberType, sign: 1 | -1): void {
    const next = (this.types.get(key) ?? 0) + sign;
    if (next === 0) this.types.delete(key);
    else this.types.set(key, next);
  }
}
