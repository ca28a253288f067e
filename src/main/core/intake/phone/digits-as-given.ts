import { phoneProblem, quoteCell, type PhoneResult } from './phone-result';

/** An optional leading '+', then digits and the separators people type between groups. */
const DIGITS_WITH_SEPARATORS = /^\+?[0-9\s\-.()/]*$/;
const NOT_A_DIGIT = /\D/g;

/** Fewer digits cannot be dialled; MOR's own sample file uses nine-digit test numbers. */
export const MIN_GIVEN_DIGITS = 3;
/** iSales' calledNo limit, and more than any dialable string needs. */
export const MAX_GIVEN_DIGITS = 24;

/**
 * "Digits as given": for switches that dial exactly what they receive, so nothing is validated
 * against a numbering plan and no prefix is added or removed; only separators and a leading '+'
 * go. `cell` is already trimmed and known not to be empty or Excel-mangled.
 */
export function digitsAsGiven(cell: string): PhoneResult {
  if (!DIGITS_WITH_SEPARATORS.test(cell)) {
    return phoneProblem(
      'not-a-number',
      `${quoteCell(cell)} is not a phone number: only digits, spaces, - . ( ) / and a leading + may appear; notes belong in another column.`,
    );
  }
  const digits = cell.replace(NOT_A_DIGIT, '');
  if (digits.length < MIN_GIVEN_DIGITS) {
    return phoneProblem('too-short', `${quoteCell(cell)} has ${digits.length} digits; at least ${MIN_GIVEN_DIGITS} are needed to dial.`);
  }
  if (digits.length > MAX_GIVEN_DIGITS) {
    return phoneProblem('too-long', `${quoteCell(cell)} has ${digits.length} digits; at most ${MAX_GIVEN_DIGITS} can be dialled, so check for two numbers run together.`);
  }
  return { ok: true, e164: '+' + digits, digits };
}
