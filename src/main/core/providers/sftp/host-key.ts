/**
 * SSH host keys as the user sees them: OpenSSH's SHA-256 fingerprint, the form `ssh-keygen -lf`
 * prints and server administrators read out, so a pin can be checked against what they say.
 */
import { createHash } from 'node:crypto';

import { Client } from 'ssh2';

import { connectionFailure, type ConnectionFailureKind, type ServerContext } from './sftp-errors';
import { transportFailureKind } from './classify-failure';
import { openSshSocket } from './ssh-socket';

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;
const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

export interface HostKeyInfo {
  /** "SHA256:" + unpadded base64 of the SHA-256 of the key blob. */
  readonly fingerprint: string;
  /** The key's algorithm name from the blob, e.g. "ssh-ed25519". */
  readonly keyType: string;
}

/** `blob` is the key in SSH wire format: what the server sends, and the base64 part of a .pub line. */
export function sshFingerprint(blob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export function isSshFingerprint(text: string): boolean {
  return FINGERPRINT.test(text);
}

/** A pin as the user may paste it: with spaces around, or padded by a tool that keeps base64's '='. */
export function normalizeFingerprint(text: string): string {
  return text.trim().replace(/=+$/, '');
}

/** The blob starts with its algorithm name as an SSH string (uint32 length, then the bytes). */
export function sshKeyType(blob: Uint8Array): string {
  if (blob.length < 4) throw new Error('SSH key blob is too short');
  const length = new DataView(blob.buffer, blob.byteOffset, blob.byteLength).getUint32(0);
  if (length === 0 || length > 64 || 4 + length > blob.length) throw new Error('SSH key blob has no valid type name');
  return Buffer.from(blob.subarray(4, 4 + length)).toString('latin1');
}

export function describeHostKey(blob: Uint8Array): HostKeyInfo {
  return { fingerprint: sshFingerprint(blob), keyType: sshKeyType(blob) };
}

/** For a key the administrator sends as a .pub line ("ssh-ed25519 AAAA… comment"). */
export function describePublicKeyLine(line: string): HostKeyInfo {
  const [type, base64] = line.trim().split(/\s+/);
  if (type === undefined || base64 === undefined) throw new Error('Not an OpenSSH public key line');
  const info = describeHostKey(Buffer.from(base64, 'base64'));
  if (info.keyType !== type) throw new Error(`Public key line says ${type} but holds a ${info.keyType} key`);
  return info;
}

export interface ProbeOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs?: number;
}

/**
 * Reads the server's host key so the user can decide whether to pin it. The key is refused inside
 * the handshake, so the connection ends before authentication: no user name, password or key is
 * ever sent on it. The key type is the one our SSH client negotiates, the same one an upload will
 * see, so a server with several host keys is pinned by the key that will later be checked.
 */
function probeFailureKind(error: unknown, peerHungUp: boolean): ConnectionFailureKind {
  const kind = transportFailureKind(error);
  if (kind !== undefined && kind !== 'auth-failed') return kind;
  return peerHungUp ? 'connection-lost' : 'failed';
}

export async function probeHostKey(options: ProbeOptions): Promise<HostKeyInfo> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const server: ServerContext = { host: options.host, port: options.port };
  return new Promise<HostKeyInfo>((resolve, reject) => {
    const connection = openSshSocket(options.host, options.port);
    const client = new Client();
    let seen: HostKeyInfo | undefined;
    let settled = false;
    // The refusal makes ssh2 report an error, so a seen key is a success whatever ends the connection.
    const finish = (error: unknown): void => {
      if (settled) return;
      settled = true;
      client.destroy();
      connection.socket.destroy();
      if (seen !== undefined) resolve(seen);
      else reject(connectionFailure(probeFailureKind(error, connection.peerHungUp), server, timeoutMs, 'reading the host key'));
    };
    client.on('error', finish);
    client.on('close', () => finish(undefined));
    client.connect({
      sock: connection.socket,
      // Required by ssh2 but never sent: the handshake stops before authentication.
      username: 'probe',
      readyTimeout: timeoutMs,
      hostVerifier: (key: Buffer): boolean => {
        seen = describeHostKey(key);
        return false;
      },
    });
  });
}
