import type { IssueReason, RowFilter, RowStatus } from '../../../../shared/intake-options';
import type { RowView, Summary } from '../../../../shared/sheet-schemas';
import type { CellNumber, RowChecker } from '../check/row-checker';
import { growableBytes, growableShorts } from './growable-array';
import { LineStore } from './line-store';
import { REASON_BITS, reasonBits, type RowCounts, SummaryCounter } from './summary-counter';

const STATUS_CODES: Record<RowStatus, number> = { valid: 1, invalid: 2, duplicate: 3, removed: 4 };
const STATUS_NAMES: readonly RowStatus[] = ['invalid', 'valid', 'invalid', 'duplicate', 'removed'];
/** The status code's bits in a row's status byte. */
const STATUS_MASK = 0x0f;
/** Set in the status byte of a row with a number an earlier row (not removed) already has. */
const REPEATS_EARLIER = 0x10;

/**
 * Cells are kept joined by this separator, one string per row: half the memory of an array of
 * strings, and the parsed file's text can be let go instead of being pinned by slices of it.
 */
const CELL_SEPARATOR = '\u001f';
function joinCells(cells: readonly string[]): string {
  // A separator inside a cell (it never is, in practice) would split it in two when read back.
  for (const cell of cells) {
    if (cell.includes(CELL_SEPARATOR)) return cells.map((c) => c.replaceAll(CELL_SEPARATOR, ' ')).join(CELL_SEPARATOR);
  }
  return cells.join(CELL_SEPARATOR);
}

/** A row's usable numbers: one string for the common single-number row, an array otherwise. */
type RowKeys = string | string[] | null;

// Runs once per row of a 500,000-row file: a plain loop, no arrays for the one-number common case.
function keysOf(numbers: readonly CellNumber[]): RowKeys {
  let keys: RowKeys = null;
  for (const n of numbers) {
    if (n.value === null || n.issue !== null) continue;
    if (keys === null) keys = n.value;
    else if (typeof keys === 'string') keys = [keys, n.value];
    else keys.push(n.value);
  }
  return keys;
}

/**
 * The data rows of one sheet with what their check found. Only what filtering, duplicates and the
 * summary need is kept per row (a status byte and the usable numbers); a row's full check is made
 * again when it is shown, which for a window of rows costs nothing next to keeping 500,000 of them.
 */
export class SheetRows {
  private readonly lines = new LineStore();
  readonly rowNumbers: number[] = [];
  private readonly keys: RowKeys[] = [];
  private readonly status = growableBytes();
  /** The reasons of each row's own check, as bits (a duplicate of another row is in the status byte). */
  private readonly reasons = growableShorts();
  /** 1 for a row the user removed. */
  private readonly removed = growableBytes();
  private readonly firstRowOfKey = new Map<string, number>();
  private readonly counter = new SummaryCounter();
  private readonly counts: RowCounts = { valid: 0, invalid: 0, duplicate: 0, removed: 0 };
  private filtered = new Map<string, Int32Array>();
  private version = 0;
  private filteredVersion = -1;

  constructor(private checker: RowChecker) {}

  get length(): number {
    return this.lines.length;
  }

  cellsAt(index: number): string[] {
    return index < this.lines.length ? this.lines.get(index).split(CELL_SEPARATOR) : [];
  }

  append(records: string[][], rowNumbers: readonly number[]): void {
    records.forEach((cells, i) => {
      const index = this.lines.length;
      const numbers = this.checker(cells);
      // A copy made now lets the whole parsed text go once its last row is read.
      this.lines.push(joinCells(cells));
      this.rowNumbers.push(rowNumbers[i] ?? index + 1);
      this.counter.addTypes(numbers);
      this.keys.push(keysOf(numbers));
      this.reasons.push(reasonBits(numbers));
      this.removed.push(0);
      this.status.push(this.classify(index));
    });
    this.version += 1;
  }

  /** Checks every row again, after the mapping or the options changed. */
  recheck(checker: RowChecker): void {
    this.checker = checker;
    this.counter.clearTypes();
    for (let index = 0; index < this.lines.length; index += 1) {
      const numbers = checker(this.cellsAt(index));
      if (!this.isRemoved(index)) this.counter.addTypes(numbers);
      this.keys[index] = keysOf(numbers);
      this.reasons.set(index, reasonBits(numbers));
    }
    this.rebuildDuplicates();
  }

  edit(index: number, column: number, value: string): RowView {
    if (index >= this.lines.length) throw new RangeError(`no data row ${index}`);
    const cells = this.cellsAt(index);
    const live = !this.isRemoved(index);
    if (live) this.counter.addTypes(this.checker(cells), -1);
    while (cells.length <= column) cells.push('');
    cells[column] = value;
    this.lines.set(index, joinCells(cells));
    const numbers = this.checker(cells);
    if (live) this.counter.addTypes(numbers);
    this.keys[index] = keysOf(numbers);
    this.reasons.set(index, reasonBits(numbers));
    // An edit can make a later row the first of its number, or this one a duplicate: count again.
    this.rebuildDuplicates();
    return this.view(index);
  }

