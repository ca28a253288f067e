import type { IssueReason, NumberType, RowStatus } from '../../shared/intake-options';

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
