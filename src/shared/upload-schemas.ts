import { z } from 'zod';

import { JOB_ROW_STATUSES, JOB_STATES, RECEIPT_FORMATS, UNKNOWN_CHOICES } from './jobs';
import { PROVIDERS, campaignIdSchema, profileIdSchema } from './profiles/profile-schemas';
import { RECEIPT_STATUSES } from './receipt';
import { sheetIdSchema } from './sheet-schemas';

const count = z.number().int().nonnegative();

export const jobIdSchema = z.string().regex(/^j\d{8}-\d{6}-[0-9a-f]{6}$/, 'not a job id');

/** The open sheet, the profile, and the campaign (the profile's default when left out). */
export const uploadTargetSchema = z.strictObject({ sheetId: sheetIdSchema, profileId: profileIdSchema, campaignId: campaignIdSchema.optional() });

export const receiptRowSchema = z.strictObject({ row: count, number: z.string(), status: z.enum(RECEIPT_STATUSES), message: z.string() });

export const planBatchSchema = z.strictObject({ label: z.string(), firstRow: count, lastRow: count, numbers: count });

export const planSummarySchema = z.strictObject({
  provider: z.enum(PROVIDERS),
  campaignId: z.string(),
  rows: count,
  planned: count,
  numbers: count,
  invalid: count,
  duplicate: count,
  /** How the rows travel, in words: files, requests or calls. */
  batches: z.string(),
  /** The first batches one by one (files or calls); `batchCount` says how many there are in all. */
  batchList: z.array(planBatchSchema),
  batchCount: count,
  /** The first rows that will not be sent, with why; invalid + duplicate says how many in all. */
  skipped: z.array(receiptRowSchema),
});

export const jobCountsSchema = z.strictObject({ imported: count, rejected: count, invalid: count, duplicate: count, unknown: count, waiting: count });

export const jobSummarySchema = z.strictObject({
  id: jobIdSchema,
  profileName: z.string(),
  provider: z.enum(PROVIDERS),
  campaignId: z.string(),
  fileName: z.string(),
  contentSha256: z.string(),
  createdAt: z.string(),
  durationMs: count,
  state: z.enum(JOB_STATES),
  rows: count,
  counts: jobCountsSchema,
  numbers: count,
  numbersDone: count,
  undecided: count,
});

export const jobRowSchema = z.strictObject({ row: count, number: z.string(), status: z.enum(JOB_ROW_STATUSES), message: z.string() });

export const jobInputSchema = z.strictObject({ jobId: jobIdSchema });

export const receiptRowsInputSchema = z.strictObject({
  jobId: jobIdSchema,
  offset: count,
  limit: z.number().int().min(1).max(1000),
  status: z.enum([...JOB_ROW_STATUSES, 'all']),
});

export const decideUnknownInputSchema = z.strictObject({ jobId: jobIdSchema, choice: z.enum(UNKNOWN_CHOICES) });

export const exportReceiptInputSchema = z.strictObject({ jobId: jobIdSchema, format: z.enum(RECEIPT_FORMATS) });
export const exportReceiptOutputSchema = z.strictObject({ fileName: z.string(), dataBase64: z.string() });

export const jobProgressSchema = z.strictObject({
  jobId: jobIdSchema,
  done: count,
  total: count,
  ratePerSecond: z.number().nonnegative(),
  etaSeconds: count.nullable(),
});
