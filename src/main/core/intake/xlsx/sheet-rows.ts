import type { CellValue, FormulaValue, SharedString } from './cell-value';
import { type DateStyles } from './date-styles';
import { MAX_EXCEL_COLUMNS } from './xlsx-limits';
import { XlsxError } from './xlsx-error';
import { decodeXmlText, exceljsSecondDecode } from './xml-entities';
import { type XmlHandler, type XmlTag } from './xml-tokenizer';

export interface XlsxRow {
  /** 1-based, as Excel numbers rows. */
  readonly rowNumber: number;
  /** Sparse: cells[0] is column A; an empty cell is a hole. */
  readonly cells: Array<CellValue | undefined>;
  /** Present when cells past the per-row limit were dropped (only with `wideRows: 'truncate'`). */
  readonly truncated?: true;
}

export type WideRowPolicy = 'error' | 'truncate';

export interface SheetContext {
  readonly sheetName: string;
  readonly sharedStrings: readonly SharedString[];
  readonly dateStyles: DateStyles;
  readonly date1904: boolean;
  readonly maxCellsPerRow: number;
  readonly wideRows: WideRowPolicy;
}

export const SHEET_NAMES = ['sheetData', 'row', 'c', 'f', 'v', 'is', 't', 'rPh'] as const;
const SHEET_DATA = 0;
const ROW = 1;
const CELL = 2;
const FORMULA = 3;
const VALUE = 4;
const INLINE_STRING = 5;
const TEXT = 6;
const PHONETIC = 7;

/** The `t` attribute of a cell. Unknown types fall to Number, as in exceljs's switch. */
const CellType = { Number: 0, Shared: 1, Inline: 2, FormulaString: 3, Error: 4, Boolean: 5, IsoDate: 6 } as const;
type CellType = (typeof CellType)[keyof typeof CellType];

/** Where character data goes: exceljs appends text to the last <f>/<v>/<t> opened in the cell. */
const Target = { None: 0, Formula: 1, Value: 2 } as const;
type Target = (typeof Target)[keyof typeof Target];

const NO_BYTES = Buffer.alloc(0);
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;
const DOLLAR = 36;
const MS_PER_DAY = 24 * 3600 * 1000;
const UNIX_EPOCH_AS_EXCEL_SERIAL = 25569;
const DATE_1904_OFFSET_DAYS = 1462;

/** parseInt(value, 10) over a slice, without making the slice when it is plain digits. */
function parseIntegerSpan(source: Buffer, start: number, end: number): number {
  if (start >= end) return Number.NaN;
  let value = 0;
  for (let at = start; at < end; at++) {
    const code = source[at] ?? 0;
    if (code < DIGIT_0 || code > DIGIT_9) return Number.parseInt(source.toString('utf8', start, end), 10);
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

/** Up to 15 digits, a double holds every integer exactly, so this equals parseFloat. */
const MAX_EXACT_DIGITS = 15;

/** A plain run of digits as a number, or -1 when the text needs parseFloat's full rules. */
function parseDigits(source: Buffer, start: number, end: number): number {
  if (start >= end || end - start > MAX_EXACT_DIGITS) return -1;
  let value = 0;
  for (let at = start; at < end; at++) {
    const code = source[at] ?? 0;
    if (code < DIGIT_0 || code > DIGIT_9) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

/** 1-based column of a reference like "AB12" or "$AB$12"; 0 when there are no letters. */
function columnOfReference(source: Buffer, start: number, end: number): number {
  let column = 0;
  for (let at = start; at < end; at++) {
    const code = source[at] ?? 0;
    if (code >= UPPER_A && code <= UPPER_Z) column = column * 26 + (code - UPPER_A + 1);
    else if (code >= LOWER_A && code <= LOWER_Z) column = column * 26 + (code - LOWER_A + 1);
    else if (code !== DOLLAR) break;
    // Past XFD already; stop before the number can grow without bound.
    if (column > MAX_EXCEL_COLUMNS) return MAX_EXCEL_COLUMNS + 1;
  }
  return column;
}

function cellTypeOf(source: Buffer, start: number, end: number): CellType {
  const length = end - start;
  if (length === 1) {
    const code = source[start];
    if (code === 115) return CellType.Shared; // s
    if (code === 98) return CellType.Boolean; // b
    if (code === 101) return CellType.Error; // e
    if (code === 100) return CellType.IsoDate; // d
    return CellType.Number;
  }
  if (length === 3 && source.toString('latin1', start, end) === 'str') return CellType.FormulaString;
  if (length === 9 && source.toString('latin1', start, end) === 'inlineStr') return CellType.Inline;
  return CellType.Number;
}

/** exceljs's utils.excelToDate. */
function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_AS_EXCEL_SERIAL + (date1904 ? DATE_1904_OFFSET_DAYS : 0)) * MS_PER_DAY));
}

