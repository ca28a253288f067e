/** parse.js MAX_INPUT_STRING_LENGTH: longer text is refused before any parsing. */
const MAX_INPUT_LENGTH = 250;

/**
 * Punctuation, then at most one '+', then ASCII digits and the separators " -.()" only. For such
 * text libphonenumber-js's extraction, viability and extension checks reduce to "take the digits"
 * (extensions need letters, '#', ',' or ';'). A '+' after a digit, a second '+', tabs,
 * non-ASCII digits and everything else are left to the library.
 */
const SIMPLE_SHAPE = /^[ \-.()]*(\+?)[0-9 \-.()]*$/;
const NOT_A_DIGIT = /[^0-9]/g;

/** isViablePhoneNumber() wants three digits except for a bare two-digit string; that edge goes to the library. */
const MIN_DIGITS = 3;

export interface SimpleShape {
  readonly international: boolean;
  readonly digits: string;
}

export function readSimpleShape(raw: string): SimpleShape | undefined {
  if (raw.length > MAX_INPUT_LENGTH) return undefined;
  const shape = SIMPLE_SHAPE.exec(raw);
  if (shape === null) return undefined;
  const digits = raw.replace(NOT_A_DIGIT, '');
  if (digits.length < MIN_DIGITS) return undefined;
  return { international: shape[1] === '+', digits };
}
