import { beforeAll, describe, expect, it } from 'vitest';

import { normaliseFingerprint, tlsPinSchema } from '../../../shared/profiles/tls-pin';
import { caPemProblem } from './tls-pin';
import { makeTestPki, type TestPki } from './testing/tls-test-servers';

const HEX = 'ab'.repeat(32);
const CANONICAL = Array.from({ length: 32 }, () => 'AB').join(':');

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

describe('normaliseFingerprint', () => {
  it('accepts the forms tools print and gives upper-case hex with colons', () => {
    for (const form of [HEX, HEX.toUpperCase(), CANONICAL, CANONICAL.toLowerCase(), `SHA256:${HEX}`, `sha256 Fingerprint=${CANONICAL}`, ` ${HEX}\n`]) {
      expect(normaliseFingerprint(form)).toBe(CANONICAL);
    }
  });

  it('refuses anything that is not 32 bytes of hex', () => {
    for (const form of ['', 'ab'.repeat(31), 'ab'.repeat(33), `${'ab'.repeat(31)}zz`, 'SHA1:' + 'ab'.repeat(20)]) {
      expect(normaliseFingerprint(form)).toBeNull();
    }
  });
});

describe('caPemProblem', () => {
  it('accepts a certificate, and a bundle of two', () => {
    expect(caPemProblem(pki.ca.cert)).toBeNull();
    expect(caPemProblem(`${pki.ca.cert}\n${pki.otherCa.cert}`)).toBeNull();
  });

  it('refuses a private key, saying so', () => {
    expect(caPemProblem(pki.ca.key)).toMatch(/private key/);
    expect(caPemProblem(`${pki.ca.cert}\n${pki.ca.key}`)).toMatch(/private key/);
  });

  it('refuses text with no certificate, and a damaged certificate', () => {
    expect(caPemProblem('just some text')).toMatch(/BEGIN CERTIFICATE/);
    const damaged = pki.ca.cert.replace(/[A-Za-z0-9]{20}\n/, '!!!!!!!!!!!!!!!!!!!!\n');
    expect(caPemProblem(damaged)).toMatch(/damaged/);
  });
});

describe('tlsPinSchema', () => {
  it('defaults to no pin', () => {
    expect(tlsPinSchema.parse(undefined)).toBeNull();
  });

  it('stores a fingerprint in canonical form', () => {
    expect(tlsPinSchema.parse({ sha256: HEX })).toEqual({ sha256: CANONICAL });
  });

  it('refuses a private key pasted as the CA, but leaves parsing the certificate to the main process', () => {
    expect(tlsPinSchema.safeParse({ caPem: pki.ca.key }).success).toBe(false);
    expect(tlsPinSchema.parse({ caPem: pki.ca.cert })).toEqual({ caPem: pki.ca.cert });
  });

  it('has no variant that turns verification off, and no mixed ones', () => {
    for (const value of [{ insecure: true }, { rejectUnauthorized: false }, { sha256: HEX, insecure: true }, { caPem: pki.ca.cert, sha256: HEX }, {}]) {
      expect(tlsPinSchema.safeParse(value).success).toBe(false);
    }
  });
});
