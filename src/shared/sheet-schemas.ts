import { z } from 'zod';

import { MAX_PHONE_COLUMNS, MAX_ROWS_PER_CHANGE } from './limits';
import { CHECK_MODES, DELIMITER_IDS, ENCODING_IDS, FILE_FORMATS, ISSUE_REASONS, NUMBER_TYPES, ROW_FILTERS, ROW_STATUSES } from './intake-options';
import { delimiterReasonSchema, encodingReasonSchema, headerReasonSchema, sheetNoteSchema } from './sheet-notes';

export const sheetIdSchema = z.string().regex(/^sheet-[0-9a-f]{16}$/, 'not a sheet id');
const count = z.number().int().nonnegative();
const columnIndex = z.number().int().min(0).max(100_000);

/** What the user may override; anything left out is detected. */
export const sheetSettingsSchema = z
  .object({
    encoding: z.enum(ENCODING_IDS).optional(),
    delimiter: z.enum(DELIMITER_IDS).optional(),
    /** Index into the workbook's sheets. */
    sheet: z.number().int().min(0).max(1000).optional(),
    /** 0-based index of the header among the file's first records; null means the file has no header. */
    headerRow: z.number().int().min(0).max(1000).nullable().optional(),
  })
  .strict();
export type SheetSettings = z.infer<typeof sheetSettingsSchema>;

/** Which column holds what. Several phone columns ("Phone 1", "Phone 2") make several numbers of one contact. */
export const columnMappingSchema = z
  .object({
    phone: z.array(columnIndex).max(MAX_PHONE_COLUMNS),
    name: columnIndex.nullable(),
    caller: columnIndex.nullable(),
    custom: z.array(columnIndex).max(200),
  })
  .strict();
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const checkOptionsSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as UA'),
    mode: z.enum(CHECK_MODES),
    mobileOnly: z.boolean(),
    noPremium: z.boolean(),
  })
  .strict();
export type CheckOptions = z.infer<typeof checkOptionsSchema>;

export const issueSchema = z.object({ reason: z.enum(ISSUE_REASONS), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

export const numberCheckSchema = z.object({
  column: z.number().int(),
  raw: z.string(),
  /** E.164 (or the digits, in digits mode) when the number is usable. */
  value: z.string().nullable(),
  type: z.enum(NUMBER_TYPES).nullable(),
  country: z.string().nullable(),
  issue: issueSchema.nullable(),
  /** The file row this number first appeared on, when it is a duplicate. */
  duplicateOf: z.number().int().nullable(),
});
export type NumberCheck = z.infer<typeof numberCheckSchema>;

export const rowViewSchema = z.object({
  /** 0-based among the data rows. */
  index: count,
  /** The row number a person sees in Excel or a text editor (1-based, header and blank rows counted). */
  row: count,
  cells: z.array(z.string()),
  status: z.enum(ROW_STATUSES),
  numbers: z.array(numberCheckSchema),
});
export type RowView = z.infer<typeof rowViewSchema>;

export const summarySchema = z.object({
  /** Every data row: valid + invalid + duplicate + removed. */
  rows: count,
  valid: count,
  invalid: count,
  duplicate: count,
  /** Rows the user removed: kept in place, never sent, restorable. */
  removed: count,
  /** Valid, unique numbers: what would be sent. */
  numbers: count,
  /**
   * Rows (not removed) with at least one number of each reason; a row with two reasons counts
   * under both. sheetRows with this reason and the filter 'all' lists exactly this many rows.
   */
  byReason: z.partialRecord(z.enum(ISSUE_REASONS), count),
  /** Numbers of rows not removed, by type, among those with no issue of their own. */
  byType: z.partialRecord(z.enum(NUMBER_TYPES), count),
});
export type Summary = z.infer<typeof summarySchema>;

const rowIndexes = z.array(count).min(1).max(MAX_ROWS_PER_CHANGE);
const rowFilter = { filter: z.enum(ROW_FILTERS), reason: z.enum(ISSUE_REASONS).optional() };

/**
 * Which rows removeRows or restoreRows act on: some data rows by index, or every row that
 * sheetRows with the same filter and reason lists (all of them, not one window).
 */
export const rowsChangeInputSchema = z.union([
  z.strictObject({ sheetId: sheetIdSchema, indexes: rowIndexes }),
  z.strictObject({ sheetId: sheetIdSchema, ...rowFilter }),
]);
type RowsChangeInput = z.infer<typeof rowsChangeInputSchema>;
/** The rows of a removeRows or restoreRows call, without the sheet. */
export type RowSelection = RowsChangeInput extends infer T ? (T extends RowsChangeInput ? Omit<T, 'sheetId'> : never) : never;

export const rowsChangeSchema = z.object({
  /** Rows whose state changed (a row already removed, or not removed, counts for nothing). */
  changed: count,
  summary: summarySchema,
  /** The named rows as they are now, when chosen by index; empty when chosen by filter (ask for the window again). */
  rows: z.array(rowViewSchema),
});
export type RowsChange = z.infer<typeof rowsChangeSchema>;

/** A detected setting: the value used, the one detected, and why (a code the window words, with the English text). */
const guess = <T extends z.ZodType, R extends z.ZodType>(value: T, reason: R) =>
  z.object({ value, detected: value, confidence: z.number().min(0).max(1), reason });

export const progressSchema = z.object({
  rowsRead: count,
  bytesRead: count,
  bytesTotal: count,
  done: z.boolean(),
});
export type Progress = z.infer<typeof progressSchema>;

export const sheetViewSchema = z.object({
  sheetId: sheetIdSchema,
  fileName: z.string(),
  /** SHA-256 of the file's bytes, in hex. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(FILE_FORMATS),
  /** Text files only. */
  encoding: guess(z.enum(ENCODING_IDS), encodingReasonSchema).nullable(),
  delimiter: guess(z.enum(DELIMITER_IDS), delimiterReasonSchema).nullable(),
  /** Workbooks only; a text file has none. */
  sheets: z.array(z.object({ index: count, name: z.string(), hidden: z.boolean() })),
  sheet: count,
  headerRow: z.object({ value: count.nullable(), detected: count.nullable(), reason: headerReasonSchema }),
  /** The first rows with content, to pick the header from: index as in SheetSettings.headerRow. */
  headerChoices: z.array(z.object({ index: count, row: count, text: z.string() })),
  columns: z.array(z.string()),
  mapping: columnMappingSchema,
  mappingSource: z.enum(['detected', 'remembered', 'chosen']),
  options: checkOptionsSchema,
  progress: progressSchema,
  summary: summarySchema,
  /** What the reader noticed and kept going past, in the order it noticed. */
  notes: z.array(sheetNoteSchema),
  preview: z.array(rowViewSchema),
});
export type SheetView = z.infer<typeof sheetViewSchema>;
