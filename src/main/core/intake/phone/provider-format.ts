import type { PhoneOk } from './phone-result';

export type DialProvider = 'mor' | 'ringostat' | 'huawei-isales';

export type DialFormatReason = 'invalid-characters' | 'too-long-for-provider';

export type DialFormat =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: DialFormatReason; readonly message: string };

export interface DialFormatOptions {
  /** Ringostat accepts international digits with or without a leading '+'; projects differ. */
  readonly ringostatPlus?: boolean;
}

const DIGITS = /^[0-9]+$/;
const ISALES_CHARACTERS = /^[0-9*#]+$/;
/** iSales' calledNo column holds at most 24 characters. */
export const ISALES_MAX_LENGTH = 24;

const dialable = (value: string): DialFormat => ({ ok: true, value });

// A PhoneOk from the normaliser always holds digits; one built by hand might not, and a
// provider must never be sent a string it would reject or misdial.
function onlyDigits(provider: string, digits: string): DialFormat | undefined {
  if (DIGITS.test(digits)) return undefined;
  return {
    ok: false,
    reason: 'invalid-characters',
    message: `"${digits}" cannot be sent to ${provider}: it may hold digits only.`,
  };
}

/** MOR dials what the upload file says: E.164 digits, no '+'. */
export function morDialString(phone: PhoneOk): DialFormat {
  return onlyDigits('MOR', phone.digits) ?? dialable(phone.digits);
}

/** Ringostat: the international digits, with or without the '+' as the project expects. */
export function ringostatDialString(phone: PhoneOk, plus: boolean): DialFormat {
  return onlyDigits('Ringostat', phone.digits) ?? dialable(plus ? '+' + phone.digits : phone.digits);
}

/** Huawei CC-iSales calledNo: only 0-9 * #, at most 24 characters. */
export function isalesDialString(phone: PhoneOk): DialFormat {
  const value = phone.digits;
  if (!ISALES_CHARACTERS.test(value)) {
    return {
      ok: false,
      reason: 'invalid-characters',
      message: `"${value}" cannot be sent to iSales: it may hold only digits, * and #.`,
    };
  }
  if (value.length > ISALES_MAX_LENGTH) {
    return {
      ok: false,
      reason: 'too-long-for-provider',
      message: `"${value}" has ${value.length} characters; iSales accepts at most ${ISALES_MAX_LENGTH}.`,
    };
  }
  return dialable(value);
}

/** The string each provider should dial for a normalised number, or why it cannot be sent. */
export function dialStringFor(provider: DialProvider, phone: PhoneOk, options: DialFormatOptions = {}): DialFormat {
  switch (provider) {
    case 'mor':
      return morDialString(phone);
    case 'ringostat':
      return ringostatDialString(phone, options.ringostatPlus ?? true);
    case 'huawei-isales':
      return isalesDialString(phone);
  }
}
