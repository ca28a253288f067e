export type ExcelDigitsProblem = 'scientific-notation' | 'too-many-digits';

export type ExcelDigitsCheck = { ok: true } | { ok: false; reason: ExcelDigitsProblem; message: string };

/** "3.8093E+11", "3,8093E+11" (comma-decimal Excel), "3.8093e11": what a long number in a General cell is saved as. */
const SCIENTIFIC_NOTATION = /^[+-]?\d+(?:[.,]\d+)?\s*e\s*[+-]?\d+$/i;
/** A bare number, as Excel writes a numeric cell; formatted text ("+38 (093) ...") was never a number to Excel. */
const PLAIN_NUMBER = /^[+-]?(\d+)(?:[.,](\d+))?$/;
/** Excel stores numbers as doubles and keeps 15 significant digits; it writes zeros for the rest. */
const EXCEL_SIGNIFICANT_DIGITS = 15;

const RE_EXPORT = 're-export the column as Text';

function significantDigits(integerPart: string, fraction: string): number {
  const integer = integerPart.replace(/^0+/, '');
  const decimals = fraction.replace(/0+$/, '');
  return integer === '' ? decimals.replace(/^0+/, '').length : integer.length + decimals.length;
}

/**
 * Flags a value whose digits Excel has already thrown away. The digits are never guessed or
 * rebuilt: "3.8093E+11" could stand for a hundred million different numbers, so the only fix
 * is a new export from the source with the column formatted as Text.
 */
export function checkExcelDigits(value: string): ExcelDigitsCheck {
  const text = value.trim();
  if (SCIENTIFIC_NOTATION.test(text)) {
    return {
      ok: false,
      reason: 'scientific-notation',
      message: `digits lost in Excel: the number was saved in scientific notation; ${RE_EXPORT}`,
    };
  }
  const number = PLAIN_NUMBER.exec(text);
  if (number === null) return { ok: true };
  const digits = significantDigits(number[1] ?? '', number[2] ?? '');
  if (digits <= EXCEL_SIGNIFICANT_DIGITS) return { ok: true };
  return {
    ok: false,
    reason: 'too-many-digits',
    message:
      `digits lost in Excel: the number has ${digits} significant digits but Excel keeps only ` +
      `${EXCEL_SIGNIFICANT_DIGITS} and turns the rest into zeros; ${RE_EXPORT}`,
  };
}
