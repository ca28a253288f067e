import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * A fresh ed25519 SSH host key for each simulator start. node:crypto makes the key; ssh2 reads
 * only OpenSSH or PKCS#1-style PEM, not node's PKCS#8, so the key is written out in the
 * "openssh-key-v1" layout (unencrypted) by hand.
 */
export interface SshHostKey {
  /** OpenSSH private key text, for ssh2's Server hostKeys. Never print or log it. */
  readonly privateKey: string;
  /** The public key in SSH wire form (what a client's hostVerifier receives). */
  readonly publicBlob: Buffer;
  /** "ssh-ed25519 AAAA…", as in known_hosts. */
  readonly publicLine: string;
  /** OpenSSH fingerprint form: "SHA256:" + unpadded Base64 of SHA-256 of the public blob. */
  readonly sha256Fingerprint: string;
}

const KEY_TYPE = 'ssh-ed25519';

function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}

/** SHA256 fingerprint exactly as `ssh-keygen -l` prints it. */
export function sshFingerprint(publicBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicBlob).digest('base64').replace(/=+$/, '')}`;
}

function ed25519Raw(): { seed: Buffer; pub: Buffer } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  if (jwk.d === undefined || jwk.x === undefined) throw new Error('node:crypto returned an ed25519 key without its parts.');
  return { seed: Buffer.from(jwk.d, 'base64url'), pub: Buffer.from(jwk.x, 'base64url') };
}

// The unencrypted private section is padded with 1, 2, 3, … to the 8-byte cipher block size.
function padToBlock(section: Buffer): Buffer {
  const padLength = (8 - (section.length % 8)) % 8;
  const pad = Buffer.from(Array.from({ length: padLength }, (_, i) => i + 1));
  return Buffer.concat([section, pad]);
}

function openSshPem(seed: Buffer, pub: Buffer, publicBlob: Buffer, comment: string): string {
  const check = randomBytes(4);
  const privateSection = padToBlock(
    Buffer.concat([check, check, sshString(KEY_TYPE), sshString(pub), sshString(Buffer.concat([seed, pub])), sshString(comment)]),
  );
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(publicBlob),
    sshString(privateSection),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----', ''].join('\n');
}

export function generateHostKey(comment = 'dialsheet-simulator'): SshHostKey {
  const { seed, pub } = ed25519Raw();
  const publicBlob = Buffer.concat([sshString(KEY_TYPE), sshString(pub)]);
  return {
    privateKey: openSshPem(seed, pub, publicBlob, comment),
    publicBlob,
    publicLine: `${KEY_TYPE} ${publicBlob.toString('base64')}`,
    sha256Fingerprint: sshFingerprint(publicBlob),
  };
}
