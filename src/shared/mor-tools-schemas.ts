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

export const addClisInputSchema = z.strictObject({
  profileId: profileIdSchema,
  name: z.string().min(1).max(255),
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
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
