/**
 * What went wrong with a MOR call, decided from the answer. The first group are MOR's own
 * `<error>` texts as the wiki documents them; the second group are answers that could not be read.
 */
export type MorErrorKind =
  | 'incorrect-hash'
  | 'access-denied'
  | 'not-authorized'
  | 'campaign-not-found'
  | 'campaign-has-no-numbers'
  | 'file-empty'
  | 'file-missing'
  | 'file-not-csv'
  | 'cli-not-numeric'
  | 'cli-exists'
  | 'cli-number-empty'
  | 'ivr-not-found'
  | 'device-id-empty'
  | 'other'
  | 'empty-body'
  | 'bad-gzip'
  | 'too-large'
  | 'html-page'
  | 'not-xml'
  | 'unexpected-answer';

export interface MorError {
  readonly kind: MorErrorKind;
  /** MOR's own words (the `<error>` text), or a short quote of a body that could not be read. */
  readonly providerText: string;
  /** What it means and what to do next, for the user. Never holds the API secret. */
  readonly message: string;
}

// Matched on the start of the text so a MOR build that appends detail still classifies; the
// wiki spells "authorized" and "authorised" on different pages.
const KNOWN_ERRORS: ReadonlyArray<readonly [RegExp, MorErrorKind]> = [
  [/^incorrect hash/i, 'incorrect-hash'],
  [/^access denied/i, 'access-denied'],
  [/^you are not authori[sz]ed to use this functionality/i, 'not-authorized'],
  [/^campaign was not found/i, 'campaign-not-found'],
  [/^campaign does not have any numbers/i, 'campaign-has-no-numbers'],
  [/^file is empty/i, 'file-empty'],
  [/^please provide a file/i, 'file-missing'],
  [/^please provide csv file/i, 'file-not-csv'],
  [/^cli must be numeric/i, 'cli-not-numeric'],
  [/^cli already exists/i, 'cli-exists'],
  [/^cli number cannot be empty/i, 'cli-number-empty'],
  [/^ivr was not found/i, 'ivr-not-found'],
  [/^device id cannot be empty/i, 'device-id-empty'],
];

export function classifyMorError(text: string): MorErrorKind {
  const trimmed = text.trim();
  return KNOWN_ERRORS.find(([pattern]) => pattern.test(trimmed))?.[1] ?? 'other';
}

const MESSAGES: Record<MorErrorKind, string> = {
  'incorrect-hash':
    'MOR refused the request signature ("Incorrect hash"). Check the API secret key in this profile against SETTINGS > Setup > Settings > API on the MOR server.',
  'access-denied': 'MOR does not know this API user ("Access Denied"). Check the username in this profile.',
  'not-authorized':
    'This MOR user may not use this function. Autodialer calls must use the simple user who owns the campaign; an accountant needs the matching permission.',
  'campaign-not-found': 'MOR has no campaign with this ID for this user. Check the campaign ID.',
  'campaign-has-no-numbers': 'The MOR campaign has no numbers yet, so there are no results to fetch.',
  'file-empty': 'MOR received an empty file. Nothing was imported.',
  'file-missing': 'MOR did not receive the number file. Nothing was imported.',
  'file-not-csv': 'MOR refused the file because its name does not end in .csv. Nothing was imported.',
  'cli-not-numeric': 'MOR accepts only digits as a CLI number.',
  'cli-exists': 'This CLI already exists on MOR; its error names the owner.',
  'cli-number-empty': 'The CLI number is empty.',
  'ivr-not-found': 'MOR has no IVR with this ID.',
  'device-id-empty': 'The device ID is empty.',
  other: 'MOR refused the request with an error this tool does not recognise; its words are quoted.',
  'empty-body': 'MOR answered with an empty body. Check the server address and that the API is enabled.',
  'bad-gzip': 'MOR answered with a compressed body that could not be unpacked; the answer may have been cut off.',
  'too-large': 'MOR answered with more data than this tool accepts in one answer.',
  'html-page':
    'The server answered with a web page instead of MOR API XML. Check the server address (it usually ends in /billing) and that the API is enabled.',
  'not-xml': 'The server answered with something that is not MOR API XML.',
  'unexpected-answer': 'MOR answered without an error, but not in the form its documentation describes.',
};

export function morError(kind: MorErrorKind, providerText: string): MorError {
  return { kind, providerText, message: MESSAGES[kind] };
}
