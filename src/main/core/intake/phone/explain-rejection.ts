import { describeLengths, planLabel } from './country-name';
import { planFor } from './fast-plan';
import { checkNumberLength } from './number-length';
import type { LibraryParseError, PhoneAnswer } from './phone-answer';
import { phoneProblem, quoteCell, type PhoneProblem } from './phone-result';

type Parsed = Extract<PhoneAnswer, { parsed: true }>;

const LETTER = /\p{L}/u;

function unparsed(error: LibraryParseError, cell: string): PhoneProblem {
  const quoted = quoteCell(cell);
  switch (error) {
    case 'INVALID_COUNTRY':
      return phoneProblem('invalid-country-code', `${quoted} does not start with a known country calling code; check the digits after the +.`);
    case 'TOO_SHORT':
      return phoneProblem('too-short', `${quoted} has too few digits to be a phone number; check for missing digits.`);
    case 'TOO_LONG':
      return phoneProblem('too-long', `${quoted} is too long to be a phone number; check for extra digits or two numbers run together.`);
    case 'NOT_A_NUMBER':
      return phoneProblem('not-a-number', `${quoted} is not a phone number: there are no digits to dial.`);
  }
}

/** INVALID_LENGTH sits between allowed lengths; call it short or long by the nearest one. */
function nearestSide(length: number, lengths: readonly number[]): 'too-short' | 'too-long' {
  let nearest = lengths[0] ?? length;
  for (const candidate of lengths) {
    if (Math.abs(candidate - length) <= Math.abs(nearest - length)) nearest = candidate;
  }
  return nearest > length ? 'too-short' : 'too-long';
}

function invalidNumber(answer: Parsed, cell: string): PhoneProblem {
  const { callingCode, nationalNumber, country } = answer;
  // Same plan validatePhoneNumberLength() checks: the country's, else the calling code's.
  const lengths = planFor(country ?? callingCode).possibleLengths ?? [];
  const verdict = checkNumberLength(nationalNumber, lengths);
  const quoted = quoteCell(cell);
  const where = planLabel(country, callingCode);
  if (verdict === 'IS_POSSIBLE') {
    return phoneProblem(
      'invalid-for-country',
      `${quoted} (+${callingCode} ${nationalNumber}) has the right length but is not a valid number for ${where}; ` +
        "check the digits, or the list's country if the number is from elsewhere.",
    );
  }
  const reason = verdict === 'TOO_SHORT' ? 'too-short' : verdict === 'TOO_LONG' ? 'too-long' : nearestSide(nationalNumber.length, lengths);
  const which = reason === 'too-short' ? 'too short' : 'too long';
  // No digit count: when the national prefix could not come off, the library's count includes it.
  return phoneProblem(
    reason,
    `${quoted} is ${which}: ${where} numbers have ${describeLengths(lengths)} digits after +${callingCode}; ` +
      `check for ${reason === 'too-short' ? 'missing' : 'extra'} digits.`,
  );
}

/**
 * Why libphonenumber-js refused a cell, in the words a supervisor can act on. Letters come first:
 * "093 123 45 6x" is better told as "has letters" than as "too short".
 */
export function explainRejection(answer: PhoneAnswer, cell: string): PhoneProblem {
  if (LETTER.test(cell)) {
    return phoneProblem('not-a-number', `${quoteCell(cell)} is not a phone number: it contains letters; notes belong in another column.`);
  }
  return answer.parsed ? invalidNumber(answer, cell) : unparsed(answer.error, cell);
}

