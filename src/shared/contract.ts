import { z } from 'zod';

import type { CallName, EventName } from './channels';
import { MAX_ROWS_PER_WINDOW, MAX_UPLOAD_BYTES } from './limits';

const sheetId = z.string().regex(/^sheet-[0-9a-f]{16}$/, 'not a sheet id');

export const sheetSummarySchema = z.object({
  sheetId,
  fileName: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  columns: z.array(z.string()),
  rowCount: z.number().int().nonnegative(),
  preview: z.array(z.array(z.string())),
  notes: z.array(z.string()),
});
export type SheetSummary = z.infer<typeof sheetSummarySchema>;

const noInput = z.object({}).strict();

/** One schema pair per call: what the renderer may send, and what it gets back. */
export const calls = {
  appInfo: {
    input: noInput,
    output: z.object({ name: z.string(), version: z.string() }),
  },
  openSheetPath: {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: sheetSummarySchema,
  },
  openSheetBytes: {
    input: z
      .object({
        name: z.string().min(1).max(255),
        // base64 grows bytes by 4/3; the bound keeps a hostile payload from being decoded at all.
        dataBase64: z
          .string()
          .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      })
      .strict(),
    output: sheetSummarySchema,
  },
  sheetRows: {
    input: z
      .object({
        sheetId,
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(MAX_ROWS_PER_WINDOW),
      })
      .strict(),
    output: z.object({ offset: z.number().int(), rows: z.array(z.array(z.string())), rowCount: z.number().int() }),
  },
  closeSheet: {
    input: z.object({ sheetId }).strict(),
    output: z.object({ closed: z.boolean() }),
  },
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

/** One schema per event that main pushes to the renderer. */
export const events = {
  sheetProgress: z.object({
    fileName: z.string(),
    rowsRead: z.number().int().nonnegative(),
    bytesRead: z.number().int().nonnegative(),
    bytesTotal: z.number().int().nonnegative(),
    done: z.boolean(),
  }),
} as const satisfies Record<EventName, z.ZodType>;

export type CallInput<K extends CallName> = z.infer<(typeof calls)[K]['input']>;
export type CallOutput<K extends CallName> = z.infer<(typeof calls)[K]['output']>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
