import { X509Certificate } from 'node:crypto';

import { caPemShapeProblem, pemBlocks, type TlsPin } from '../../../shared/profiles/tls-pin';

/** The SHA-256 fingerprint of a DER certificate, in the form normaliseFingerprint gives. */
export function fingerprintOfDer(der: Uint8Array): string {
  return new X509Certificate(der).fingerprint256.toUpperCase();
}

/** Why a pasted CA text is not usable, or null when every block in it is a readable certificate. */
export function caPemProblem(pem: string): string | null {
  const shape = caPemShapeProblem(pem);
  if (shape !== null) return shape;
  for (const block of pemBlocks(pem)) {
    try {
      new X509Certificate(block);
    } catch {
      return 'The CA certificate text is damaged: it could not be read as a certificate. Copy it again from the server administrator.';
    }
  }
  return null;
}

/**
 * A profile's CA pin as a schema issue when its certificates cannot be read: the shape alone is
 * checked by the schema (the window can run it), the certificates themselves only here.
 */
export function caPemIssue(profile: { readonly tls: TlsPin }): { path: string[]; message: string } | null {
  if (profile.tls === null || !('caPem' in profile.tls)) return null;
  const message = caPemProblem(profile.tls.caPem);
  return message === null ? null : { path: ['tls', 'caPem'], message };
}
