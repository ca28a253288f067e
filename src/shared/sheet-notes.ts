import { z } from 'zod';

import { ENCODING_IDS } from './intake-options';

/**
 * What the intake says about a file it read, as codes with their figures: the window words them in
 * its language. Each also carries `text`, the core's English sentence, which the command line and
 * the logs print as they always did.
 */
const count = z.number().int().nonnegative();
const text = z.string();
const encoding = z.enum(ENCODING_IDS);

const note = <C extends string, P extends z.ZodRawShape>(code: C, params: P) => z.strictObject({ code: z.literal(code), ...params, text });

/** How the phone column was chosen when nothing was remembered for these headers; also a note. */
const mappingReasons = [
  /** Its header is a phone word ("Телефон", "Mobile"). */
  note('phone-column-from-header', { columns: z.array(z.string()) }),
  /** A weaker word ("Номер") and contents that look like numbers. */
  note('phone-column-from-header-and-contents', { columns: z.array(z.string()) }),
  /** No header word at all, but most of its cells look like phone numbers. */
  note('phone-column-from-contents', { column: z.string() }),
  note('no-phone-column', {}),
] as const;
export const mappingReasonSchema = z.discriminatedUnion('code', mappingReasons);
export type MappingReason = z.infer<typeof mappingReasonSchema>;

export const sheetNoteSchema = z.discriminatedUnion('code', [
  ...mappingReasons,
  /** Titles above the header; `row` and `content` are the first of them (`content` cut to 60 characters). */
  note('rows-above-header-skipped', { count, row: count, content: z.string() }),
  note('blank-rows-skipped', { count }),
  note('no-data-rows', {}),
  /** A workbook of several sheets, showing `sheet` (its name). */
  note('several-sheets', { fileName: z.string(), count, sheet: z.string() }),
  /** Cells past `limit` are dropped, noted once for the first such row. */
  note('wide-row', { row: count, limit: count }),
  note('unclosed-quote', { row: count }),
  note('nul-bytes-removed', { count }),
  /**
   * The rest of the file could not be read. `message` is the reader's own English words (a
   * UserError from the XLSX or CSV reader) and stays English; null when nothing more is known.
   */
  note('reading-stopped', { row: count, message: z.string().nullable() }),
  /** Rows the user removed are back after the file was read again with other settings. */
  note('removed-rows-back', { count }),
]);
export type SheetNote = z.infer<typeof sheetNoteSchema>;
export type SheetNoteCode = SheetNote['code'];

export const encodingReasonSchema = z.discriminatedUnion('code', [
  note('byte-order-mark', { encoding }),
  /** No byte-order mark, but a zero byte at every other position. */
  note('utf16-zero-bytes', { encoding }),
  note('ascii-only', {}),
  note('valid-utf8', { characters: count }),
  /** `invalidBytes` show as the replacement character. */
  note('mostly-utf8', { characters: count, invalidBytes: count }),
  /** `plausible` of `nonAscii` characters form plausible words read as `encoding`. */
  note('code-page', { encoding, plausible: count, nonAscii: count, runnerUp: encoding.nullable() }),
]);
export type EncodingReason = z.infer<typeof encodingReasonSchema>;

export const delimiterReasonSchema = z.discriminatedUnion('code', [
  note('one-column', {}),
  /** `confidence` in whole percent. */
  note('splits-evenly', { confidence: z.number().int().min(0).max(100) }),
]);
export type DelimiterReason = z.infer<typeof delimiterReasonSchema>;

/** Row numbers count rows with content from 1, as the header picker lists them. */
export const headerReasonSchema = z.discriminatedUnion('code', [
  note('chosen', {}),
  note('first-rows-blank', { rows: count }),
  note('phone-in-first-row', { row: count, number: z.string() }),
  /** `titleFrom`: the first row above it, taken as a title; null when the header is the first row. */
  note('names-columns', { row: count, cells: z.array(z.string()), titleFrom: count.nullable() }),
  note('no-header-found', { rows: count }),
  note('text-above-numbers', { row: count, numbersFrom: count, titleFrom: count.nullable() }),
]);
export type HeaderReason = z.infer<typeof headerReasonSchema>;

/** A note or reason without its English text: what the core decides, before it is worded. */
export type Unworded<T> = T extends unknown ? Omit<T, 'text'> : never;
