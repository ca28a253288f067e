import { UserError } from '../user-error';
import type { ServerCertificate } from './server-certificate';

export type RefusalReason = 'untrusted' | 'wrong-host' | 'outside-validity' | 'fingerprint-mismatch';

export interface CertificateRefusal {
  readonly host: string;
  readonly port: number;
  readonly reason: RefusalReason;
  /** OpenSSL/Node's own code (DEPTH_ZERO_SELF_SIGNED_CERT, ...), for the log and support. */
  readonly tlsCode: string | null;
  /** What the server presented; null when it could not be read a second time. */
  readonly seen: ServerCertificate | null;
  /** The pinned fingerprint, for a fingerprint mismatch. */
  readonly expectedSha256: string | null;
}

function seenText(seen: ServerCertificate | null): string {
  return seen === null ? 'Its certificate could not be read.' : `It presented ${seen.subject || 'a certificate'} with SHA-256 fingerprint ${seen.sha256}.`;
}

function explain(refusal: CertificateRefusal): string {
  const where = `${refusal.host}:${refusal.port}`;
  const seen = seenText(refusal.seen);
  switch (refusal.reason) {
    case 'fingerprint-mismatch':
      return `The server at ${where} is not the one pinned in this profile (expected fingerprint ${refusal.expectedSha256 ?? '?'}). ${seen} Nothing was sent. If its certificate was renewed, confirm the new fingerprint with the server's administrator before pinning it; otherwise someone may be intercepting the connection.`;
    case 'wrong-host':
      return `The certificate of ${where} is not issued for that name. ${seen} Nothing was sent. Use the host name the certificate was issued for in the base URL, or pin this certificate's fingerprint after checking it with the server's administrator.`;
    case 'outside-validity':
      return `The certificate of ${where} is expired or not yet valid (${refusal.tlsCode ?? 'dates'}). ${seen} Nothing was sent. Ask the server's administrator to renew it, or check this computer's clock.`;
    case 'untrusted':
      return `The certificate of ${where} is not signed by an authority this computer trusts (${refusal.tlsCode ?? 'unverified'}). ${seen} Nothing was sent. If this is your organisation's own server, check the fingerprint with its administrator and pin it, or pin your organisation's CA certificate, in the profile.`;
  }
}

/** A certificate was refused before anything was sent; carries what the "pin it?" prompt needs. */
export class CertificateRefusedError extends UserError {
  readonly refusal: CertificateRefusal;
  constructor(refusal: CertificateRefusal) {
    super('refused', explain(refusal));
    this.name = 'CertificateRefusedError';
    this.refusal = refusal;
  }
}
