// What the window, the core and the CLI say about upload jobs; zod-free so all three share it.
import { RECEIPT_STATUSES, type ReceiptRow, type ReceiptStatus } from './receipt';

/**
 * running: being sent now (here or by another Dialsheet). paused: stopped by the user, resumable.
 * interrupted: Dialsheet stopped while sending (a crash, a kill, a power cut): resumable.
 * cancelled: stopped by the user; what was not sent is rejected "Not sent" and can be retried.
 * finished: every number has an outcome.
 */
export const JOB_STATES = ['running', 'paused', 'interrupted', 'cancelled', 'finished'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** A row of a job not finished yet may still be waiting to be sent. */
export const JOB_ROW_STATUSES = [...RECEIPT_STATUSES, 'waiting'] as const;
export type JobRowStatus = (typeof JOB_ROW_STATUSES)[number];

export interface JobRow extends Omit<ReceiptRow, 'status'> {
  readonly status: JobRowStatus;
}

export type JobCounts = Record<JobRowStatus, number>;

export function emptyJobCounts(): JobCounts {
  return { imported: 0, rejected: 0, invalid: 0, duplicate: 0, unknown: 0, waiting: 0 };
}

export function countJobRows(rows: Iterable<Pick<JobRow, 'status'>>): JobCounts {
  const counts = emptyJobCounts();
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

export function isReceiptStatus(status: JobRowStatus): status is ReceiptStatus {
  return status !== 'waiting';
}

/** What the history shows of one job. */
export interface JobSummary {
  readonly id: string;
  readonly profileName: string;
  readonly provider: 'mor' | 'ringostat' | 'isales';
  readonly campaignId: string;
  readonly fileName: string;
  readonly contentSha256: string;
  /** ISO time the job was created. */
  readonly createdAt: string;
  /** Time spent sending, over every run of the job. */
  readonly durationMs: number;
  readonly state: JobState;
  /** Data rows of the source file; the counts add up to it. */
  readonly rows: number;
  readonly counts: JobCounts;
  /** Numbers to send, and how many of them have an outcome. */
  readonly numbers: number;
  readonly numbersDone: number;
  /** Rows with an unknown number the user has not yet chosen about (send again, or leave). */
  readonly undecided: number;
}

/** What "Send again" and "Leave" do to the unknown numbers of a job. */
export const UNKNOWN_CHOICES = ['resend', 'leave'] as const;
export type UnknownChoice = (typeof UNKNOWN_CHOICES)[number];

export const RECEIPT_FORMATS = ['csv', 'xlsx'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];