  /**
   * Removes (or restores) rows: they keep their place and data, and duplicates are found again as
   * if removed rows were not there. One pass over the sheet however many rows change.
   */
  setRemoved(indexes: Iterable<number>, remove: boolean): number {
    const flag = remove ? 1 : 0;
    let changed = 0;
    for (const index of indexes) {
      if (index >= this.lines.length || this.removed.get(index) === flag) continue;
      this.removed.set(index, flag);
      // A row with no usable number has no typed number to count: most removed rows need no check.
      if (this.keys[index] != null) this.counter.addTypes(this.checker(this.cellsAt(index)), remove ? -1 : 1);
      changed += 1;
    }
    if (changed > 0) this.rebuildDuplicates();
    return changed;
  }

  isRemoved(index: number): boolean {
    return this.removed.get(index) === 1;
  }

  view(index: number): RowView {
    const cells = this.cellsAt(index);
    const removed = this.isRemoved(index);
    const numbers = this.checker(cells).map((number) => {
      const first = number.value !== null && number.issue === null && !removed ? this.firstRowOfKey.get(number.value) : undefined;
      const duplicateOf = first !== undefined && first !== index ? (this.rowNumbers[first] ?? null) : null;
      return duplicateOf === null
        ? { ...number, duplicateOf }
        : { ...number, duplicateOf, issue: { reason: 'duplicate' as const, message: `Duplicate of row ${duplicateOf}.` } };
    });
    return {
      index,
      row: this.rowNumbers[index] ?? index + 1,
      cells,
      status: STATUS_NAMES[this.status.get(index) & STATUS_MASK] ?? 'invalid',
      numbers,
    };
  }

  window(offset: number, limit: number, filter: RowFilter, reason?: IssueReason): { total: number; rows: RowView[] } {
    if (filter === 'all' && reason === undefined) {
      const end = Math.min(this.lines.length, offset + limit);
      const rows: RowView[] = [];
      for (let index = offset; index < end; index += 1) rows.push(this.view(index));
      return { total: this.lines.length, rows };
    }
    const indexes = this.indexesFor(filter, reason);
    return { total: indexes.length, rows: Array.from(indexes.subarray(offset, offset + limit), (index) => this.view(index)) };
  }

  summary(): Summary {
    return this.counter.summary({ ...this.counts }, this.firstRowOfKey.size);
  }

  /** The usable, unique numbers in file order: what would be sent. */
  *uniqueNumbers(): Generator<string> {
    for (const [key] of this.firstRowOfKey) yield key;
  }

  /** A row's status byte, counting it in the summary; rows before it are classified already. */
  private classify(index: number): number {
    if (this.isRemoved(index)) {
      this.counts.removed += 1;
      return STATUS_CODES.removed;
    }
    const keys = this.keys[index] ?? null;
    let fresh = false;
    let repeats = false;
    const claim = (key: string): void => {
      const before = this.firstRowOfKey.size;
      this.firstRowOfKey.set(key, this.firstRowOfKey.get(key) ?? index);
      if (this.firstRowOfKey.size > before) fresh = true;
      else repeats = true;
    };
    if (typeof keys === 'string') claim(keys);
    else keys?.forEach(claim);
    const status = keys === null ? 'invalid' : fresh ? 'valid' : 'duplicate';
    this.counts[status] += 1;
    this.counter.addReasons(this.reasons.get(index) | (repeats ? REASON_BITS.duplicate : 0));
    return STATUS_CODES[status] | (repeats ? REPEATS_EARLIER : 0);
  }

  private rebuildDuplicates(): void {
    this.firstRowOfKey.clear();
    this.counts.valid = this.counts.invalid = this.counts.duplicate = this.counts.removed = 0;
    this.counter.clearReasons();
    this.status.clear();
    for (let index = 0; index < this.keys.length; index += 1) this.status.push(this.classify(index));
    this.version += 1;
  }

  /**
   * Whether a row passes a filter and reason. With a reason, 'all' leaves removed rows out (as the
   * summary's byReason does); 'removed' looks at their own check.
   */
  private passes(index: number, code: number | null, reasonBit: number | null): boolean {
    const byte = this.status.get(index);
    const status = byte & STATUS_MASK;
    if (code !== null && status !== code) return false;
    if (reasonBit === null) return true;
    if (code === null && status === STATUS_CODES.removed) return false;
    return ((this.reasons.get(index) | (byte & REPEATS_EARLIER ? REASON_BITS.duplicate : 0)) & reasonBit) !== 0;
  }

  /** The indexes of the rows sheetRows lists for a filter and reason, in file order. */
  indexesFor(filter: RowFilter, reason?: IssueReason): Int32Array {
    if (this.filteredVersion !== this.version) {
      this.filtered = new Map();
      this.filteredVersion = this.version;
    }
    const key = `${filter}/${reason ?? ''}`;
    const cached = this.filtered.get(key);
    if (cached) return cached;
    const code = filter === 'all' ? null : STATUS_CODES[filter];
    const reasonBit = reason === undefined ? null : REASON_BITS[reason];
    const length = this.status.length;
    let count = 0;
    for (let i = 0; i < length; i += 1) if (this.passes(i, code, reasonBit)) count += 1;
    const indexes = new Int32Array(count);
    let next = 0;
    for (let i = 0; i < length; i += 1) if (this.passes(i, code, reasonBit)) indexes[next++] = i;
    this.filtered.set(key, indexes);
    return indexes;
  }
}
