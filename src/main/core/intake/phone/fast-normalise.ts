import type { CountryCode } from 'libphonenumber-js/core';

import { callingCodeEntry, planFor, type CompiledPlan } from './fast-plan';
import { isNonGeographicCallingCode } from './metadata-facts';
import { libraryAnswer } from './library-answer';
import { countryByCallingCode, extractNationalNumber } from './national-number';
import { checkNumberLength } from './number-length';
import { numberTypeOf } from './number-type';
import type { PhoneAnswer } from './phone-answer';
import { readSimpleShape } from './simple-shape';

// parse.js: national (significant) numbers outside 2..17 digits are refused.
const MIN_NATIONAL_LENGTH = 2;
const MAX_NATIONAL_LENGTH = 17;
// extractCountryCallingCode.js MAX_LENGTH_COUNTRY_CODE.
const MAX_CALLING_CODE_LENGTH = 3;

interface Parsed {
  readonly callingCode: string;
  readonly nationalNumber: string;
  readonly country: CountryCode | undefined;
}

/**
 * extractCountryCallingCode() for "+digits": calling codes never overlap, so the first known
 * prefix is it. Non-geographic codes (+800, +882...) and unknown ones go to the library.
 */
function splitCallingCode(digits: string): { callingCode: string; rest: string } | undefined {
  if (digits.startsWith('0')) return undefined;
  for (let length = 1; length <= MAX_CALLING_CODE_LENGTH && length <= digits.length; length++) {
    const callingCode = digits.slice(0, length);
    if (callingCodeEntry(callingCode) !== undefined) return { callingCode, rest: digits.slice(length) };
    if (isNonGeographicCallingCode(callingCode)) return undefined;
  }
  return undefined;
}

/** A calling code is in hand: national prefix rules of its main country, then the exact country. */
function withCallingCode(callingCode: string, number: string): Parsed | undefined {
  const entry = callingCodeEntry(callingCode);
  if (entry === undefined || number === '') return undefined;
  const nationalNumber = extractNationalNumber(number, entry.mainPlan);
  if (nationalNumber === undefined) return undefined;
  return { callingCode, nationalNumber, country: countryByCallingCode(callingCode, nationalNumber) };
}

function parseInternational(digits: string): Parsed | undefined {
  const split = splitCallingCode(digits);
  return split === undefined ? undefined : withCallingCode(split.callingCode, split.rest);
}

/**
 * extractCountryCallingCodeFromInternationalNumberWithoutPlusSign(): "380931234567" with UA
 * default is read as +380 when the digits after the code fit the default country's pattern and
 * the whole string does not, or the whole string is too long. Returns the digits after the code,
 * null when the rule does not apply, undefined when the library must decide.
 */
function afterCallingCodeWithoutPlus(digits: string, plan: CompiledPlan): string | null | undefined {
  if (!digits.startsWith(plan.callingCode)) return null;
  const shorter = digits.slice(plan.callingCode.length);
  const shorterNational = extractNationalNumber(shorter, plan);
  const fullNational = extractNationalNumber(digits, plan);
  if (shorterNational === undefined || fullNational === undefined) return undefined;
  const pattern = plan.nationalNumber;
  const fitsOnlyWhenShorter = !pattern.test(fullNational) && pattern.test(shorterNational);
  const tooLongWhole = checkNumberLength(fullNational, plan.possibleLengths) === 'TOO_LONG';
  return fitsOnlyWhenShorter || tooLongWhole ? shorter : null;
}

/** A national number keeps the default country unless its calling code points to another one. */
function parseNational(digits: string, plan: CompiledPlan, defaultCountry: CountryCode): Parsed | undefined {
  const nationalNumber = extractNationalNumber(digits, plan);
  if (nationalNumber === undefined) return undefined;
  const country = countryByCallingCode(plan.callingCode, nationalNumber) ?? defaultCountry;
  return { callingCode: plan.callingCode, nationalNumber, country };
}

function parseWithoutPlus(digits: string, plan: CompiledPlan, defaultCountry: CountryCode): Parsed | undefined {
  // An IDD prefix ("00", "810") makes the number international; the library handles those.
  if (plan.iddPrefix?.test(digits) === true) return undefined;
  const shorter = afterCallingCodeWithoutPlus(digits, plan);
  if (shorter === undefined) return undefined;
  if (shorter !== null) return withCallingCode(plan.callingCode, shorter);
  return parseNational(digits, plan, defaultCountry);
}

/** isValid() + getType() on the plan of the country, or of the calling code when none was found. */
function answerFor(parsed: Parsed): PhoneAnswer | undefined {
  const { callingCode, nationalNumber, country } = parsed;
  if (nationalNumber.length < MIN_NATIONAL_LENGTH || nationalNumber.length > MAX_NATIONAL_LENGTH) return undefined;
  const plan = country === undefined ? callingCodeEntry(callingCode)?.mainPlan : planFor(country);
  if (plan === undefined) return undefined;
  const type = numberTypeOf(nationalNumber, plan);
  const valid = plan.hasTypes ? type !== undefined : plan.nationalNumber.test(nationalNumber);
  const e164 = '+' + callingCode + nationalNumber;
  return { parsed: true, e164, callingCode, nationalNumber, country, valid, type, path: 'fast' };
}

export type FastVerdict = (raw: string) => PhoneAnswer | undefined;

/**
 * The mirror alone: libphonenumber-js's answer, valid or not, computed from the compiled plans;
 * undefined where the text is not one of the understood shapes or the library must decide.
 */
export function createFastVerdict(defaultCountry: CountryCode): FastVerdict {
  const defaultPlan = planFor(defaultCountry);
  return (raw) => {
    const shape = readSimpleShape(raw);
    if (shape === undefined) return undefined;
    const parsed = shape.international
      ? parseInternational(shape.digits)
      : parseWithoutPlus(shape.digits, defaultPlan, defaultCountry);
    return parsed === undefined ? undefined : answerFor(parsed);
  };
}

export type FastNormaliser = (raw: string) => PhoneAnswer;

/**
 * The answer of libphonenumber-js/max parsePhoneNumberFromString(raw, defaultCountry) + isValid()
 * + getType(): from the mirror wherever it answers (valid or not: the differential test holds its
 * own answers, invalid ones included, to the library's), from the library itself elsewhere. Dirty
 * lists are mostly invalid numbers, so sending those to the library would cost them the speed-up.
 */
export function createFastNormaliser(defaultCountry: CountryCode): FastNormaliser {
  const fast = createFastVerdict(defaultCountry);
  return (raw) => fast(raw) ?? libraryAnswer(raw, defaultCountry);
}
