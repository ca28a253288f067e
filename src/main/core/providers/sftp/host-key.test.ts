import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSshServerUnavailableReason, startOpenSshServer, type OpenSshServer } from '../../testing/openssh-server';
import { describeHostKey, describePublicKeyLine, isSshFingerprint, normalizeFingerprint, probeHostKey, sshFingerprint, sshKeyType } from './host-key';
import { closedPort, startFakeServer } from './loopback-fakes';
import { SftpError } from './sftp-errors';

// Public keys and the fingerprints `ssh-keygen -lf` printed for them.
const ED25519_LINE = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH4KR9ttsKoAbapUUQ7T5zltWZRpbH/KpVWmsAfous1m';
const ED25519_FINGERPRINT = 'SHA256:RoAv6KlQZsl0DNH0dKZIlqd52bJJ0vpwSBoAmFScO3U';
const ECDSA_LINE =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEY8J0klG6VMpZ+Kbma4sAGd6q+Pk7lNLRhf0G2f5jmb4eQjsHLekJGXiNHUZJ0bV5I5huoHNdSjSOh+QXNJPys= comment';
const ECDSA_FINGERPRINT = 'SHA256:YA9zh65H0ETnXZDOEIL6oQFKM3P6am3+NQUgN9BJ+W4';

const blobOf = (line: string): Buffer => Buffer.from(line.split(' ')[1]!, 'base64');

describe('sshFingerprint', () => {
  it('matches what ssh-keygen -lf printed for known keys', () => {
    expect(sshFingerprint(blobOf(ED25519_LINE))).toBe(ED25519_FINGERPRINT);
    expect(sshFingerprint(blobOf(ECDSA_LINE))).toBe(ECDSA_FINGERPRINT);
  });

  it('has no base64 padding and passes its own format check', () => {
    const fingerprint = sshFingerprint(new Uint8Array([1, 2, 3]));
    expect(fingerprint).not.toContain('=');
    expect(isSshFingerprint(fingerprint)).toBe(true);
  });

  it('reads a Uint8Array view without the bytes around it', () => {
    const blob = blobOf(ED25519_LINE);
    const padded = new Uint8Array(blob.length + 8);
    padded.set(blob, 4);
    expect(sshFingerprint(padded.subarray(4, 4 + blob.length))).toBe(ED25519_FINGERPRINT);
    expect(sshKeyType(padded.subarray(4, 4 + blob.length))).toBe('ssh-ed25519');
  });
});

describe('isSshFingerprint', () => {
  it('accepts only the SHA256 form', () => {
    expect(isSshFingerprint(ED25519_FINGERPRINT)).toBe(true);
    expect(isSshFingerprint(`${ED25519_FINGERPRINT}=`)).toBe(false);
    expect(isSshFingerprint(ED25519_FINGERPRINT.slice(0, -1))).toBe(false);
    expect(isSshFingerprint('MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48')).toBe(false);
    expect(isSshFingerprint('')).toBe(false);
  });

  it('accepts a pasted pin once spaces and padding are taken off, and nothing else', () => {
    expect(normalizeFingerprint(` ${ED25519_FINGERPRINT}=\n`)).toBe(ED25519_FINGERPRINT);
    expect(normalizeFingerprint(ED25519_FINGERPRINT.toLowerCase())).not.toBe(ED25519_FINGERPRINT);
  });
});

describe('key type and public key lines', () => {
  it('reads the algorithm name from the blob', () => {
    expect(describeHostKey(blobOf(ECDSA_LINE))).toEqual({ fingerprint: ECDSA_FINGERPRINT, keyType: 'ecdsa-sha2-nistp256' });
    expect(describePublicKeyLine(`  ${ED25519_LINE} admin@server\n`)).toEqual({ fingerprint: ED25519_FINGERPRINT, keyType: 'ssh-ed25519' });
  });

  it('rejects blobs and lines that are not keys', () => {
    expect(() => sshKeyType(new Uint8Array([0, 0]))).toThrow(/too short/);
    expect(() => sshKeyType(new Uint8Array([0, 0, 0, 200, 1]))).toThrow(/type name/);
    expect(() => describePublicKeyLine('ssh-rsa')).toThrow(/public key line/);
    expect(() => describePublicKeyLine(`ssh-rsa ${ED25519_LINE.split(' ')[1]!}`)).toThrow(/ssh-ed25519/);
  });
});

const keygenMissing = spawnSync('ssh-keygen', ['-?']).error !== undefined;
if (keygenMissing) console.warn('Skipping the ssh-keygen comparison: ssh-keygen is not installed.');

describe.skipIf(keygenMissing)('against ssh-keygen on fresh keys', () => {
  it.each(['ed25519', 'ecdsa', 'rsa'])('%s: same fingerprint as ssh-keygen -lf', async (type) => {
    const dir = await mkdtemp(join(tmpdir(), 'dialsheet-keys-'));
    try {
      const file = join(dir, 'key');
      spawnSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', file]);
      const printed = spawnSync('ssh-keygen', ['-lf', `${file}.pub`], { encoding: 'utf8' }).stdout.split(' ')[1];
      const line = await readFile(`${file}.pub`, 'utf8');
      expect(printed).toMatch(/^SHA256:/);
      expect(describePublicKeyLine(line).fingerprint).toBe(printed);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('probeHostKey, failures', () => {
  it('names a refused connection', async () => {
    const port = await closedPort();
    const error = await probeHostKey({ host: '127.0.0.1', port, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SftpError);
    expect((error as SftpError).kind).toBe('connection-refused');
    expect((error as SftpError).message).toContain(`127.0.0.1:${port} refused the connection`);
  });

  it('gives up on a server that never speaks', async () => {
    const silent = await startFakeServer();
    try {
      const error = await probeHostKey({ host: '127.0.0.1', port: silent.port, timeoutMs: 300 }).catch((e: unknown) => e);
      expect((error as SftpError).kind).toBe('timeout');
      expect((error as SftpError).message).toContain('did not answer within 0.3 s while reading the host key');
    } finally {
      await silent.stop();
    }
  });

  it('names a server that hangs up at once', async () => {
    const rude = await startFakeServer((socket) => socket.destroy());
    try {
      const error = await probeHostKey({ host: '127.0.0.1', port: rude.port, timeoutMs: 2000 }).catch((e: unknown) => e);
      expect((error as SftpError).kind).toBe('connection-lost');
      expect((error as SftpError).message).toContain('closed the connection while reading the host key');
    } finally {
      await rude.stop();
    }
  });
});

const unavailable = openSshServerUnavailableReason();
if (unavailable !== undefined) console.warn(`Skipping probeHostKey against OpenSSH: ${unavailable}`);

async function logOnceSettled(server: OpenSshServer): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const log = await readFile(server.logFile, 'utf8');
    if (/Disconnected from|Connection closed by/.test(log)) return log;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readFile(server.logFile, 'utf8');
}

describe.skipIf(unavailable !== undefined)('probeHostKey against OpenSSH', () => {
  let server: OpenSshServer;
  beforeAll(async () => {
    server = await startOpenSshServer({ auth: 'key' });
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('returns the fingerprint ssh-keygen gives for the server key, and stops before authentication', async () => {
    const info = await probeHostKey({ host: server.host, port: server.port });
    expect(info).toEqual({ fingerprint: server.hostKeyFingerprint, keyType: 'ssh-ed25519' });
    const log = await logOnceSettled(server);
    expect(log).toContain('Connection from 127.0.0.1');
    // sshd logs the user name from the first authentication request on; it never got one.
    expect(log).not.toMatch(/authenticating user|Accepted|Failed|Postponed|Invalid user/);
  });
});
