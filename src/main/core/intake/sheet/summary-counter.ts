import type { IssueReason, NumberType } from '../../../../shared/intake-options';
import type { Summary } from '../../../../shared/sheet-schemas';
import type { CellNumber } from '../check/row-checker';

/** Issue reasons and number types, counted as rows come in and adjusted when one is edited. */
export class SummaryCounter {
  private readonly reasons = new Map<IssueReason, number>();
  private readonly types = new Map<NumberType, number>();

  add(numbers: readonly CellNumber[], sign: 1 | -1 = 1): void {
    for (const number of numbers) {
      if (number.issue) this.bump(this.reasons, number.issue.reason, sign);
      else if (number.type) this.bump(this.types, number.type, sign);
    }
  }

  clear(): void {
    this.reasons.clear();
    this.types.clear();
  }

  summary(rows: { valid: number; invalid: number; duplicate: number }, duplicates: number, unique: number): Summary {
    const byReason: Summary['byReason'] = Object.fromEntries(this.reasons);
    if (duplicates > 0) byReason.duplicate = (byReason.duplicate ?? 0) + duplicates;
    return {
      rows: rows.valid + rows.invalid + rows.duplicate,
      ...rows,
      numbers: unique,
      byReason,
      byType: Object.fromEntries(this.types),
    };
  }

  private bump<K>(map: Map<K, number>, key: K, sign: 1 | -1): void {
    const next = (map.get(key) ?? 0) + sign;
    if (next === 0) map.delete(key);
    else map.set(key, next);
  }
}
