import type { VerdictKind } from '../../../shared/profiles/profile-call-schemas';
import type { CertificateRefusal } from '../net/certificate-refused-error';
import type { TransportFailure } from './transport/http-call';

export type { VerdictKind } from '../../../shared/profiles/profile-call-schemas';

/** What "Test connection" tells the user: one precise verdict, the provider's words where it had any. */
export interface ConnectionVerdict {
  readonly kind: VerdictKind;
  readonly message: string;
  readonly providerText?: string;
  /** A refused certificate, kept so the caller can offer to pin what the server presented. */
  readonly refusal?: CertificateRefusal;
}

export const verdictFromTransport = (failure: TransportFailure): ConnectionVerdict => ({
  kind: failure.kind,
  message: failure.message,
  ...(failure.refusal === undefined ? {} : { refusal: failure.refusal }),
});
