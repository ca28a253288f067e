import { z } from 'zod';

import type { CallName, EventName } from './channels';
import { ISSUE_REASONS, ROW_FILTERS } from './intake-options';
import { MAX_ROWS_PER_WINDOW, MAX_UPLOAD_BYTES } from './limits';
import {
  listedProfileSchema,
  pinCertificateInputSchema,
  pinHostKeyInputSchema,
  saveProfileInputSchema,
  testConnectionInputSchema,
  testVerdictSchema,
} from './profiles/profile-call-schemas';
import { profileIdSchema } from './profiles/profile-schemas';
import {
  checkOptionsSchema,
  columnMappingSchema,
  progressSchema,
  rowsChangeInputSchema,
  rowsChangeSchema,
  rowViewSchema,
  sheetIdSchema,
  sheetSettingsSchema,
  sheetViewSchema,
  summarySchema,
} from './sheet-schemas';
import {
  addClisInputSchema,
  addClisOutputSchema,
  checkClisInputSchema,
  checkClisOutputSchema,
  cliProgressSchema,
  exportCliReceiptInputSchema,
  exportCliReceiptOutputSchema,
  exportIvrResultsInputSchema,
  exportIvrResultsOutputSchema,
  ivrResultsInputSchema,
  ivrResultsOutputSchema,
} from './mor-tools-schemas';
import {
  decideUnknownInputSchema,
  exportReceiptInputSchema,
  exportReceiptOutputSchema,
  jobInputSchema,
  jobProgressSchema,
  jobRowSchema,
  jobSummarySchema,
  planSummarySchema,
  receiptRowsInputSchema,
  uploadTargetSchema,
} from './upload-schemas';

export type { SheetView } from './sheet-schemas';
export type { PinPrompt, TestVerdict } from './profiles/profile-call-schemas';

const noInput = z.object({}).strict();

