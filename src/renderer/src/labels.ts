import type { IssueReason, NumberType, RowStatus } from '../../shared/intake-options';
import type { JobRowStatus, JobState, JobSummary } from '../../shared/jobs';
import type { Provider } from '../../shared/profiles/profile-schemas';

export const STATUS_LABELS: Record<RowStatus, string> = { valid: 'Valid', invalid: 'Invalid', duplicate: 'Duplicate' };

export const REASON_LABELS: Record<IssueReason, string> = {
  empty: 'No number',
  'not-a-number': 'Not a number',
  'too-short': 'Too short',
  'too-long': 'Too long',
  'invalid-country-code': 'Unknown country code',
  'invalid-for-country': 'Not valid for the country',
  'digits-lost': 'Digits lost in Excel',
  'filtered-type': 'Filtered out by type',
  duplicate: 'Duplicate',
  'no-phone-column': 'No phone column chosen',
};

export const TYPE_LABELS: Record<NumberType, string> = {
  MOBILE: 'Mobile',
  FIXED_LINE: 'Fixed line',
  FIXED_LINE_OR_MOBILE: 'Fixed or mobile',
  PREMIUM_RATE: 'Premium rate',
  TOLL_FREE: 'Toll free',
  SHARED_COST: 'Shared cost',
  VOIP: 'VoIP',
  PERSONAL_NUMBER: 'Personal',
  PAGER: 'Pager',
  UAN: 'UAN',
  VOICEMAIL: 'Voicemail',
};

export const formatCount = (n: number): string => n.toLocaleString();

// Jobs and receipts: the words the Send panel, the Receipt and the History share.
export const PROVIDER_LABELS: Record<Provider, string> = { mor: 'MOR', ringostat: 'Ringostat', isales: 'CC-iSales' };

export const JOB_STATE_LABELS: Record<JobState, string> = {
  running: 'Sending',
  paused: 'Paused',
  interrupted: 'Interrupted',
  cancelled: 'Cancelled',
  finished: 'Finished',
};

/** Tabs and counts of a receipt, in the order they are shown. */
export const JOB_STATUS_LABELS: Record<JobRowStatus, string> = {
  imported: 'Imported',
  rejected: 'Rejected',
  invalid: 'Invalid',
  duplicate: 'Duplicate',
  unknown: 'Unknown',
  waiting: 'Waiting',
};

/** "3 s", "4 min 5 s", "2 h 10 min": how long a job took or still needs. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return 'under 1 s';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const formatRate = (perSecond: number): string => `${perSecond.toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} numbers/s`;

export const formatWhen = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
};

/** "leads.csv → Ringostat campaign 456", as the desktop notification says it. */
export const jobTarget = (job: Pick<JobSummary, 'fileName' | 'provider' | 'campaignId'>): string =>
  `${job.fileName} → ${PROVIDER_LABELS[job.provider]} campaign ${job.campaignId}`;
