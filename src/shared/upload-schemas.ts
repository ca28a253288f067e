import { z } from 'zod';

import { JOB_ROW_STATUSES, JOB_STATES, RECEIPT_FORMATS, UNKNOWN_CHOICES } from './jobs';
import { PROVIDERS, campaignIdSchema, concurrencySchema, numbersPerFileSchema, profileIdSchema, requestsPerSecondSchema } from './profiles/profile-schemas';
import { RECEIPT_STATUSES, SKIP_REASONS } from './receipt';
import { sheetIdSchema } from './sheet-schemas';

const count = z.number().int().nonnegative();

export const jobIdSchema = z.string().regex(/^j\d{8}-\d{6}-[0-9a-f]{6}$/, 'not a job id');

/** A CC-iSales scheduled import: the next time the server's clock shows hour:minute. */
export const scheduledAtSchema = z.strictObject({
  hour: z.int('Give the hour as a whole number.').min(0, 'The hour is 0 to 23.').max(23, 'The hour is 0 to 23.'),
  minute: z.int('Give the minute as a whole number.').min(0, 'The minute is 0 to 59.').max(59, 'The minute is 0 to 59.'),
});
export type ScheduledAt = z.infer<typeof scheduledAtSchema>;

/** "21:05": an import time as the user writes it, in any language. */
export function clockTime(at: ScheduledAt): string {
  return `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
}

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

const reason = z.enum(SKIP_REASONS).optional();
export const receiptRowSchema = z.strictObject({ row: count, number: z.string(), status: z.enum(RECEIPT_STATUSES), message: z.string(), reason });

/** One batch: `label` in English (the command line's), `index` from 1 of the summary's `batchCount`, for the window to word by `travel.kind`. */
export const planBatchSchema = z.strictObject({ label: z.string(), index: count, firstRow: count, lastRow: count, numbers: count });

/**
 * How the rows travel, in figures: the window words them in its language, the command line has
 * them in English (`batches`). MOR: CSV files of up to perFile numbers, one after another.
 * Ringostat: one request per number, at most requestsPerSecond a second and concurrency at once,
 * about `seconds` in all. CC-iSales without SFTP: add-numbers calls of up to perCall numbers, a
 * second apart; with SFTP: call-data files put on `server` (sftp://host:port/dir), imported by
 * CC-iSales `at` the server's clock, or at once when null.
 */
export const planTravelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mor-files'), files: count, perFile: count }),
  z.strictObject({ kind: z.literal('ringostat-requests'), requests: count, concurrency: count, requestsPerSecond: z.number().positive(), seconds: count }),
  z.strictObject({ kind: z.literal('isales-calls'), calls: count, perCall: count, seconds: count }),
  z.strictObject({ kind: z.literal('isales-files'), files: count, server: z.string(), at: scheduledAtSchema.nullable() }),
]);
export type PlanTravel = z.infer<typeof planTravelSchema>;

export const planSummarySchema = z.strictObject({
  provider: z.enum(PROVIDERS),
  campaignId: z.string(),
  rows: count,
  planned: count,
  numbers: count,
  invalid: count,
  duplicate: count,
  /** How the rows travel, in English words for the command line: files, requests or calls. */
  batches: z.string(),
  /** The same in figures, for the window to word in its language. */
  travel: planTravelSchema,
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

export const jobRowSchema = z.strictObject({ row: count, number: z.string(), status: z.enum(JOB_ROW_STATUSES), message: z.string(), reason });

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
