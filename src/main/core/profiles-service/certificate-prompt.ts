import type { PinPrompt } from '../../../shared/profiles/profile-call-schemas';
import type { TlsPin } from '../../../shared/profiles/tls-pin';
import type { CertificateRefusal } from '../net/certificate-refused-error';

/**
 * Whether a refused certificate is worth offering to pin, and what to show. A profile that has
 * a pin already is an on-premises server whose certificate may have been renewed; an unpinned
 * self-signed certificate is such a server met for the first time. Anything else (a public
 * certificate for another name, or expired) is fixed at the server or in the address, not by a
 * pin, so no prompt is offered and the message says what to do.
 */
export function certificatePrompt(refusal: CertificateRefusal | undefined, pin: TlsPin): PinPrompt | undefined {
  const seen = refusal?.seen;
  if (refusal === undefined || seen === null || seen === undefined) return undefined;
  const offered = pin !== null || (refusal.reason === 'untrusted' && seen.selfSigned);
  if (!offered) return undefined;
  return {
    kind: 'pin-certificate',
    sha256: seen.sha256,
    subject: seen.subject,
    issuer: seen.issuer,
    validFrom: seen.validFrom,
    validTo: seen.validTo,
    selfSigned: seen.selfSigned,
  };
}
