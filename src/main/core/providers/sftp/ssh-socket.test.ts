import { once } from 'node:events';
import { Socket } from 'node:net';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { startFakeServer, type FakeServer } from './loopback-fakes';
import { openSshSocket } from './ssh-socket';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe('openSshSocket', () => {
  // The 70x difference is timing, which tests do not assert; that the switch is thrown, they can.
  it('turns Nagle off before connecting', async () => {
    fake = await startFakeServer();
    const setNoDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
    try {
      const connection = openSshSocket('127.0.0.1', fake.port);
      expect(setNoDelay).toHaveBeenCalledWith(true);
      expect(setNoDelay.mock.contexts).toContain(connection.socket);
      connection.socket.destroy();
    } finally {
      setNoDelay.mockRestore();
    }
  });

  it('sees the server hang up', async () => {
    fake = await startFakeServer((socket) => socket.end());
    const connection = openSshSocket('127.0.0.1', fake.port);
    connection.socket.resume();
    await once(connection.socket, 'close');
    expect(connection.peerHungUp).toBe(true);
  });

  it('does not call our own close a hang-up', async () => {
    fake = await startFakeServer();
    const connection = openSshSocket('127.0.0.1', fake.port);
    await once(connection.socket, 'connect');
    connection.socket.destroy();
    await once(connection.socket, 'close');
    expect(connection.peerHungUp).toBe(false);
  });
});
