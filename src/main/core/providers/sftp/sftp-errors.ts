/**
 * Every way an SFTP upload can fail, as a typed error whose message says what happened, what was
 * kept on the server and what to do next. Messages are built only from host, port, user name,
 * paths and fingerprints: never from a password, passphrase or key, so they are safe to show and log.
 */
import type { ErrorCode } from '../../../../shared/result';
import { UserError } from '../../user-error';

export type SftpFailureKind =
  | 'no-pin'
  | 'bad-input'
  | 'key-unreadable'
  | 'dns'
  | 'connection-refused'
  | 'timeout'
  | 'host-key-changed'
  | 'auth-failed'
  | 'permission-denied'
  | 'remote-dir'
  | 'write-failed'
  | 'connection-lost'
  | 'failed';

/** Failures that happen before the login, where nothing can have been sent. */
export type ConnectionFailureKind = 'dns' | 'connection-refused' | 'timeout' | 'connection-lost' | 'failed';

/** Failures after the login, while directories and files are being written. */
export type TransferFailureKind = 'permission-denied' | 'remote-dir' | 'write-failed' | 'timeout' | 'connection-lost' | 'failed';

export interface ServerContext {
  readonly host: string;
  readonly port: number;
}

const INPUT_KINDS: ReadonlySet<SftpFailureKind> = new Set(['no-pin', 'bad-input', 'key-unreadable']);

export class SftpError extends UserError {
  readonly kind: SftpFailureKind;
  /** Files that reached their final name on the server before the failure. */
  readonly uploaded: readonly string[];
  constructor(kind: SftpFailureKind, message: string, uploaded: readonly string[] = []) {
    const code: ErrorCode = INPUT_KINDS.has(kind) ? 'bad-input' : 'refused';
    super(code, message);
    this.name = 'SftpError';
    this.kind = kind;
    this.uploaded = uploaded;
  }
}

export class HostKeyChangedError extends SftpError {
  readonly pinnedFingerprint: string;
  readonly presentedFingerprint: string;
  constructor(server: ServerContext, pinned: string, presented: string) {
    super(
      'host-key-changed',
      `The server key changed: ${where(server)} presented host key ${presented}, but the key pinned for it is ${pinned}. ` +
        'The connection was closed before logging in, so nothing was sent. If the server administrator confirms ' +
        'that the key was replaced, pin the new key; otherwise someone may be intercepting the connection.',
    );
    this.name = 'HostKeyChangedError';
    this.pinnedFingerprint = pinned;
    this.presentedFingerprint = presented;
  }
}

function where(server: ServerContext): string {
  return `${server.host}:${server.port}`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export function noPinFailure(server: ServerContext): SftpError {
  return new SftpError(
    'no-pin',
    `No host key is pinned for ${where(server)}, so nothing was sent. Read the server's key fingerprint, ` +
      "confirm it with the server's administrator and pin it, then upload again.",
  );
}

export function badInputFailure(problem: string): SftpError {
  return new SftpError('bad-input', `${problem} Nothing was sent.`);
}

export function keyUnreadableFailure(): SftpError {
  return new SftpError(
    'key-unreadable',
    'The private key could not be read: it is encrypted and its passphrase is missing or wrong, or it is not an ' +
      'OpenSSH, PEM or PuTTY private key. Nothing was sent. Check the key and passphrase in the profile.',
  );
}

export function connectionFailure(kind: ConnectionFailureKind, server: ServerContext, timeoutMs: number, doing = 'connecting'): SftpError {
  const messages: Record<ConnectionFailureKind, string> = {
    dns: `The server name "${server.host}" could not be found, so nothing was sent. Check the host name in the profile and this computer's network connection.`,
    'connection-refused':
      `${where(server)} refused the connection: nothing accepts SSH connections on that port, so nothing was sent. ` +
      'Check the host and port, and that the SFTP server is running.',
    timeout:
      `${where(server)} did not answer within ${seconds(timeoutMs)} while ${doing}, so nothing was sent. ` +
      'Check the host and port and that no firewall blocks the connection, then try again.',
    'connection-lost':
      `${where(server)} closed the connection while ${doing}, so nothing was sent. The server may be busy or may not ` +
      'accept connections from this computer; try again later or ask its administrator.',
    failed: `${where(server)} did not complete an SSH handshake while ${doing}, so nothing was sent. Check that the host and port belong to an SFTP server.`,
  };
  return new SftpError(kind, messages[kind]);
}

export function authFailure(server: ServerContext, username: string, method: 'password' | 'key'): SftpError {
  const fix = method === 'password' ? 'the user name and password' : 'the user name, and that this key is authorised for that user on the server';
  return new SftpError(
    'auth-failed',
    `Authentication failed: ${where(server)} refused the login for user "${username}" with the ${method === 'password' ? 'password' : 'private key'} given. ` +
      `Nothing was sent. Check ${fix}.`,
  );
}

/** Where an upload stood when it failed, so the message can say what is on the server. */
export interface UploadState {
  readonly remoteDir: string;
  readonly total: number;
  readonly uploaded: readonly string[];
  /** The file being written when it failed. */
  readonly current?: string;
  /** A temporary file that could not be removed after the failure. */
  readonly leftover?: string;
}

export function keptSummary(state: UploadState): string {
  const { uploaded, total } = state;
  const shown = uploaded.length > 5 ? [...uploaded.slice(0, 5), '…'] : uploaded;
  const done =
    uploaded.length === 0
      ? `None of the ${total} file${total === 1 ? '' : 's'} was put on the server.`
      : `${uploaded.length} of ${total} files were put in place (${shown.join(', ')}); the rest were not.`;
  const leftover =
    state.leftover === undefined
      ? ''
      : ` A partial temporary file "${state.leftover}" may remain in "${state.remoteDir}"; the dialer does not read it, and it can be deleted.`;
  return done + leftover;
}

export interface TransferContext {
  readonly server: ServerContext;
  readonly username: string;
  readonly timeoutMs: number;
  readonly state: UploadState;
  /** The library's own words, already cleared of secrets; used only when nothing better is known. */
  readonly detail?: string;
}

export function transferFailure(kind: TransferFailureKind, context: TransferContext): SftpError {
  const { server, state } = context;
  const file = state.current === undefined ? '' : ` "${state.current}"`;
  const dir = `"${state.remoteDir}"`;
  const summary = keptSummary(state);
  const messages: Record<TransferFailureKind, string> = {
    'permission-denied':
      `Permission denied: the server did not let user "${context.username}" write${file} in ${dir}. ${summary} ` +
      "Ask the server's administrator for write access to that directory, or choose another one.",
    'remote-dir':
      `The remote directory ${dir} could not be used: part of that path is a file, or it could not be created. ${summary} ` +
      'Check the remote directory in the profile.',
    'write-failed':
      `The server could not write${file} in ${dir}: its disk may be full, or it had a write error. ${summary} ` +
      "Ask the server's administrator to check its free space, then upload again.",
    timeout: `${where(server)} stopped answering for ${seconds(context.timeoutMs)} during the upload${file}. ${summary} Check the network, then upload again.`,
    'connection-lost': `The connection to ${where(server)} was lost during the upload${file}. ${summary} Upload again when the server is reachable.`,
    failed: `The upload${file} to ${where(server)} failed${context.detail === undefined ? '' : ` (${context.detail})`}. ${summary}`,
  };
  return new SftpError(kind, messages[kind], state.uploaded);
}

/** Library messages never carry secrets today; this keeps it so if one ever echoes its input. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length > 0) scrubbed = scrubbed.split(secret).join('[redacted]');
  }
  return scrubbed;
}
