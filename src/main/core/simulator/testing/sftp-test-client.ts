import { once } from 'node:events';
import { connect as tcpConnect } from 'node:net';

import SftpClient from 'ssh2-sftp-client';

import { sshFingerprint } from '../sftp/host-key';

export interface SftpTestTarget {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  /** When given, any other host key is refused, as a pinning client does. */
  readonly hostKeySha256?: string;
}

/**
 * An ssh2-sftp-client connected the way the app should connect: over a socket with TCP
 * no-delay (each small SFTP round trip otherwise waits ~40 ms on delayed ACKs) and with the
 * host key pinned. Quiet: the library prints every end/close event without its own listeners.
 */
export async function connectSftp(target: SftpTestTarget): Promise<SftpClient> {
  const socket = tcpConnect(target.port, target.host);
  socket.setNoDelay(true);
  await once(socket, 'connect');
  const client = new SftpClient('test', { error: () => undefined, end: () => undefined, close: () => undefined });
  const pinned = target.hostKeySha256;
  try {
    await client.connect({
      sock: socket,
      username: target.username,
      password: target.password,
      readyTimeout: 5_000,
      retries: 0,
      ...(pinned === undefined ? {} : { hostVerifier: (key: Buffer) => sshFingerprint(key) === pinned }),
    });
  } catch (error) {
    socket.destroy();
    throw error;
  }
  return client;
}
