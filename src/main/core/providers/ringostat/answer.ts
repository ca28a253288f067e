import { bodyExcerpt } from '../body-excerpt';

/**
 * Ringostat documents only the success answer of POST power-dialer/campaigns/campaign-rows
 * (`{"result": true}`, seed ringostat-power-dialer-campaign-rows). Every failure shape here is
 * a guess: no error body, code or auth-failure answer is published.
 */

export type RetryReason = 'rate-limited' | 'server-error';
export type RejectReason = 'auth-rejected' | 'http-error' | 'not-json' | 'result-not-true';

export type CampaignRowOutcome =
  | { readonly kind: 'success'; readonly status: number }
  | {
      readonly kind: 'retryable';
      readonly reason: RetryReason;
      readonly status: number;
      /** From Retry-After, when the server sent a usable one; never negative. */
      readonly retryAfterMs?: number;
      readonly providerText: string;
      readonly message: string;
    }
  | {
      readonly kind: 'rejected';
      readonly reason: RejectReason;
      readonly status: number;
      readonly providerText: string;
      readonly message: string;
    };

export interface CampaignRowAnswer {
  readonly status: number;
  readonly body: string | Uint8Array;
  /** The Retry-After header value, if any. */
  readonly retryAfter?: string | null;
}

export interface ClassifyOptions {
  /** Clock for an HTTP-date Retry-After; passed in so classification stays pure. */
  readonly now?: Date;
  /** The Auth-key and any other value that must never be quoted, should the server echo it. */
  readonly redact?: readonly string[];
}

/**
 * Retry-After as delta-seconds or as an HTTP date (RFC 9110 §10.2.3). Anything else is
 * ignored rather than guessed at, and a date in the past means "now".
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const trimmed = value?.trim() ?? '';
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Requiring a letter keeps Date.parse from reading "-5" or "2025-06-01", which are not HTTP dates.
  if (!/[A-Za-z]/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function retryable(
  reason: RetryReason,
  status: number,
  providerText: string,
  retryAfterMs: number | undefined,
): CampaignRowOutcome {
  const message =
    reason === 'rate-limited'
      ? 'Ringostat asked to slow down (HTTP 429).'
      : `Ringostat failed with HTTP ${status}; the number may or may not have been added.`;
  return {
    kind: 'retryable',
    reason,
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    providerText,
    message,
  };
}

const REJECT_MESSAGES: Record<RejectReason, string> = {
  'auth-rejected': 'Ringostat refused the credentials. Check the Auth-key and the project ID in this profile.',
  'http-error': 'Ringostat refused the request.',
  'not-json': 'Ringostat answered with something that is not JSON.',
  'result-not-true': 'Ringostat answered without "result": true, so the number is not known to be added.',
};

function rejected(reason: RejectReason, status: number, providerText: string): CampaignRowOutcome {
  return { kind: 'rejected', reason, status, providerText, message: `${REJECT_MESSAGES[reason]} (HTTP ${status})` };
}

/** Classifies one campaign-rows answer. Never throws. */
export function classifyCampaignRowAnswer(answer: CampaignRowAnswer, options: ClassifyOptions = {}): CampaignRowOutcome {
  const text = typeof answer.body === 'string' ? answer.body : new TextDecoder('utf-8').decode(answer.body);
  const quoted = bodyExcerpt(text, { redact: options.redact ?? [] });
  const { status } = answer;

  if (status === 429 || (status >= 500 && status <= 599)) {
    const after = parseRetryAfter(answer.retryAfter, options.now ?? new Date());
    return retryable(status === 429 ? 'rate-limited' : 'server-error', status, quoted, after);
  }
  if (status === 401 || status === 403) return rejected('auth-rejected', status, quoted);
  if (status < 200 || status > 299) return rejected('http-error', status, quoted);

  const json = parseJson(text);
  if (json === undefined) return rejected('not-json', status, quoted);
  const isTrue = typeof json === 'object' && json !== null && 'result' in json && json.result === true;
  return isTrue ? { kind: 'success', status } : rejected('result-not-true', status, quoted);
}
