/** One run of a rich-text string; exceljs also gives its font, which the intake never needs. */
export interface RichTextRun {
  readonly text: string;
}

export interface RichTextValue {
  readonly richText: readonly RichTextRun[];
}

export interface ErrorValue {
  readonly error: string;
}

/**
 * A formula cell as exceljs's streaming reader gives it. A formula with text drops a falsy
 * result (0, '', NaN); a formula with no text (a shared-formula follower) keeps whatever was read.
 */
export interface FormulaValue {
  readonly formula: string;
  readonly result?: number | string;
}

/** A cell's value, shaped like the `cell.value` exceljs's WorkbookReader yields for the same cell. */
export type CellValue = string | number | boolean | Date | RichTextValue | ErrorValue | FormulaValue;

/** What a shared-strings table entry holds: plain text or rich text; null for an item with no text. */
export type SharedString = string | RichTextValue | null;
