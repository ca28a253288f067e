import type { RowFilter, RowStatus } from '../../../../shared/intake-options';
import type { RowView, Summary } from '../../../../shared/sheet-schemas';
import type { CellNumber, RowChecker } from '../check/row-checker';
import { growableBytes } from './growable-array';
import { LineStore } from './line-store';
import { SummaryCounter } from './summary-counter';

const STATUS_CODES: Record<RowStatus, number> = { valid: 1, invalid: 2, duplicate: 3 };
const STATUS_NAMES: readonly RowStatus[] = ['invalid', 'valid', 'invalid', 'duplicate'];

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
  private readonly firstRowOfKey = new Map<string, number>();
  private readonly counter = new SummaryCounter();
  private readonly counts = { valid: 0, invalid: 0, duplicate: 0 };
  private duplicateNumbers = 0;
  private filtered = new Map<RowFilter, Int32Array>();
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
      this.counter.add(numbers);
      const keys = keysOf(numbers);
      this.keys.push(keys);
      this.status.push(STATUS_CODES[this.classify(index, keys)]);
    });
    this.version += 1;
  }

  /** Checks every row again, after the mapping or the options changed. */
  recheck(checker: RowChecker): void {
    this.checker = checker;
    this.counter.clear();
    for (let index = 0; index < this.lines.length; index += 1) {
      const numbers = checker(this.cellsAt(index));
      this.counter.add(numbers);
      this.keys[index] = keysOf(numbers);
    }
    this.rebuildDuplicates();
  }

  edit(index: number, column: number, value: string): RowView {
    if (index >= this.lines.length) throw new RangeError(`no data row ${index}`);
    const cells = this.cellsAt(index);
    this.counter.add(this.checker(cells), -1);
    while (cells.length <= column) cells.push('');
    cells[column] = value;
    this.lines.set(index, joinCells(cells));
    const numbers = this.checker(cells);
    this.counter.add(numbers);
    this.keys[index] = keysOf(numbers);
    // An edit can make a later row the first of its number, or this one a duplicate: count again.
    this.rebuildDuplicates();
    return this.view(index);
  }

  view(index: number): RowView {
    const cells = this.cellsAt(index);
    const numbers = this.checker(cells).map((number) => {
      const first = number.value !== null && number.issue === null ? this.firstRowOfKey.get(number.value) : undefined;
      const duplicateOf = first !== undefined && first !== index ? (this.rowNumbers[first] ?? null) : null;
      return duplicateOf === null
        ? { ...number, duplicateOf }
        : { ...number, duplicateOf, issue: { reason: 'duplicate' as const, message: `Duplicate of row ${duplicateOf}.` } };
    });
    return {
      index,
      row: this.rowNumbers[index] ?? index + 1,
      cells,
      status: STATUS_NAMES[this.status.get(index)] ?? 'invalid',
      numbers,
    };
  }

  window(offset: number, limit: number, filter: RowFilter): { total: number; rows: RowView[] } {
    if (filter === 'all') {
      const end = Math.min(this.lines.length, offset + limit);
      const rows: RowView[] = [];
      for (let index = offset; index < end; index += 1) rows.push(this.view(index));
      return { total: this.lines.length, rows };
    }
    const indexes = this.indexesFor(filter);
    return { total: indexes.length, rows: Array.from(indexes.subarray(offset, offset + limit), (index) => this.view(index)) };
  }

  summary(): Summary {
    return this.counter.summary(this.counts, this.duplicateNumbers, this.firstRowOfKey.size);
  }

  /** The usable, unique numbers in file order: what would be sent. */
  *uniqueNumbers(): Generator<string> {
    for (const [key] of this.firstRowOfKey) yield key;
  }

  private classify(index: number, keys: RowKeys): RowStatus {
    if (keys === null) {
      this.counts.invalid += 1;
      return 'invalid';
    }
    let fresh = false;
    const claim = (key: string): void => {
      const before = this.firstRowOfKey.size;
      this.firstRowOfKey.set(key, this.firstRowOfKey.get(key) ?? index);
      if (this.firstRowOfKey.size > before) fresh = true;
      else this.duplicateNumbers += 1;
    };
    if (typeof keys === 'string') claim(keys);
    else keys.forEach(claim);
    const status = fresh ? 'valid' : 'duplicate';
    this.counts[status] += 1;
    return status;
  }

  private rebuildDuplicates(): void {
    this.firstRowOfKey.clear();
    this.counts.valid = this.counts.invalid = this.counts.duplicate = 0;
    this.duplicateNumbers = 0;
    this.status.clear();
    for (let index = 0; index < this.keys.length; index += 1) {
      this.status.push(STATUS_CODES[this.classify(index, this.keys[index] ?? null)]);
    }
    this.version += 1;
  }

  private indexesFor(filter: Exclude<RowFilter, 'all'>): Int32Array {
    if (this.filteredVersion !== this.version) {
      this.filtered = new Map();
      this.filteredVersion = this.version;
    }
    const cached = this.filtered.get(filter);
    if (cached) return cached;
    const code = STATUS_CODES[filter];
    let count = 0;
    for (let i = 0; i < this.status.length; i += 1) if (this.status.get(i) === code) count += 1;
    const indexes = new Int32Array(count);
    let next = 0;
    for (let i = 0; i < this.status.length; i += 1) if (this.status.get(i) === code) indexes[next++] = i;
    this.filtered.set(filter, indexes);
    return indexes;
  }
}
