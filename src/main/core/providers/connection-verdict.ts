import type { TransportFailure } from './transport/http-call';

export type VerdictKind =
  | 'ok'
  | 'network'
  | 'timeout'
  | 'tls'
  | 'credentials-rejected'
  | 'not-authorised'
  | 'campaign-not-found'
  | 'unexpected';

/** What "Test connection" tells the user: one precise verdict, the provider's words where it had any. */
export interface ConnectionVerdict {
  readonly kind: VerdictKind;
  readonly message: string;
  readonly providerText?: string;
}

export const verdictFromTransport = (failure: TransportFailure): ConnectionVerdict => ({ kind: failure.kind, message: failure.message });
