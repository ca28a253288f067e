import { describe, expect, it } from 'vitest';

import { CertificateRefusedError, type CertificateRefusal } from './certificate-refused-error';
import { UserError } from '../user-error';

const SEEN = {
  sha256: Array(32).fill('5A').join(':'),
  subject: 'CN=dialer.local',
  issuer: 'CN=dialer.local',
  validFrom: 'Jan  1 00:00:00 2026 GMT',
  validTo: 'Jan  1 00:00:00 2027 GMT',
  selfSigned: true,
};
const BASE: CertificateRefusal = { host: '10.0.0.5', port: 8443, reason: 'untrusted', tlsCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', seen: SEEN, expectedSha256: null };

describe('CertificateRefusedError', () => {
  it('is a "refused" UserError, so its message reaches the user as it is', () => {
    const error = new CertificateRefusedError(BASE);
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe('refused');
    expect(error.name).toBe('CertificateRefusedError');
    expect(error.refusal).toBe(BASE);
  });

  it('tells, for every reason, where, what was seen, that nothing was sent, and what to do', () => {
    const cases: [CertificateRefusal, RegExp][] = [
      [BASE, /not signed by an authority.*DEPTH_ZERO_SELF_SIGNED_CERT.*pin it/],
      [{ ...BASE, reason: 'wrong-host', tlsCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }, /not issued for that name.*host name the certificate was issued for/],
      [{ ...BASE, reason: 'outside-validity', tlsCode: 'CERT_HAS_EXPIRED' }, /expired or not yet valid.*renew/],
      [{ ...BASE, reason: 'fingerprint-mismatch', tlsCode: null, expectedSha256: 'AA:BB' }, /not the one pinned.*expected fingerprint AA:BB.*intercepting/],
    ];
    for (const [refusal, pattern] of cases) {
      const message = new CertificateRefusedError(refusal).message;
      expect(message).toMatch(pattern);
      expect(message).toContain('10.0.0.5:8443');
      expect(message).toContain(SEEN.sha256);
      expect(message).toContain('Nothing was sent.');
    }
  });

  it('still explains itself when the certificate could not be read', () => {
    expect(new CertificateRefusedError({ ...BASE, seen: null }).message).toMatch(/Its certificate could not be read/);
  });
});
