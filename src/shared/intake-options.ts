// What the intake offers the user to choose from; zod-free so every part may import it.

/** In the order a picker lists them: Unicode first, then the code pages Excel writes in the region. */
export const ENCODINGS = [
  { id: 'utf-8', label: 'UTF-8 (Unicode)' },
  { id: 'utf-16le', label: 'UTF-16 LE (Unicode)' },
  { id: 'utf-16be', label: 'UTF-16 BE (Unicode)' },
  { id: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { id: 'windows-1252', label: 'Windows-1252 (Western European)' },
  { id: 'koi8-u', label: 'KOI8-U (Ukrainian)' },
  { id: 'koi8-r', label: 'KOI8-R (Russian)' },
  { id: 'cp866', label: 'CP866 (DOS Cyrillic)' },
] as const;
export type Encoding = (typeof ENCODINGS)[number]['id'];
export const ENCODING_IDS = ENCODINGS.map((e) => e.id) as [Encoding, ...Encoding[]];

export const DELIMITERS = [
  { id: ',', label: 'Comma' },
  { id: ';', label: 'Semicolon' },
  { id: '\t', label: 'Tab' },
  { id: '|', label: 'Pipe' },
] as const;
export type Delimiter = (typeof DELIMITERS)[number]['id'];
export const DELIMITER_IDS = DELIMITERS.map((d) => d.id) as [Delimiter, ...Delimiter[]];

/** `removed`: taken out by the user; the row keeps its place and data, is never sent, and can be restored. */
export const ROW_STATUSES = ['valid', 'invalid', 'duplicate', 'removed'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export const ROW_FILTERS = ['all', 'valid', 'invalid', 'duplicate', 'removed'] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

export const CHECK_MODES = ['e164', 'digits'] as const;
export type CheckMode = (typeof CHECK_MODES)[number];

/** Why a number was not taken. Stable codes: the CLI's JSON and receipts carry them. */
export const ISSUE_REASONS = [
  'empty',
  'not-a-number',
  'too-short',
  'too-long',
  'invalid-country-code',
  'invalid-for-country',
  'digits-lost',
  'filtered-type',
  'duplicate',
  'no-phone-column',
] as const;
export type IssueReason = (typeof ISSUE_REASONS)[number];

export const NUMBER_TYPES = [
  'MOBILE',
  'FIXED_LINE',
  'FIXED_LINE_OR_MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
