/** Between numbers only: no single number is written with these inside it. */
const ALWAYS_BETWEEN = /[,;|\r\n]+/;
/** Inside a number as often as between numbers: "030/1234567", "044 234 56 78". */
const SLASH = /\s*\/\s*/;
const WHITESPACE = /\s+/;
const NOT_A_DIGIT = /\D/g;

/**
 * A part split off at a slash or a space must be a whole number by itself. Area codes, operator
 * codes and groups ("044", "(093)", "45") are shorter; the shortest subscriber numbers with
 * their area code are not.
 */
const MIN_DIGITS_OF_A_WHOLE_NUMBER = 7;

/**
 * What Excel writes for a numeric cell: "380931234567", "3,8093E+11", "380931234567,5". The comma
 * there is a decimal comma, and the digits-lost check needs the whole value, so it stays whole.
 * A fraction of a whole number's length is a second number instead ("0931234567,0671234567").
 */
const EXCEL_NUMBER = /^[+-]?\d+(?:[.,]\d{1,6})?(?:\s*e\s*[+-]?\d+)?$/i;

const digitCount = (text: string): number => text.replace(NOT_A_DIGIT, '').length;

/** Splits at `separator` only when every part is a whole number; otherwise the text stays one. */
function splitIfWhole(text: string, separator: RegExp): string[] {
  const parts = text.split(separator).filter((part) => part !== '');
  const whole = parts.length > 1 && parts.every((part) => digitCount(part) >= MIN_DIGITS_OF_A_WHOLE_NUMBER);
  return whole ? parts : [text];
}

function splitPart(part: string): string[] {
  return splitIfWhole(part, SLASH).flatMap((piece) => splitIfWhole(piece, WHITESPACE));
}

/**
 * The raw numbers in one cell, in order: "0931234567, 0671234567", "093 123 45 67; 067 123 45 67",
 * one per line, "0931234567 / 0671234567" or "0931234567 0671234567" each give two, while
 * "044 234 56 78", "+38 (093) 123-45-67" and "030/1234567" stay one. Parts are trimmed and empty
 * ones dropped, so a blank cell gives none; parts that are not numbers are kept for the checker
 * to report.
 */
export function splitPhoneCell(cell: string): string[] {
  const text = cell.trim();
  if (text === '') return [];
  if (EXCEL_NUMBER.test(text)) return [text];
  return text
    .split(ALWAYS_BETWEEN)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap(splitPart);
}
