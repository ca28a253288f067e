/**
 * Reads what ssh2 and ssh2-sftp-client throw (Node socket codes, ssh2's `level`, SFTP status
 * numbers) and names the failure. Messages are never parsed: they change between versions.
 */
import type { TransferFailureKind } from './sftp-errors';

export type TransportFailureKind = 'dns' | 'connection-refused' | 'timeout' | 'auth-failed' | 'connection-lost';

/** SFTP v3 status codes (draft-ietf-secsh-filexfer-02 §7), which OpenSSH's server sends. */
export const SFTP_STATUS = {
  noSuchFile: 2,
  permissionDenied: 3,
  failure: 4,
  noConnection: 6,
  connectionLost: 7,
} as const;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);
// ssh2-sftp-client's own codes for "there is no connection any more".
const CLIENT_LOST_CODES = new Set(['ERR_NOT_CONNECTED']);

function field(error: unknown, name: 'code' | 'level'): unknown {
  return typeof error === 'object' && error !== null && name in error ? (error as Record<string, unknown>)[name] : undefined;
}

/** Failures of the connection itself (socket, handshake, login), or undefined when it is not one. */
export function transportFailureKind(error: unknown): TransportFailureKind | undefined {
  const code = field(error, 'code');
  const level = field(error, 'level');
  if (typeof code === 'string' && DNS_CODES.has(code)) return 'dns';
  if (level === 'client-dns') return 'dns';
  if (code === 'ECONNREFUSED') return 'connection-refused';
  if (code === 'ETIMEDOUT' || level === 'client-timeout') return 'timeout';
  if (level === 'client-authentication') return 'auth-failed';
  if (typeof code === 'string' && (LOST_CODES.has(code) || CLIENT_LOST_CODES.has(code))) return 'connection-lost';
  return undefined;
}

export type RemoteStep = 'mkdir' | 'write' | 'rename';

/** A failed SFTP request: what the server's status means for the step that sent it. */
export function remoteFailureKind(error: unknown, step: RemoteStep): TransferFailureKind {
  const transport = transportFailureKind(error);
  if (transport === 'timeout' || transport === 'connection-lost') return transport;
  const code = field(error, 'code');
  if (code === SFTP_STATUS.permissionDenied) return 'permission-denied';
  if (code === SFTP_STATUS.noConnection || code === SFTP_STATUS.connectionLost) return 'connection-lost';
  if (step === 'mkdir') return 'remote-dir';
  // OpenSSH answers every errno it has no status for (ENOSPC, EDQUOT, EIO) with plain FAILURE.
  if (step === 'write' && code === SFTP_STATUS.failure) return 'write-failed';
  if (step === 'write' && code === SFTP_STATUS.noSuchFile) return 'remote-dir';
  return 'failed';
}
