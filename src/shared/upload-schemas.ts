import { z } from 'zod';

import { JOB_ROW_STATUSES, JOB_STATES, RECEIPT_FORMATS, UNKNOWN_CHOICES } from './jobs';
import { PROVIDERS, campaignIdSchema, concurrencySchema, numbersPerFileSchema, profileIdSchema, requestsPerSecondSchema } from './profiles/profile-schemas';
import { RECEIPT_STATUSES } from './receipt';
import { sheetIdSchema } from './sheet-schemas';

const count = z.number().int().nonnegative();

export const jobIdSchema = z.string().regex(/^j\d{8}-\d{6}-[0-9a-f]{6}$/, 'not a job id');

/** A CC-iSales scheduled import: the next time the server's clock shows hour:minute. */
export const scheduledAtSchema = z.strictObject({
  hour: z.int('Give the hour as a whole number.').min(0, 'The hour is 0 to 23.').max(23, 'The hour is 0 to 23.'),
  minute: z.int('Give the minute as a whole number.').min(0, 'The minute is 0 to 59.').max(59, 'The minute is 0 to 59.'),
});

/**
 * One upload's own choices, over the profile's defaults. Each belongs to one provider: MOR
 * numbersPerFile; Ringostat concurrency and requestsPerSecond; CC-iSales with an SFTP server
 * `at` (the JSON add-numbers API has no schedule). The core refuses a choice the profile cannot use.
 */
export const uploadOptionsSchema = z.strictObject({
  numbersPerFile: numbersPerFileSchema.optional(),
  concurrency: concurrencySchema.optional(),
  requestsPerSecond: requestsPerSecondSchema.optional(),
  at: scheduledAtSchema.optional(),
});
export type UploadOptions = z.infer<typeof uploadOptionsSchema>;

/** The open sheet, the profile, the campaign (the profile's default when left out), and this upload's choices. */
export const uploadTargetSchema = z.strictObject({
  sheetId: sheetIdSchema,
  profileId: profileIdSchema,
  campaignId: campaignIdSchema.optional(),
  options: uploadOptionsSchema.optional(),
});

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
  /**
   * What the upload will use, the profile's defaults with this upload's choices over them: MOR
   * {numbersPerFile}; Ringostat {concurrency, requestsPerSecond}; CC-iSales files {at} when an
   * import time was chosen. Null when there is nothing of the kind (CC-iSales imported at once).
   */
  options: uploadOptionsSchema.nullable(),
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
