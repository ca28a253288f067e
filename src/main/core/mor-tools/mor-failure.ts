import type { MorError, MorErrorKind } from '../providers/mor/errors';
import type { MorCall } from '../providers/mor/mor-client';

export type MorFailure = Exclude<MorCall<unknown>, { ok: true }>;

/** MOR's own refusals; everything else is an answer that could not be read. */
const MOR_REFUSALS: ReadonlySet<MorErrorKind> = new Set([
  'incorrect-hash',
  'access-denied',
  'not-authorized',
  'campaign-not-found',
  'campaign-has-no-numbers',
  'file-empty',
  'file-missing',
  'file-not-csv',
  'cli-not-numeric',
  'cli-exists',
  'cli-number-empty',
  'ivr-not-found',
  'device-id-empty',
  'other',
]);

/** MOR said no in its own words: the request was read and refused, so nothing changed. */
export function isMorRefusal(failure: MorFailure): failure is { ok: false; error: MorError } {
  return 'error' in failure && MOR_REFUSALS.has(failure.error.kind);
}

/** Refusals of the account itself: every further request with this profile would get the same. */
export function refusesTheAccount(failure: MorFailure): boolean {
  return 'error' in failure && (failure.error.kind === 'incorrect-hash' || failure.error.kind === 'access-denied');
}

// A server that echoed a request in a debug page could quote a key; cheap to make sure it never shows.
export function withoutSecret(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***');
}

/** Advice that fits the call better than the general one in providers/mor/errors.ts. */
export type MorHints = Readonly<Partial<Record<MorErrorKind, string>>>;

/**
 * What went wrong, for the user: MOR's own words when it gave any, then what they mean and what
 * to do. The API secret is masked even though MOR is not known to echo it.
 */
export function describeMorFailure(failure: MorFailure, apiSecret: string, hints: MorHints = {}): string {
  if ('transport' in failure) return withoutSecret(failure.transport.message, apiSecret);
  const { kind, providerText, message } = failure.error;
  const quoted = providerText.trim();
  const advice = hints[kind] ?? message;
  if (quoted === '') return withoutSecret(advice, apiSecret);
  // MOR's refusal is the news; an unreadable answer's text only helps to recognise it.
  const text = MOR_REFUSALS.has(kind) ? `MOR said "${quoted}". ${advice}` : `${advice} Its answer began: "${quoted}".`;
  return withoutSecret(text, apiSecret);
}
