import type { CountryCode, PhoneNumberType } from 'libphonenumber-js/core';

/** libphonenumber-js's type names: MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, TOLL_FREE, ... */
export type NumberType = PhoneNumberType;

/** Stable codes: receipts and filters key on them; the messages are for people. */
export type PhoneReason =
  | 'empty'
  | 'not-a-number'
  | 'too-short'
  | 'too-long'
  | 'invalid-country-code'
  | 'invalid-for-country'
  | 'digits-lost';

export interface PhoneOk {
  readonly ok: true;
  readonly e164: string;
  /** e164 without the '+': what MOR and iSales dial. */
  readonly digits: string;
  readonly country?: CountryCode;
  readonly type?: NumberType;
}

export interface PhoneProblem {
  readonly ok: false;
  readonly reason: PhoneReason;
  readonly message: string;
}

export type PhoneResult = PhoneOk | PhoneProblem;

export function phoneProblem(reason: PhoneReason, message: string): PhoneProblem {
  return { ok: false, reason, message };
}

/** Cells can be anything; a junk cell must not swamp the message. */
export function quoteCell(text: string): string {
  const max = 40;
  return `"${text.length > max ? text.slice(0, max - 1) + '…' : text}"`;
}