/** One schema pair per call: what the renderer may send, and what it gets back. */
export const calls = {
  appInfo: {
    input: noInput,
    output: z.object({ name: z.string(), version: z.string(), countries: z.array(z.string()), defaultCountry: z.string() }),
  },
  openSheetPath: {
    input: z.object({ path: z.string().min(1).max(4096), settings: sheetSettingsSchema.optional() }).strict(),
    output: sheetViewSchema,
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
        settings: sheetSettingsSchema.optional(),
      })
      .strict(),
    output: sheetViewSchema,
  },
  /** Reads the same file again with the user's choice of encoding, delimiter, sheet or header row. */
  reopenSheet: {
    input: z.object({ sheetId: sheetIdSchema, settings: sheetSettingsSchema }).strict(),
    output: sheetViewSchema,
  },
  setMapping: {
    input: z.object({ sheetId: sheetIdSchema, mapping: columnMappingSchema }).strict(),
    output: sheetViewSchema,
  },
  setCheckOptions: {
    input: z.object({ sheetId: sheetIdSchema, options: checkOptionsSchema }).strict(),
    output: sheetViewSchema,
  },
  getSheetView: {
    input: z.object({ sheetId: sheetIdSchema }).strict(),
    output: sheetViewSchema,
  },
  sheetRows: {
    input: z
      .object({
        sheetId: sheetIdSchema,
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(MAX_ROWS_PER_WINDOW),
        filter: z.enum(ROW_FILTERS),
        /**
         * Only rows with a number of this reason. With it, 'all' means every row not removed (as
         * summary.byReason counts them), and 'removed' the removed rows whose own check found it.
         */
        reason: z.enum(ISSUE_REASONS).optional(),
      })
      .strict(),
    output: z.object({
      offset: z.number().int(),
      /** Rows that pass the filter (and reason) so far. */
      total: z.number().int(),
      rows: z.array(rowViewSchema),
      done: z.boolean(),
    }),
  },
  /** Changes one cell of a data row and checks that row again. */
  editCell: {
    input: z
      .object({
        sheetId: sheetIdSchema,
        index: z.number().int().nonnegative(),
        column: z.number().int().nonnegative(),
        value: z.string().max(1000),
      })
      .strict(),
    output: z.object({ row: rowViewSchema, summary: summarySchema }),
  },
  /**
   * Takes rows out of what is sent: they keep their place and data, show as `removed`, and
   * duplicates are found again as if they were not there. By index, or every row that sheetRows
   * lists for a filter and reason (refused while the file is still being read).
   */
  removeRows: {
    input: rowsChangeInputSchema,
    output: rowsChangeSchema,
  },
  /** Puts removed rows back, chosen like removeRows' ({ filter: 'removed' } puts back all of them). */
  restoreRows: {
    input: rowsChangeInputSchema,
    output: rowsChangeSchema,
  },
  closeSheet: {
    input: z.object({ sheetId: sheetIdSchema }).strict(),
    output: z.object({ closed: z.boolean() }),
  },
  /** The Demo profiles first (builtIn), then the saved ones; secrets only as "set" / "not set". */
  listProfiles: {
    input: noInput,
    output: z.array(listedProfileSchema),
  },
  /** New or changed; in `secrets` a field left out keeps the stored value and '' clears it. */
  saveProfile: {
    input: saveProfileInputSchema,
    output: listedProfileSchema,
  },
  deleteProfile: {
    input: z.object({ id: profileIdSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }).strict(),
  },
  /** Changes nothing on the server; the verdict may carry a prompt to pin a key or certificate. */
  testConnection: {
    input: testConnectionInputSchema,
    output: testVerdictSchema,
  },
  /** Saves the SFTP host key the user confirmed (offered by testConnection's prompt). */
  pinHostKey: {
    input: pinHostKeyInputSchema,
    output: listedProfileSchema,
  },
  /** Saves the server certificate's fingerprint the user confirmed, replacing any other TLS pin. */
  pinCertificate: {
    input: pinCertificateInputSchema,
    output: listedProfileSchema,
  },
  /** What sending the open sheet would do; sends nothing. */
  planSheetUpload: {
    input: uploadTargetSchema,
    output: planSummarySchema,
  },
  /**
   * Sends the open sheet's valid rows as a job journaled on disk; progress comes as jobProgress
   * events. Answers when the run ends (finished, paused or cancelled) with the job's summary.
   */
  sendSheet: {
    input: uploadTargetSchema,
    output: jobSummarySchema,
  },
  /** Past and present jobs, newest first: the history, and any job a crash interrupted. */
  listJobs: {
    input: noInput,
    output: z.strictObject({ jobs: z.array(jobSummarySchema) }),
  },
  jobSummary: {
    input: jobInputSchema,
    output: jobSummarySchema,
  },
  /** A page of a job's receipt, all rows or those of one status. */
  receiptRows: {
    input: receiptRowsInputSchema,
    output: z.strictObject({ total: z.number().int().nonnegative(), rows: z.array(jobRowSchema) }),
  },
  /** Stops a job after the requests in flight; what is left waits for resumeJob. */
  pauseJob: {
    input: jobInputSchema,
    output: jobSummarySchema,
  },
  /** Sends what is left of a paused or interrupted job; numbers with an outcome are never sent again. */
  resumeJob: {
    input: jobInputSchema,
    output: jobSummarySchema,
  },
  /** Stops a job for good; what was not sent is rejected "Not sent" and can still be retried. */
  cancelJob: {
    input: jobInputSchema,
    output: jobSummarySchema,
  },
  /** Sends again only the job's rejected numbers. */
  retryFailedJob: {
    input: jobInputSchema,
    output: jobSummarySchema,
  },
  /** The user's choice about a job's unknown numbers: send them again, or leave them unknown. */
  decideUnknown: {
    input: decideUnknownInputSchema,
    output: jobSummarySchema,
  },
  /** The receipt as a CSV (UTF-8 with BOM) or XLSX file, for the window to save. */
  exportReceipt: {
    input: exportReceiptInputSchema,
    output: exportReceiptOutputSchema,
  },
  /** A MOR campaign's IVR poll results, as rows and as MOR's raw string. */
  ivrResults: {
    input: ivrResultsInputSchema,
    output: ivrResultsOutputSchema,
  },
  /** A MOR campaign's IVR poll results as a CSV (UTF-8 with BOM) or XLSX file, for the window to save. */
  exportIvrResults: {
    input: exportIvrResultsInputSchema,
    output: exportIvrResultsOutputSchema,
  },
  /**
   * A sheet of CLIs read and checked as addClis would check it, one verdict per row (ready or invalid
   * and why), with the columns recognised; nothing is sent. A sheet without a device and a CLI column
   * is refused with the headers looked for.
   */
  checkClis: {
    input: checkClisInputSchema,
    output: checkClisOutputSchema,
  },
  /**
   * A sheet of CLIs (device id, number or domain, …) checked and added to MOR devices, one outcome per
   * row; progress comes as cliProgress events, and the answer's runId names the receipt for export.
   */
  addClis: {
    input: addClisInputSchema,
    output: addClisOutputSchema,
  },
  /** A recent addClis run's receipt as a CSV (UTF-8 with BOM) or XLSX file, for the window to save. */
  exportCliReceipt: {
    input: exportCliReceiptInputSchema,
    output: exportCliReceiptOutputSchema,
  },
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

/** One schema per event that main pushes to the renderer. */
export const events = {
  sheetProgress: progressSchema.extend({ sheetId: sheetIdSchema, fileName: z.string(), summary: summarySchema }),
  jobProgress: jobProgressSchema,
  cliProgress: cliProgressSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type CallInput<K extends CallName> = z.infer<(typeof calls)[K]['input']>;
export type CallOutput<K extends CallName> = z.infer<(typeof calls)[K]['output']>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