/** `t="d"` holds ISO 8601 text. exceljs parseFloats it ("2024-03-05" becomes 2024); we read the date. */
function isoCellToDate(text: string): Date | undefined {
  const trimmed = text.trim();
  // Excel's ISO cells carry no zone and mean the same wall-clock time exceljs gives as UTC.
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/.test(trimmed);
  const time = Date.parse(trimmed.includes('T') && !hasZone ? `${trimmed}Z` : trimmed);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** exceljs copies only truthy fields of a formula; a formula with no text becomes a plain object. */
function formulaValue(formula: string, hasResult: boolean, result: number | string): FormulaValue {
  if (formula) return result ? { formula, result } : { formula };
  return hasResult ? { formula, result } : { formula };
}

/**
 * Turns sheet XML events into rows, reproducing exceljs's WorksheetReader cell by cell: the
 * same types, the same date rule (the cell's style, else its row's style), the same parseFloat
 * and parseInt quirks. Deliberate differences, all where exceljs loses or garbles data:
 * rich inline strings keep every run (exceljs keeps the last), `t="d"` ISO dates are read as
 * dates, and cells or rows without an `r` take the next position instead of failing.
 */
export class SheetRowBuilder implements XmlHandler {
  private readonly context: SheetContext;
  private rows: XlsxRow[] = [];
  private inSheetData = false;

  private row: Array<CellValue | undefined> | undefined;
  private rowNumber = 0;
  private rowIsDate = false;
  private rowCellCount = 0;
  private rowTruncated = false;
  private lastColumn = 0;

  private inCell = false;
  private column = 0;
  private keepCell = false;
  private cellType: CellType = CellType.Number;
  private cellIsDate = false;
  private hasFormula = false;
  private hasValue = false;
  private formulaText = '';
  /**
   * A value's text usually arrives as one text node, so it is kept as a span of the source and
   * numbers are read from it in place; a second node turns it into a string.
   */
  private valueSource: Buffer = NO_BYTES;
  private valueStart = 0;
  private valueEnd = 0;
  private valueText: string | undefined = '';
  private target: Target = Target.None;
  private inInline = false;
  private inInlineText = false;
  private phoneticDepth = 0;

  constructor(context: SheetContext) {
    this.context = context;
  }

  /** Rows finished since the last call. */
  takeRows(): XlsxRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  open(name: number, tag: XmlTag): void {
    switch (name) {
      case SHEET_DATA:
        this.inSheetData = true;
        break;
      case ROW:
        if (this.inSheetData) this.openRow(tag);
        break;
      case CELL:
        if (this.row !== undefined) this.openCell(tag);
        break;
      case FORMULA:
        if (this.inCell) {
          this.hasFormula = true;
          this.formulaText = '';
          this.target = Target.Formula;
        }
        break;
      case VALUE:
        if (this.inCell) this.startValue();
        break;
      case INLINE_STRING:
        if (this.inCell) {
          this.startValue();
          this.inInline = true;
          this.target = Target.None;
        }
        break;
      case TEXT:
        if (this.inInline) this.inInlineText = this.phoneticDepth === 0;
        else if (this.inCell) this.startValue();
        break;
      case PHONETIC:
        if (this.inInline) this.phoneticDepth++;
        break;
      default:
        break;
    }
  }

  close(name: number): void {
    switch (name) {
      case SHEET_DATA:
        this.inSheetData = false;
        break;
      case ROW:
        this.closeRow();
        break;
      case CELL:
        if (this.inCell) this.closeCell();
        break;
      case INLINE_STRING:
        this.inInline = false;
        this.inInlineText = false;
        break;
      case TEXT:
        this.inInlineText = false;
        break;
      case PHONETIC:
        if (this.phoneticDepth > 0) this.phoneticDepth--;
        break;
      default:
        break;
    }
  }

  text(source: Buffer, start: number, end: number): void {
    if (this.inInline ? this.inInlineText : this.target === Target.Value) this.appendValue(source, start, end);
    else if (this.target === Target.Formula) this.formulaText += decodeXmlText(source, start, end);
  }

  private appendValue(source: Buffer, start: number, end: number): void {
    if (this.valueText === '') {
      this.valueText = undefined;
      this.valueSource = source;
      this.valueStart = start;
      this.valueEnd = end;
    } else {
      this.valueText = this.valueString() + decodeXmlText(source, start, end);
    }
  }

  private valueString(): string {
    return this.valueText ?? decodeXmlText(this.valueSource, this.valueStart, this.valueEnd);
  }

  /** parseFloat of the value, without making a string for the common plain integer. */
  private valueNumber(): number {
    const digits = this.valueText === undefined ? parseDigits(this.valueSource, this.valueStart, this.valueEnd) : -1;
    return digits >= 0 ? digits : Number.parseFloat(this.valueString());
  }

  /** parseInt(value, 10), likewise. */
  private valueInteger(): number {
    const digits = this.valueText === undefined ? parseDigits(this.valueSource, this.valueStart, this.valueEnd) : -1;
    return digits >= 0 ? digits : Number.parseInt(this.valueString(), 10);
  }

  private openRow(tag: XmlTag): void {
    const source = tag.source;
    const r = tag.find('r');
    const number = r < 0 ? Number.NaN : parseIntegerSpan(source, tag.valueStart(r), tag.valueEnd(r));
    this.rowNumber = Number.isNaN(number) ? this.rowNumber + 1 : number;
    const s = tag.find('s');
    // exceljs takes a row style whenever the attribute is non-empty, even s="0".
    this.rowIsDate = s >= 0 && tag.valueEnd(s) > tag.valueStart(s) && this.context.dateStyles.isDate(parseIntegerSpan(source, tag.valueStart(s), tag.valueEnd(s)));
    this.row = [];
    this.rowCellCount = 0;
    this.rowTruncated = false;
    this.lastColumn = 0;
  }

  private closeRow(): void {
    if (this.row === undefined) return;
    this.rows.push(this.rowTruncated ? { rowNumber: this.rowNumber, cells: this.row, truncated: true } : { rowNumber: this.rowNumber, cells: this.row });
    this.row = undefined;
    this.inCell = false;
  }

  private openCell(tag: XmlTag): void {
    const source = tag.source;
    const r = tag.find('r');
    const column = r < 0 ? 0 : columnOfReference(source, tag.valueStart(r), tag.valueEnd(r));
    this.column = column === 0 ? this.lastColumn + 1 : column;
    this.rowCellCount++;
    this.keepCell = this.rowCellCount <= this.context.maxCellsPerRow && this.column <= MAX_EXCEL_COLUMNS;
    if (!this.keepCell) this.refuseWideRow();

    const t = tag.find('t');
    this.cellType = t < 0 ? CellType.Number : cellTypeOf(source, tag.valueStart(t), tag.valueEnd(t));
    const s = tag.find('s');
    const style = s < 0 ? Number.NaN : parseIntegerSpan(source, tag.valueStart(s), tag.valueEnd(s));
    // A cell's own style replaces the row's only when it is non-zero and exists (exceljs: `if (c.s)`).
    this.cellIsDate = style !== 0 && this.context.dateStyles.has(style) ? this.context.dateStyles.isDate(style) : this.rowIsDate;

    this.inCell = true;
    this.hasFormula = false;
    this.hasValue = false;
    this.formulaText = '';
    this.valueText = '';
    this.valueSource = NO_BYTES;
    this.target = Target.None;
    this.inInline = false;
    this.inInlineText = false;
    this.phoneticDepth = 0;
  }

  private refuseWideRow(): void {
    this.rowTruncated = true;
    if (this.context.wideRows === 'truncate') return;
    const { sheetName, maxCellsPerRow } = this.context;
    const what = this.column > MAX_EXCEL_COLUMNS ? 'a cell beyond column XFD, the last column Excel has' : `more than ${maxCellsPerRow} cells`;
    throw new XlsxError(
      'row-too-wide',
      `Row ${this.rowNumber} of sheet "${sheetName}" has ${what}, so it was not read. Delete the extra columns in Excel, save, and try again.`,
    );
  }

  private startValue(): void {
    this.hasValue = true;
    this.valueText = '';
    this.valueSource = NO_BYTES;
    this.target = Target.Value;
  }

  private closeCell(): void {
    this.inCell = false;
    this.target = Target.None;
    this.inInline = false;
    this.lastColumn = this.column;
    if (!this.keepCell || this.row === undefined) return;
    const value = this.cellValue();
    if (value !== undefined) this.row[this.column - 1] = value;
  }

  private cellValue(): CellValue | undefined {
    if (this.hasFormula) return this.formulaCellValue();
    if (!this.hasValue) return undefined;
    switch (this.cellType) {
      case CellType.Shared:
        return this.context.sharedStrings[this.valueInteger()] ?? undefined;
      case CellType.Inline:
      case CellType.FormulaString:
        return exceljsSecondDecode(this.valueString());
      case CellType.Error:
        return { error: this.valueString() };
      case CellType.Boolean:
        return this.valueInteger() !== 0;
      case CellType.IsoDate:
        return isoCellToDate(this.valueString()) ?? this.numberOrDate();
      default:
        return this.numberOrDate();
    }
  }

  private numberOrDate(): number | Date {
    const number = this.valueNumber();
    return this.cellIsDate ? excelSerialToDate(number, this.context.date1904) : number;
  }

  private formulaCellValue(): FormulaValue {
    if (!this.hasValue) return formulaValue(this.formulaText, false, '');
    const result = this.cellType === CellType.FormulaString ? exceljsSecondDecode(this.valueString()) : this.valueNumber();
    return formulaValue(this.formulaText, true, result);
  }
}
