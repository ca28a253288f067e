import { utils } from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';

import { closedPort, startFakeServer, type FakeServer } from './loopback-fakes';
import { SftpError } from './sftp-errors';
import { openSession, type SessionOptions } from './sftp-session';

const PIN = 'SHA256:RoAv6KlQZsl0DNH0dKZIlqd52bJJ0vpwSBoAmFScO3U';

const options = (port: number, fields: Partial<SessionOptions> = {}): SessionOptions => ({
  host: '127.0.0.1',
  port,
  username: 'calls',
  auth: { password: 'not-used-here' },
  pinnedHostKey: PIN,
  timeoutMs: 2000,
  ...fields,
});

async function failure(promise: Promise<unknown>): Promise<SftpError> {
  const outcome = await promise.then(
    () => new Error('connected'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof SftpError)) throw outcome instanceof Error ? outcome : new Error(String(outcome));
  return outcome;
}

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe('openSession, before any SSH is spoken', () => {
  it('reports a refused connection', async () => {
    const port = await closedPort();
    const error = await failure(openSession(options(port)));
    expect(error.kind).toBe('connection-refused');
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection`);
  });

  it('times out on a server that accepts and never speaks', async () => {
    fake = await startFakeServer();
    const started = Date.now();
    const error = await failure(openSession(options(fake.port, { timeoutMs: 400 })));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('did not answer within 0.4 s while connecting');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a server that hangs up at once as a lost connection', async () => {
    fake = await startFakeServer((socket) => socket.end());
    const error = await failure(openSession(options(fake.port)));
    expect(error.kind).toBe('connection-lost');
  });

  it('reports a server that speaks something other than SSH 2 as a failed handshake', async () => {
    fake = await startFakeServer((socket) => socket.write('SSH-1.5-ancient\r\n'));
    const error = await failure(openSession(options(fake.port)));
    expect(error.kind).toBe('failed');
    expect(error.message).toContain('did not complete an SSH handshake');
  });

  // glibc rejects a name with an empty label itself, without asking a DNS server (checked with
  // strace: no packet leaves), so this stays on the machine. Other resolvers might send a query.
  it.skipIf(process.platform !== 'linux')('reports a name that cannot be resolved', async () => {
    const error = await failure(openSession({ ...options(22), host: 'no-such-host..invalid' }));
    expect(error.kind).toBe('dns');
    expect(error.message).toContain('The server name "no-such-host..invalid" could not be found');
  });

  it('refuses an unreadable private key without connecting', async () => {
    fake = await startFakeServer();
    const { private: encrypted } = utils.generateKeyPairSync('ed25519', { passphrase: 'right', cipher: 'aes256-ctr', rounds: 2 });
    const { public: publicOnly } = utils.generateKeyPairSync('ed25519');
    const attempts: Array<SessionOptions['auth']> = [
      { privateKey: 'not a key' },
      { privateKey: encrypted },
      { privateKey: encrypted, passphrase: 'p4ss-Not-This' },
      { privateKey: publicOnly },
    ];
    for (const auth of attempts) {
      const error = await failure(openSession(options(fake.port, { auth })));
      expect(error.kind).toBe('key-unreadable');
      expect(error.message).not.toContain('p4ss-Not-This');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.connections).toBe(0);
  });
});
