import type { TransportFailureKind } from '../transport/http-call';
import type { RejectReason } from './answer';
import type { RowCall } from './ringostat-client';

/** Why a row certainly did not reach the campaign. */
export type RowRejectReason = RejectReason | 'rate-limited' | 'unreachable' | 'tls-refused';

/** Why a row may or may not be in the campaign. */
export type RowUnknownReason = 'server-error' | TransportFailureKind;

/**
 * How one row ended. `attempts` counts requests sent for it. Only `unknown` may have added the
 * number: sending it again could add it twice, so the jobs layer asks the user first.
 */
export type RowOutcome =
  | { readonly kind: 'imported'; readonly attempts: number }
  | {
      readonly kind: 'rejected';
      readonly attempts: number;
      readonly reason: RowRejectReason;
      /** Absent when Ringostat was never reached. */
      readonly status?: number;
      /** The provider's own words, already cut short and with the Auth-key masked by the client. */
      readonly providerText?: string;
      readonly message: string;
    }
  | { readonly kind: 'unknown'; readonly attempts: number; readonly why: RowUnknownReason; readonly message: string }
  | { readonly kind: 'cancelled'; readonly attempts: number };

export type RowOutcomeKind = RowOutcome['kind'];

function afterAttempts(message: string, attempts: number): string {
  return attempts > 1 ? `${message} Gave up after ${attempts} attempts.` : message;
}

/** What a row comes to when `call` was its last request. */
export function settle(call: RowCall, attempts: number): RowOutcome {
  switch (call.kind) {
    case 'success':
      return { kind: 'imported', attempts };
    case 'rejected': {
      const { reason, status, providerText, message } = call;
      return { kind: 'rejected', attempts, reason, status, providerText, message };
    }
    case 'retryable':
      // The client's own reading: a 5xx may or may not have stored the number, a 429 did not.
      return call.reason === 'server-error'
        ? { kind: 'unknown', attempts, why: 'server-error', message: afterAttempts(call.message, attempts) }
        : { kind: 'rejected', attempts, reason: 'rate-limited', status: call.status, providerText: call.providerText, message: afterAttempts(call.message, attempts) };
    case 'transport': {
      const { failure } = call;
      if (failure.mayHaveArrived) return { kind: 'unknown', attempts, why: failure.kind, message: failure.message };
      const reason = failure.kind === 'tls' ? 'tls-refused' : 'unreachable';
      return { kind: 'rejected', attempts, reason, message: afterAttempts(failure.message, attempts) };
    }
  }
}

/**
 * What a row comes to when sending stopped before its next request. `last` is the answer that
 * was to be retried (undefined: nothing was sent). Only a 5xx leaves doubt; a 429 or a refused
 * connection stored nothing, so the row is simply cancelled and safe to send later.
 */
export function interrupted(last: RowCall | undefined, attempts: number): RowOutcome {
  if (last?.kind === 'retryable' && last.reason === 'server-error') {
    return { kind: 'unknown', attempts, why: 'server-error', message: `${last.message} Sending stopped before it was retried.` };
  }
  return { kind: 'cancelled', attempts };
}
