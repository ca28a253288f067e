import type { CountryCode, PhoneNumberType } from 'libphonenumber-js/core';

/** The codes libphonenumber-js's ParseError carries when it gives no number at all. */
export type LibraryParseError = 'INVALID_COUNTRY' | 'NOT_A_NUMBER' | 'TOO_SHORT' | 'TOO_LONG';

/** Who answered: the compiled fast path, or libphonenumber-js itself. */
export type AnswerPath = 'fast' | 'library';

/**
 * What parsePhoneNumberFromString(raw, defaultCountry) + isValid() + getType() say, in one value,
 * whichever path produced it.
 */
export type PhoneAnswer =
  | {
      readonly parsed: true;
      readonly e164: string;
      readonly callingCode: string;
      readonly nationalNumber: string;
      readonly country: CountryCode | undefined;
      readonly valid: boolean;
      readonly type: PhoneNumberType | undefined;
      readonly path: AnswerPath;
    }
  | { readonly parsed: false; readonly error: LibraryParseError; readonly path: 'library' };
