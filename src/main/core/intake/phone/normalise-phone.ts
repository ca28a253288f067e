import type { CountryCode } from 'libphonenumber-js/core';

import { checkExcelDigits } from '../cells/excel-digits';
import { digitsAsGiven } from './digits-as-given';
import { explainRejection } from './explain-rejection';
import { createFastNormaliser, type FastNormaliser } from './fast-normalise';
import { phoneProblem, type PhoneResult } from './phone-result';

/**
 * 'e164': libphonenumber-js/max decides, exactly (the fast path only answers where it gives the
 * library's answer). 'digits': the digits as written, for switches that dial them verbatim.
 */
export type PhoneMode = 'e164' | 'digits';

export interface PhoneNormaliserOptions {
  readonly defaultCountry: CountryCode;
  readonly mode: PhoneMode;
}

export type PhoneNormaliser = (raw: string) => PhoneResult;

function e164Result(normalise: FastNormaliser, cell: string): PhoneResult {
  const answer = normalise(cell);
  if (!answer.parsed || !answer.valid) return explainRejection(answer, cell);
  const { e164, country, type } = answer;
  // One object shape for every result keeps the hot loop monomorphic; undefined reads as absent.
  return { ok: true, e164, digits: e164.slice(1), country, type };
}

/**
 * Excel keeps 15 significant digits and writes long numbers as "3.8093E+11"; a cell of 15
 * characters or fewer without an "e" cannot show either, so most cells skip the full check.
 */
const EXCEL_SAFE_LENGTH = 15;
const MAY_BE_SCIENTIFIC = /e/i;

function excelDigitsLost(cell: string): PhoneResult | undefined {
  if (cell.length <= EXCEL_SAFE_LENGTH && !MAY_BE_SCIENTIFIC.test(cell)) return undefined;
  const excel = checkExcelDigits(cell);
  return excel.ok ? undefined : phoneProblem('digits-lost', `"${cell}": ${excel.message}.`);
}

/**
 * One normaliser per list: plans are compiled once, then each cell costs a regex or two.
 * Empty cells and Excel-mangled digits are refused before parsing in both modes, since no
 * parser can bring back digits Excel already replaced with zeros.
 */
export function createPhoneNormaliser(options: PhoneNormaliserOptions): PhoneNormaliser {
  const normalise = options.mode === 'e164' ? createFastNormaliser(options.defaultCountry) : undefined;
  return (raw) => {
    const cell = raw.trim();
    if (cell === '') return phoneProblem('empty', 'The cell is empty: there is no number to dial; fill it in or drop the row.');
    const lost = excelDigitsLost(cell);
    if (lost !== undefined) return lost;
    return normalise === undefined ? digitsAsGiven(cell) : e164Result(normalise, cell);
  };
}
