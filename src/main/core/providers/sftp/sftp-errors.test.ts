import { describe, expect, it } from 'vitest';

import { UserError } from '../../user-error';
import {
  authFailure,
  badInputFailure,
  connectionFailure,
  HostKeyChangedError,
  keptSummary,
  keyUnreadableFailure,
  noPinFailure,
  scrubSecrets,
  SftpError,
  transferFailure,
  type TransferFailureKind,
  type UploadState,
} from './sftp-errors';

const server = { host: 'sftp.example', port: 2222 };
const PINNED = 'SHA256:RoAv6KlQZsl0DNH0dKZIlqd52bJJ0vpwSBoAmFScO3U';
const PRESENTED = 'SHA256:YA9zh65H0ETnXZDOEIL6oQFKM3P6am3+NQUgN9BJ+W4';

describe('SftpError', () => {
  it('is a UserError, so the RPC layer passes its message through; input problems are bad-input, the rest refused', () => {
    const noPin = noPinFailure(server);
    expect(noPin).toBeInstanceOf(UserError);
    expect(noPin.code).toBe('bad-input');
    expect(keyUnreadableFailure().code).toBe('bad-input');
    expect(badInputFailure('x').code).toBe('bad-input');
    expect(connectionFailure('dns', server, 1000).code).toBe('refused');
    expect(authFailure(server, 'u', 'password').code).toBe('refused');
  });
});

describe('connection messages', () => {
  it('say what happened, that nothing was sent, and what to check', () => {
    expect(connectionFailure('dns', server, 20_000).message).toBe(
      'The server name "sftp.example" could not be found, so nothing was sent. Check the host name in the profile and this computer\'s network connection.',
    );
    expect(connectionFailure('connection-refused', server, 20_000).message).toMatch(
      /^sftp\.example:2222 refused the connection: .*nothing was sent\. Check the host and port/,
    );
    expect(connectionFailure('timeout', server, 1500).message).toMatch(/^sftp\.example:2222 did not answer within 1\.5 s while connecting, so nothing was sent\./);
    expect(connectionFailure('timeout', server, 20_000, 'reading the host key').message).toContain('within 20 s while reading the host key');
    expect(connectionFailure('connection-lost', server, 1).message).toContain('closed the connection while connecting, so nothing was sent');
    expect(connectionFailure('failed', server, 1).message).toContain('did not complete an SSH handshake');
  });

  it('tell a key problem from a refused login', () => {
    expect(authFailure(server, 'calls', 'password').message).toBe(
      'Authentication failed: sftp.example:2222 refused the login for user "calls" with the password given. Nothing was sent. Check the user name and password.',
    );
    expect(authFailure(server, 'calls', 'key').message).toContain('authorised for that user');
    expect(keyUnreadableFailure().message).toMatch(/^The private key could not be read: .*passphrase is missing or wrong/);
  });

  it('refuse an unpinned server in words that send the user to pin it', () => {
    const error = noPinFailure(server);
    expect(error.kind).toBe('no-pin');
    expect(error.message).toMatch(/^No host key is pinned for sftp\.example:2222, so nothing was sent\..*pin it/);
  });
});

describe('HostKeyChangedError', () => {
  it('names both fingerprints, says nothing was sent, and keeps them as fields', () => {
    const error = new HostKeyChangedError(server, PINNED, PRESENTED);
    expect(error).toBeInstanceOf(SftpError);
    expect(error.kind).toBe('host-key-changed');
    expect(error.code).toBe('refused');
    expect(error.message).toContain('The server key changed');
    expect(error.message).toContain(`presented host key ${PRESENTED}`);
    expect(error.message).toContain(`pinned for it is ${PINNED}`);
    expect(error.message).toContain('nothing was sent');
    expect(error.pinnedFingerprint).toBe(PINNED);
    expect(error.presentedFingerprint).toBe(PRESENTED);
  });
});

const state = (fields: Partial<UploadState> = {}): UploadState => ({ remoteDir: 'in', total: 3, uploaded: [], ...fields });

describe('keptSummary', () => {
  it('says how many files are in place and which', () => {
    expect(keptSummary(state())).toBe('None of the 3 files was put on the server.');
    expect(keptSummary(state({ total: 1 }))).toBe('None of the 1 file was put on the server.');
    expect(keptSummary(state({ uploaded: ['a.xlsx', 'b.xlsx'] }))).toBe('2 of 3 files were put in place (a.xlsx, b.xlsx); the rest were not.');
    const many = Array.from({ length: 7 }, (_, i) => `f${i}.xlsx`);
    expect(keptSummary(state({ total: 9, uploaded: many }))).toContain('7 of 9 files were put in place (f0.xlsx, f1.xlsx, f2.xlsx, f3.xlsx, f4.xlsx, …)');
  });

  it('names a temporary file that may have been left', () => {
    expect(keptSummary(state({ leftover: 'in/.a.xlsx.0123456789ab.part' }))).toContain(
      'A partial temporary file "in/.a.xlsx.0123456789ab.part" may remain in "in"; the dialer does not read it, and it can be deleted.',
    );
  });
});

describe('transferFailure', () => {
  const context = (detail?: string) => ({
    server,
    username: 'calls',
    timeoutMs: 20_000,
    state: state({ uploaded: ['a.xlsx'], current: 'b.xlsx' }),
    ...(detail !== undefined ? { detail } : {}),
  });

  it.each<[TransferFailureKind, RegExp]>([
    [
      'permission-denied',
      /^Permission denied: the server did not let user "calls" write "b\.xlsx" in "in"\. 1 of 3 files .* Ask the server's administrator for write access/,
    ],
    ['remote-dir', /^The remote directory "in" could not be used: .* Check the remote directory in the profile\.$/],
    ['write-failed', /^The server could not write "b\.xlsx" in "in": its disk may be full, or it had a write error\. 1 of 3 files/],
    ['timeout', /^sftp\.example:2222 stopped answering for 20 s during the upload "b\.xlsx"\. 1 of 3 files/],
    ['connection-lost', /^The connection to sftp\.example:2222 was lost during the upload "b\.xlsx"\. 1 of 3 files/],
    ['failed', /^The upload "b\.xlsx" to sftp\.example:2222 failed\. 1 of 3 files/],
  ])('%s', (kind, expected) => {
    const error = transferFailure(kind, context());
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(expected);
    expect(error.uploaded).toEqual(['a.xlsx']);
  });

  it('adds the library detail only to an otherwise unnamed failure', () => {
    expect(transferFailure('failed', context('_rename: Failure From: in/.b To: in/b')).message).toContain('failed (_rename: Failure From: in/.b To: in/b).');
    expect(transferFailure('write-failed', context('Failure')).message).not.toContain('(Failure)');
  });
});

describe('scrubSecrets', () => {
  it('blanks every occurrence of every secret, and ignores empty ones', () => {
    expect(scrubSecrets('pw=hunter2 again hunter2; key s3cr3t', ['hunter2', '', 's3cr3t'])).toBe('pw=[redacted] again [redacted]; key [redacted]');
    expect(scrubSecrets('nothing here', [''])).toBe('nothing here');
  });
});
