import type { CountryCode } from 'libphonenumber-js/core';

import { callingCodeEntry, planFor, type CallingCodeEntry, type CompiledPlan } from './fast-plan';
import { checkNumberLength } from './number-length';
import { numberTypeOf } from './number-type';

/**
 * getCountryByNationalNumber(): the first country, main country first, whose leading digits
 * match, or (for countries without leading digits) whose type patterns match. A country whose
 * leading digits do not match is skipped without a type check, exactly as the library does.
 */
export function countryByNationalNumber(nationalNumber: string, candidates: CallingCodeEntry['countries']): CountryCode | undefined {
  for (const { country, plan } of candidates) {
    if (plan.leadingDigits !== undefined) {
      if (nationalNumber !== '' && plan.leadingDigits.test(nationalNumber)) return country;
    } else if (numberTypeOf(nationalNumber, plan) !== undefined) {
      return country;
    }
  }
  return undefined;
}

/** getCountryByCallingCode(): a calling code of one country needs no digits checked. */
export function countryByCallingCode(callingCode: string, nationalNumber: string): CountryCode | undefined {
  const entry = callingCodeEntry(callingCode);
  if (entry === undefined) return undefined;
  const countries = entry.countries;
  if (countries.length === 1) return countries[0]?.country;
  return countryByNationalNumber(nationalNumber, countries);
}

/**
 * extractNationalNumberFromPossiblyIncompleteNumber() when it takes its plain branch: no capturing
 * group of national_prefix_for_parsing captured, so it drops exactly what the anchored rule
 * matched ("0" in UA, "8" in RU, "0|180020" in GB, a bare "0" in BR or AR). When the last group
 * did capture, the library rewrites the number with national_prefix_transform_rule (AR "9$1")
 * or splits off a carrier code (BR): returns undefined and the library decides.
 */
function stripNationalPrefix(number: string, plan: CompiledPlan): string | undefined {
  const rule = plan.nationalPrefixForParsing;
  if (rule === undefined || number === '') return number;
  const match = rule.exec(number);
  if (match === null) return number;
  // The library looks at the last group only ("capturedGroupsCount"), and '' counts as not captured.
  if (match.length > 1 && match[match.length - 1]) return undefined;
  return number.slice(match[0].length);
}

function isTooShortAfterStripping(stripped: string, plan: CompiledPlan): boolean {
  // The length check uses the country the shorter number points to, else the selected plan.
  const country = countryByCallingCode(plan.callingCode, stripped);
  const lengths = country === undefined ? plan.possibleLengths : planFor(country).possibleLengths;
  const verdict = checkNumberLength(stripped, lengths);
  return verdict === 'TOO_SHORT' || verdict === 'INVALID_LENGTH';
}

/**
 * extractNationalNumber(): strip the national prefix unless that turns a number matching the
 * national pattern into one that does not, or leaves too few digits. undefined = library decides.
 */
export function extractNationalNumber(number: string, plan: CompiledPlan): string | undefined {
  const stripped = stripNationalPrefix(number, plan);
  if (stripped === undefined || stripped === number) return stripped;
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(stripped)) return number;
  if (plan.possibleLengths !== undefined && isTooShortAfterStripping(stripped, plan)) return number;
  return stripped;
}
