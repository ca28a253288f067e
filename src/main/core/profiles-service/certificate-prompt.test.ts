import { describe, expect, it } from 'vitest';

import type { CertificateRefusal } from '../net/certificate-refused-error';
import type { ServerCertificate } from '../net/server-certificate';
import { certificatePrompt } from './certificate-prompt';

const SEEN: ServerCertificate = {
  sha256: 'AB:'.repeat(31) + 'AB',
  subject: 'CN=dialer.example',
  issuer: 'CN=dialer.example',
  validFrom: 'Jan  1 00:00:00 2025 GMT',
  validTo: 'Jan  1 00:00:00 2035 GMT',
  selfSigned: true,
};
const PUBLIC: ServerCertificate = { ...SEEN, issuer: 'CN=Some Public CA', selfSigned: false };

const refusal = (reason: CertificateRefusal['reason'], seen: ServerCertificate | null): CertificateRefusal => ({
  host: 'dialer.example',
  port: 443,
  reason,
  tlsCode: null,
  seen,
  expectedSha256: null,
});

describe('certificatePrompt', () => {
  it('offers an unpinned self-signed certificate, with what the user compares', () => {
    expect(certificatePrompt(refusal('untrusted', SEEN), null)).toEqual({ kind: 'pin-certificate', ...SEEN });
  });

  it('offers the certificate seen whenever the profile had a pin (renewed certificate, or the CA did not sign it)', () => {
    expect(certificatePrompt(refusal('fingerprint-mismatch', PUBLIC), { sha256: SEEN.sha256 })).toMatchObject({ sha256: PUBLIC.sha256 });
    expect(certificatePrompt(refusal('untrusted', PUBLIC), { caPem: '-----BEGIN CERTIFICATE-----' })).toMatchObject({ kind: 'pin-certificate' });
  });

  it('offers nothing where a pin is not the fix: a public certificate for another name, an expired one, or none seen', () => {
    expect(certificatePrompt(refusal('wrong-host', PUBLIC), null)).toBeUndefined();
    expect(certificatePrompt(refusal('outside-validity', SEEN), null)).toBeUndefined();
    expect(certificatePrompt(refusal('untrusted', PUBLIC), null)).toBeUndefined();
    expect(certificatePrompt(refusal('untrusted', null), { sha256: SEEN.sha256 })).toBeUndefined();
    expect(certificatePrompt(undefined, null)).toBeUndefined();
  });
});
