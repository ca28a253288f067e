import { describe, expect, it } from 'vitest';

import { remoteFailureKind, SFTP_STATUS, transportFailureKind } from './classify-failure';

/** Shaped like what Node and ssh2 emit: a message, a code and/or ssh2's `level`. */
const error = (fields: { code?: string | number; level?: string }, message = 'x'): Error => Object.assign(new Error(message), fields);

describe('transportFailureKind', () => {
  it('names DNS failures from getaddrinfo codes', () => {
    expect(transportFailureKind(error({ code: 'ENOTFOUND', level: 'client-socket' }, 'getaddrinfo ENOTFOUND sftp.example'))).toBe('dns');
    expect(transportFailureKind(error({ code: 'EAI_AGAIN', level: 'client-socket' }))).toBe('dns');
    expect(transportFailureKind(error({ level: 'client-dns' }))).toBe('dns');
  });

  it('names refused connections, timeouts, logins and lost connections', () => {
    expect(transportFailureKind(error({ code: 'ECONNREFUSED', level: 'client-socket' }))).toBe('connection-refused');
    expect(transportFailureKind(error({ level: 'client-timeout' }, 'Timed out while waiting for handshake'))).toBe('timeout');
    expect(transportFailureKind(error({ code: 'ETIMEDOUT' }))).toBe('timeout');
    expect(transportFailureKind(error({ level: 'client-authentication' }, 'All configured authentication methods failed'))).toBe('auth-failed');
    expect(transportFailureKind(error({ code: 'ECONNRESET', level: 'client-socket' }))).toBe('connection-lost');
    expect(transportFailureKind(error({ code: 'ERR_NOT_CONNECTED' }))).toBe('connection-lost');
  });

  it('leaves everything else unnamed, including messages that merely look familiar', () => {
    expect(transportFailureKind(error({ level: 'handshake' }, 'Host denied (verification failed)'))).toBeUndefined();
    expect(transportFailureKind(new Error('connect ECONNREFUSED'))).toBeUndefined();
    expect(transportFailureKind('ECONNREFUSED')).toBeUndefined();
    expect(transportFailureKind(undefined)).toBeUndefined();
    expect(transportFailureKind(null)).toBeUndefined();
  });
});

describe('remoteFailureKind', () => {
  it('reads permission denied the same at every step', () => {
    for (const step of ['mkdir', 'write', 'rename'] as const) {
      expect(remoteFailureKind(error({ code: SFTP_STATUS.permissionDenied }), step)).toBe('permission-denied');
    }
  });

  it('reads a plain FAILURE while writing as a write failure (OpenSSH sends it for a full disk)', () => {
    expect(remoteFailureKind(error({ code: SFTP_STATUS.failure }), 'write')).toBe('write-failed');
    expect(remoteFailureKind(error({ code: SFTP_STATUS.failure }), 'rename')).toBe('failed');
  });

  it('blames the directory for failures while creating it, or a vanished one while writing', () => {
    expect(remoteFailureKind(error({ code: 'ERR_BAD_PATH' }), 'mkdir')).toBe('remote-dir');
    expect(remoteFailureKind(error({ code: SFTP_STATUS.failure }), 'mkdir')).toBe('remote-dir');
    expect(remoteFailureKind(error({ code: SFTP_STATUS.noSuchFile }), 'write')).toBe('remote-dir');
  });

  it('reads lost connections and timeouts before the step', () => {
    expect(remoteFailureKind(error({ code: SFTP_STATUS.connectionLost }), 'write')).toBe('connection-lost');
    expect(remoteFailureKind(error({ code: SFTP_STATUS.noConnection }), 'mkdir')).toBe('connection-lost');
    expect(remoteFailureKind(error({ code: 'ECONNRESET' }), 'mkdir')).toBe('connection-lost');
    expect(remoteFailureKind(error({ level: 'client-timeout' }), 'rename')).toBe('timeout');
  });

  it('falls back to a plain failure', () => {
    expect(remoteFailureKind(new Error('something odd'), 'write')).toBe('failed');
    expect(remoteFailureKind(error({ code: 8 }), 'rename')).toBe('failed');
  });
});
