import { createServer, type AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { buildPinnedConnector } from './pinned-connector';
import { UserError } from '../user-error';

/** A port on 127.0.0.1 that was just free, so a connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type Outcome = { error: NodeJS.ErrnoException | null };

/** Runs the connector once; it must answer through its callback. */
function connectOnce(options: { hostname: string; protocol: string; port: string }): Promise<Outcome> {
  return new Promise((resolve) => {
    buildPinnedConnector(null)(options, (...args) => {
      const [error, socket] = args;
      socket?.destroy();
      resolve({ error });
    });
  });
}

describe('buildPinnedConnector', () => {
  it('refuses plain http to a host that is not loopback before opening any connection', async () => {
    // 127.0.0.2 is loopback to the OS but not on the allowed list: if the check failed, the
    // connector would try to connect (and fail differently), never leaving this machine.
    for (const hostname of ['127.0.0.2', '127.1.2.3']) {
      const { error } = await connectOnce({ hostname, protocol: 'http:', port: '9' });
      expect(error).toBeInstanceOf(UserError);
      expect(error?.message).toContain(`Plain http to ${hostname} was refused`);
    }
  });

  it('lets plain http through to loopback (here: nothing listens, so the error is the network one)', async () => {
    const { error } = await connectOnce({ hostname: '127.0.0.1', protocol: 'http:', port: String(await closedPort()) });
    expect(error).not.toBeInstanceOf(UserError);
    expect(error?.code).toBe('ECONNREFUSED');
  });
});
