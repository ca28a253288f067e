import { createHash } from 'node:crypto';

import { utils, type ParsedKey } from 'ssh2';
import { describe, expect, it } from 'vitest';

import { generateHostKey, sshFingerprint } from './host-key';

function parse(text: string): ParsedKey {
  const parsed = utils.parseKey(text);
  if (parsed instanceof Error) throw parsed;
  return parsed;
}

describe('generateHostKey', () => {
  it('writes a private key that ssh2 parses as ed25519 with the same public half', () => {
    const key = generateHostKey();
    const parsedKey = parse(key.privateKey);
    expect(parsedKey.type).toBe('ssh-ed25519');
    expect(parsedKey.isPrivateKey()).toBe(true);
    expect(parsedKey.getPublicSSH().equals(key.publicBlob)).toBe(true);
  });

  it('signs with the key it claims (a signature verifies against the public blob)', () => {
    const key = generateHostKey();
    const parsed = parse(key.privateKey);
    const publicKey = parse(key.publicLine);
    const data = Buffer.from('proof');
    expect(publicKey.verify(data, parsed.sign(data))).toBe(true);
    expect(publicKey.verify(Buffer.from('other'), parsed.sign(data))).toBe(false);
  });

  it('gives the OpenSSH SHA256 fingerprint of the public blob, without padding', () => {
    const key = generateHostKey();
    const expected = createHash('sha256').update(key.publicBlob).digest('base64').replace(/=+$/, '');
    expect(key.sha256Fingerprint).toBe(`SHA256:${expected}`);
    expect(key.sha256Fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(sshFingerprint(Buffer.from('abc'))).toBe('SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0');
  });

  it('makes a new key each time', () => {
    expect(generateHostKey().sha256Fingerprint).not.toBe(generateHostKey().sha256Fingerprint);
  });
});
