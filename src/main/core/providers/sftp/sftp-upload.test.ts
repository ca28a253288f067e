import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closedPort, startFakeServer, type FakeServer } from './loopback-fakes';
import { SftpError } from './sftp-errors';
import { uploadFiles, type UploadOptions } from './sftp-upload';

const PIN = 'SHA256:RoAv6KlQZsl0DNH0dKZIlqd52bJJ0vpwSBoAmFScO3U';

async function failure(promise: Promise<unknown>): Promise<SftpError> {
  const outcome = await promise.then(
    () => new Error('the upload succeeded'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof SftpError)) throw outcome instanceof Error ? outcome : new Error(String(outcome));
  return outcome;
}

/** Refusals must happen before a connection: the fake server counts any that reach it. */
describe('uploadFiles refuses bad input before connecting', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(async () => {
    expect(server.connections).toBe(0);
    await server.stop();
  });

  const options = (fields: Partial<UploadOptions> = {}): UploadOptions => ({
    host: '127.0.0.1',
    port: server.port,
    username: 'calls',
    auth: { password: 'S3cret-Pass' },
    pinnedHostKey: PIN,
    remoteDir: 'in',
    files: [{ name: 'a.xlsx', bytes: new Uint8Array(10) }],
    timeoutMs: 1000,
    ...fields,
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['missing (from untyped callers)', undefined as unknown as string],
  ])('no pin: %s', async (_label, pinnedHostKey) => {
    const error = await failure(uploadFiles(options({ pinnedHostKey })));
    expect(error.kind).toBe('no-pin');
    expect(error.code).toBe('bad-input');
    expect(error.message).toContain(`No host key is pinned for 127.0.0.1:${server.port}, so nothing was sent.`);
  });

  it('a pin that is not a SHA256 fingerprint', async () => {
    const error = await failure(uploadFiles(options({ pinnedHostKey: 'MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48' })));
    expect(error.kind).toBe('bad-input');
    expect(error.message).toMatch(/is not a SHA256 fingerprint; read and pin the server's key again\. Nothing was sent\.$/);
  });

  it.each<[string, Partial<UploadOptions>, RegExp]>([
    ['no files', { files: [] }, /no files to upload/],
    ['a path for a name', { files: [{ name: '../a.xlsx', bytes: new Uint8Array(1) }] }, /not a plain file name/],
    ['a hidden name', { files: [{ name: '.a.xlsx', bytes: new Uint8Array(1) }] }, /starts with a dot/],
    [
      'a name twice',
      {
        files: [
          { name: 'a.xlsx', bytes: new Uint8Array(1) },
          { name: 'a.xlsx', bytes: new Uint8Array(2) },
        ],
      },
      /listed twice/,
    ],
    ['an empty host', { host: ' ' }, /host is empty/],
    ['port 0', { port: 0 }, /Port 0 is not a TCP port/],
    ['port 70000', { port: 70_000 }, /not a TCP port/],
    ['an empty user', { username: '' }, /user name is empty/],
    ['a NUL in the directory', { remoteDir: 'in\0x' }, /NUL/],
    ['a zero timeout', { timeoutMs: 0 }, /timeout must be a positive/],
  ])('%s', async (_label, fields, expected) => {
    const error = await failure(uploadFiles(options(fields)));
    expect(error.kind).toBe('bad-input');
    expect(error.message).toMatch(expected);
    expect(error.message).not.toContain('S3cret-Pass');
  });
});

describe('uploadFiles, connection failures', () => {
  it('passes on the connection failure as an SftpError, with nothing uploaded', async () => {
    const port = await closedPort();
    const error = await failure(
      uploadFiles({
        host: '127.0.0.1',
        port,
        username: 'calls',
        auth: { password: 'S3cret-Pass' },
        pinnedHostKey: PIN,
        remoteDir: 'in',
        files: [{ name: 'a.xlsx', bytes: new Uint8Array(10) }],
      }),
    );
    expect(error.kind).toBe('connection-refused');
    expect(error.uploaded).toEqual([]);
    expect(error.message).not.toContain('S3cret-Pass');
  });
});
