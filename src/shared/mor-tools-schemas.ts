import { z } from 'zod';

import { RECEIPT_FORMATS } from './jobs';
import { MAX_UPLOAD_BYTES } from './limits';
import { profileIdSchema } from './profiles/profile-schemas';

const count = z.number().int().nonnegative();

export const ivrResultsInputSchema = z.strictObject({ profileId: profileIdSchema, campaignId: z.string().min(1).max(32) });
export const ivrResultsOutputSchema = z.strictObject({
  campaign: count,
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** MOR's result string exactly as it came. */
  raw: z.string(),
});

/** The same columns as `dialsheet ivr-results --out`, as a CSV (UTF-8 with BOM) or XLSX file. */
export const exportIvrResultsInputSchema = z.strictObject({
  profileId: profileIdSchema,
  campaignId: z.string().min(1).max(32),
  format: z.enum(RECEIPT_FORMATS),
});
export const exportIvrResultsOutputSchema = z.strictObject({ fileName: z.string(), dataBase64: z.string() });

/** A sheet of CLIs as the window sends it: its file name and bytes. */
const cliSheetFileShape = {
  name: z.string().min(1).max(255),
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
};

export const addClisInputSchema = z.strictObject({ profileId: profileIdSchema, ...cliSheetFileShape });

/** What a column of a CLI sheet holds: one per cli_add parameter, in the order the window lists them. */
export const CLI_COLUMN_ROLES = ['device', 'number', 'domain', 'description', 'comment', 'banned', 'ivr'] as const;
export type CliColumnRole = (typeof CLI_COLUMN_ROLES)[number];

/** checkClis takes the same sheet as addClis, without a profile: it reads and checks, and sends nothing. */
export const checkClisInputSchema = z.strictObject(cliSheetFileShape);
export const checkClisOutputSchema = z.strictObject({
  /** Rows addClis would send, and rows it would leave out as invalid (the same check, the same words). */
  ready: count,
  invalid: count,
  /** The columns recognised, in sheet order: the header as written and what it holds. */
  columns: z.array(z.strictObject({ role: z.enum(CLI_COLUMN_ROLES), header: z.string() })),
  rows: z.array(
    z.strictObject({
      row: count,
      device: z.string(),
      cli: z.string(),
      /** The optional cells as read (trimmed), '' when empty or when the sheet has no such column. */
      description: z.string(),
      comment: z.string(),
      banned: z.string(),
      ivr: z.string(),
      status: z.enum(['ready', 'invalid']),
      /** Why the row is invalid, in the words addClis gives it; '' for a ready row. */
      message: z.string(),
    }),
  ),
  notes: z.array(z.string()),
});
/** Names one addClis run whose receipt the main process keeps for export; progress events carry it too. */
export const cliRunIdSchema = z.string().regex(/^clis-[0-9a-f]{12}$/, 'not a CLI run id');

export const addClisOutputSchema = z.strictObject({
  runId: cliRunIdSchema,
  added: count,
  rejected: count,
  invalid: count,
  unknown: count,
  rows: z.array(z.strictObject({ row: count, device: z.string(), cli: z.string(), status: z.enum(['added', 'rejected', 'invalid', 'unknown']), message: z.string() })),
  notes: z.array(z.string()),
});

/** How far an addClis run is: rows with an outcome of all rows, at most every 100 ms and always at the end. */
export const cliProgressSchema = z.strictObject({ runId: cliRunIdSchema, done: count, total: count });

/** A past addClis run's receipt (kept in the main process) as a CSV (UTF-8 with BOM) or XLSX file. */
export const exportCliReceiptInputSchema = z.strictObject({ runId: cliRunIdSchema, format: z.enum(RECEIPT_FORMATS) });
export const exportCliReceiptOutputSchema = z.strictObject({ fileName: z.string(), dataBase64: z.string() });
