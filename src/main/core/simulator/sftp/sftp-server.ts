import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';

import { Server, type AuthContext, type Connection } from 'ssh2';

import type { SshHostKey } from './host-key';
import type { MemoryFs } from './memory-fs';
import { SftpSession } from './sftp-session';

export interface SftpServerOptions {
  readonly port: number;
  readonly username: string;
  readonly password: string;
  readonly hostKey: SshHostKey;
  readonly fs: MemoryFs;
  /** Where relative paths start (the SFTP user's home). */
  readonly home: string;
}

export interface RunningSftpServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export const SFTP_HOST = '127.0.0.1';

// Hashing first gives equal lengths, so the comparison takes the same time for any guess.
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function authenticate(context: AuthContext, options: SftpServerOptions): void {
  const passwordOk =
    context.method === 'password' && sameSecret(context.username, options.username) && sameSecret(context.password, options.password);
  if (passwordOk) context.accept();
  else context.reject(['password']);
}

function serveClient(client: Connection, options: SftpServerOptions): void {
  // A client that drops its connection must not crash the process with an unhandled error.
  client.on('error', () => undefined);
  client.on('authentication', (context) => authenticate(context, options));
  client.on('ready', () => {
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      // Only SFTP: exec, shell and port forwarding are refused by ssh2 when nobody listens.
      session.on('sftp', (acceptSftp) => {
        new SftpSession(acceptSftp(), options.fs, options.home);
      });
    });
  });
}

/** Enough for a demo and parallel tests; more connections at once means something is wrong. */
export const MAX_SFTP_CONNECTIONS = 32;

/**
 * An SSH server on 127.0.0.1 that speaks only SFTP, with one password user. The TCP side is a
 * plain net.Server whose sockets are handed to ssh2, so close() can destroy every socket
 * instead of waiting for clients that never hang up.
 */
export async function startSftpServer(options: SftpServerOptions): Promise<RunningSftpServer> {
  const ssh = new Server({ hostKeys: [options.hostKey.privateKey], ident: 'DialsheetSimulator' }, (client) => serveClient(client, options));
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    if (sockets.size >= MAX_SFTP_CONNECTIONS) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    // Without no-delay, SFTP's many small request/answer round trips each wait on delayed ACKs.
    socket.setNoDelay(true);
    socket.once('close', () => sockets.delete(socket));
    ssh.injectSocket(socket);
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(options.port, SFTP_HOST, () => {
      tcp.off('error', reject);
      resolve();
    });
  });
  const { port } = tcp.address() as AddressInfo;
  return {
    host: SFTP_HOST,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        tcp.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
