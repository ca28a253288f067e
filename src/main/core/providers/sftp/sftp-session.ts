/**
 * One logged-in SFTP connection whose host key matched the pin. Everything before the login is
 * decided here: key parsing, the pin check, and the naming of connection and login failures.
 */
import { utils, type ParsedKey, type PasswordAuthMethod, type PublicKeyAuthMethod } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';

import { transportFailureKind } from './classify-failure';
import { sshFingerprint } from './host-key';
import { openSshSocket } from './ssh-socket';
import { authFailure, connectionFailure, HostKeyChangedError, keyUnreadableFailure, type ServerContext, type SftpError } from './sftp-errors';

export type SftpAuth = { readonly password: string } | { readonly privateKey: string | Uint8Array; readonly passphrase?: string };

export interface SessionOptions {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly auth: SftpAuth;
  readonly pinnedHostKey: string;
  readonly timeoutMs: number;
}

export interface Session {
  readonly client: SftpClient;
  /** Aborted when the connection ends for any reason but close(): every pending step should give up. */
  readonly lost: AbortSignal;
  /** The first error the connection itself reported (socket or protocol), if any. */
  readonly transportError: unknown;
  /** Cuts the connection at once (a stalled server will not answer a polite goodbye). */
  destroy(): void;
  close(): Promise<void>;
}

const GOODBYE_MS = 2000;

function authMethod(username: string, auth: SftpAuth): PasswordAuthMethod | PublicKeyAuthMethod | SftpError {
  if ('password' in auth) return { type: 'password', username, password: auth.password };
  const key: ParsedKey | Error = utils.parseKey(Buffer.from(auth.privateKey), auth.passphrase);
  if (key instanceof Error || !key.isPrivateKey()) return keyUnreadableFailure();
  // Handing ssh2 the parsed key avoids a second decryption, which takes about 0.3 s for an
  // encrypted OpenSSH key without the native module.
  return { type: 'publickey', username, key };
}

/** ssh2-sftp-client logs to the console by default; the app decides what is logged. */
const SILENT = { error: () => undefined, end: () => undefined, close: () => undefined };

function raceTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.catch(() => undefined).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

interface ConnectOutcome {
  /** The fingerprint of the key the server showed, if it got that far. */
  readonly presented: string | undefined;
  readonly error: unknown;
  readonly peerHungUp: boolean;
}

/** A changed key is named first: whatever else went wrong, that is what the user must hear. */
function connectFailure(options: SessionOptions, outcome: ConnectOutcome): SftpError {
  const server: ServerContext = { host: options.host, port: options.port };
  if (outcome.presented !== undefined && outcome.presented !== options.pinnedHostKey) {
    return new HostKeyChangedError(server, options.pinnedHostKey, outcome.presented);
  }
  const kind = transportFailureKind(outcome.error);
  if (kind === 'auth-failed') return authFailure(server, options.username, 'password' in options.auth ? 'password' : 'key');
  return connectionFailure(kind ?? (outcome.peerHungUp ? 'connection-lost' : 'failed'), server, options.timeoutMs);
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const method = authMethod(options.username, options.auth);
  if (method instanceof Error) throw method;

  const client = new SftpClient('dialsheet', SILENT);
  const lost = new AbortController();
  let transportError: unknown;
  let presented: string | undefined;
  let closing = false;
  client.on('error', (error: unknown) => {
    transportError ??= error;
  });
  const connection = openSshSocket(options.host, options.port);
  const { socket } = connection;
  socket.once('close', () => {
    if (!closing) lost.abort();
  });

  try {
    await client.connect({
      host: options.host,
      port: options.port,
      username: options.username,
      sock: socket,
      readyTimeout: options.timeoutMs,
      // Runs inside the key exchange, before any authentication request is sent.
      hostVerifier: (key: Buffer): boolean => {
        presented = sshFingerprint(key);
        return presented === options.pinnedHostKey;
      },
      authHandler: [method],
    });
  } catch (error) {
    socket.destroy();
    throw connectFailure(options, { presented, error: transportError ?? error, peerHungUp: connection.peerHungUp });
  }

  return {
    client,
    lost: lost.signal,
    get transportError() {
      return transportError;
    },
    destroy() {
      socket.destroy();
    },
    async close() {
      closing = true;
      // end() waits for a close event that never comes if the socket is already gone.
      await raceTimeout(client.end(), GOODBYE_MS);
      socket.destroy();
    },
  };
}
