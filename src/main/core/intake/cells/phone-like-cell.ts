import { checkExcelDigits } from './excel-digits';

/** Fewer digits are extensions, house numbers or counts; a dialable number has at least this many. */
const MIN_PHONE_DIGITS = 7;
/** Digits must dominate, so "+38 (093) 123-45-67" counts and "Список на 12.03.2025" does not. */
const MIN_DIGIT_SHARE = 0.6;

const DAY_FIRST_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const YEAR_FIRST_DATE = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?!\d)/;

function inRange(text: string | undefined, low: number, high: number): boolean {
  const value = Number(text);
  return value >= low && value <= high;
}

/** "12.03.2025" has eight digits and nothing else, yet it is a date in a title, not a phone. */
function startsWithDate(text: string): boolean {
  const dayFirst = DAY_FIRST_DATE.exec(text);
  if (dayFirst !== null && inRange(dayFirst[1], 1, 31) && inRange(dayFirst[3], 1, 31)) return true;
  const yearFirst = YEAR_FIRST_DATE.exec(text);
  return yearFirst !== null && inRange(yearFirst[3], 1, 12) && inRange(yearFirst[4], 1, 31);
}

/**
 * Whether a cell holds what a data row of a phone list holds: a number, however formatted,
 * or a number Excel has mangled into "3.8093E+11", which is still a data row to report.
 */
export function looksLikePhoneData(cell: string): boolean {
  const text = cell.trim();
  if (text === '' || startsWithDate(text)) return false;
  const excel = checkExcelDigits(text);
  if (!excel.ok && excel.reason === 'scientific-notation') return true;
  const digits = text.replace(/\D/g, '').length;
  const visible = text.replace(/\s/g, '').length;
  return digits >= MIN_PHONE_DIGITS && digits / visible >= MIN_DIGIT_SHARE;
}
