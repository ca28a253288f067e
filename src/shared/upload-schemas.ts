import { z } from 'zod';

import { PROVIDERS, campaignIdSchema, profileIdSchema } from './profiles/profile-schemas';
import { RECEIPT_STATUSES } from './receipt';
import { sheetIdSchema } from './sheet-schemas';

const count = z.number().int().nonnegative();

export const uploadIdSchema = z.string().regex(/^upload-[0-9a-f]{16}$/, 'not an upload id');

/** The open sheet, the profile, and the campaign (the profile's default when left out). */
export const uploadTargetSchema = z.strictObject({ sheetId: sheetIdSchema, profileId: profileIdSchema, campaignId: campaignIdSchema.optional() });

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
});

export const receiptCountsSchema = z.strictObject({ imported: count, rejected: count, invalid: count, duplicate: count, unknown: count });

export const sentSchema = z.strictObject({ uploadId: uploadIdSchema, provider: z.enum(PROVIDERS), campaignId: z.string(), counts: receiptCountsSchema });

export const receiptRowSchema = z.strictObject({ row: count, number: z.string(), status: z.enum(RECEIPT_STATUSES), message: z.string() });

export const receiptRowsInputSchema = z.strictObject({
  uploadId: uploadIdSchema,
  offset: count,
  limit: z.number().int().min(1).max(1000),
  status: z.enum([...RECEIPT_STATUSES, 'all']),
});

export const uploadProgressSchema = z.strictObject({ uploadId: uploadIdSchema, done: count, total: count });
