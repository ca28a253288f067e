import { ParseError, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

import type { LibraryParseError, PhoneAnswer } from './phone-answer';

const PARSE_ERRORS: ReadonlySet<string> = new Set<LibraryParseError>([
  'INVALID_COUNTRY',
  'NOT_A_NUMBER',
  'TOO_SHORT',
  'TOO_LONG',
]);

function isLibraryParseError(code: string): code is LibraryParseError {
  return PARSE_ERRORS.has(code);
}

/**
 * libphonenumber-js/max's own answer. parsePhoneNumberFromString() is this same call with the
 * ParseError swallowed; keeping the error tells the user why nothing was found.
 */
export function libraryAnswer(raw: string, defaultCountry: CountryCode): PhoneAnswer {
  try {
    const number = parsePhoneNumberWithError(raw, defaultCountry);
    return {
      parsed: true,
      e164: number.number,
      callingCode: number.countryCallingCode,
      nationalNumber: number.nationalNumber,
      country: number.country,
      valid: number.isValid(),
      type: number.getType(),
      path: 'library',
    };
  } catch (error) {
    // An unknown code means the library changed; better to fail loudly than to misreport.
    if (error instanceof ParseError && isLibraryParseError(error.message)) {
      return { parsed: false, error: error.message, path: 'library' };
    }
    throw error;
  }
}
