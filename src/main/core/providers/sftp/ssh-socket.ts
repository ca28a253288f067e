import { connect, type Socket } from 'node:net';

export interface SshSocket {
  readonly socket: Socket;
  /** The server closed its side before we closed ours: it hung up on us. */
  readonly peerHungUp: boolean;
}

/**
 * The TCP connection handed to ssh2. Opening it ourselves lets us set no-delay before the first
 * byte and see a hang-up for what it is: ssh2 reports that only as a message, with no code.
 */
export function openSshSocket(host: string, port: number): SshSocket {
  const socket = connect({ host, port });
  // Without it, each SFTP write request waits for the server's delayed ACK (Nagle's algorithm):
  // 10 MiB took 4-6 s instead of about 50 ms on loopback.
  socket.setNoDelay(true);
  // ssh2 reports socket errors through its client; this only keeps an error that comes before
  // ssh2 has attached (or after it let go) from being an unhandled 'error' event.
  socket.on('error', () => undefined);
  let peerHungUp = false;
  // Registered before ssh2's own listeners, so it is known by the time ssh2 reports the error.
  socket.once('end', () => {
    peerHungUp = true;
  });
  return {
    socket,
    get peerHungUp() {
      return peerHungUp;
    },
  };
}
