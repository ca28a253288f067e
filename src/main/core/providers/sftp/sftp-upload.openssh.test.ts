/**
 * uploadFiles against a real OpenSSH sshd on loopback (see testing/openssh-server.ts). Password
 * auth is tested here too, against the same sshd, through a dedicated system user; every
 * password-mode server lives in this file because they share that user's password.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSshServerUnavailableReason, startOpenSshServer, type OpenSshServer } from '../../testing/openssh-server';
import { startFreezableProxy } from './loopback-fakes';
import { HostKeyChangedError, SftpError } from './sftp-errors';
import { uploadFiles, type UploadOptions } from './sftp-upload';

const unavailable = openSshServerUnavailableReason();
if (unavailable !== undefined) console.warn(`Skipping the OpenSSH SFTP upload tests: ${unavailable}`);

const MiB = 1024 * 1024;
const START_MS = 30_000;

function keyOptions(server: OpenSshServer, files: UploadOptions['files'], remoteDir = '.'): UploadOptions {
  return {
    host: server.host,
    port: server.port,
    username: server.username,
    auth: { privateKey: server.clientKey ?? '' },
    pinnedHostKey: server.hostKeyFingerprint,
    remoteDir,
    files,
  };
}

async function failure(promise: Promise<unknown>): Promise<SftpError> {
  const outcome = await promise.then(
    () => new Error('the upload succeeded'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof SftpError)) throw outcome instanceof Error ? outcome : new Error(String(outcome));
  return outcome;
}

const same = (actual: Buffer, expected: Uint8Array): boolean => Buffer.compare(actual, expected) === 0;

/** Every name in the directory tree under `dir`, relative to it. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

/** sshd logs each TCP connection it accepts, and each login attempt by user name. */
async function countInLog(server: OpenSshServer, pattern: RegExp): Promise<number> {
  const log = await readFile(server.logFile, 'utf8');
  return log.split('\n').filter((line) => pattern.test(line)).length;
}

describe.skipIf(unavailable !== undefined)('uploadFiles against OpenSSH, key auth', () => {
  let server: OpenSshServer;
  beforeAll(async () => {
    server = await startOpenSshServer({ auth: 'key' });
  }, START_MS);
  afterAll(async () => {
    await server?.stop();
  });

  it('puts a 10 MiB random file on disk byte for byte, readable by the dialer, with no temporary file left', async () => {
    const bytes = randomBytes(10 * MiB);
    const events: Array<[number, number]> = [];
    const result = await uploadFiles({
      ...keyOptions(server, [{ name: 'calldata-001.xlsx', bytes }], 'ten'),
      onProgress: (sent, total) => events.push([sent, total]),
    });
    expect(result).toEqual({ files: [{ name: 'calldata-001.xlsx', remotePath: 'ten/calldata-001.xlsx', bytes: 10 * MiB }], totalBytes: 10 * MiB });
    const onDisk = join(server.dataDir, 'ten', 'calldata-001.xlsx');
    expect(same(await readFile(onDisk), bytes)).toBe(true);
    expect((await stat(onDisk)).mode & 0o777).toBe(0o644);
    expect(await readdir(join(server.dataDir, 'ten'))).toEqual(['calldata-001.xlsx']);

    expect(events.length).toBeGreaterThan(10);
    expect(events.at(-1)).toEqual([10 * MiB, 10 * MiB]);
    for (let i = 1; i < events.length; i++) expect(events[i]![0]).toBeGreaterThan(events[i - 1]![0]);
    expect(events.every(([, total]) => total === 10 * MiB)).toBe(true);
  });

  it('puts several files, creating the missing nested directory, and counts progress over all of them', async () => {
    const files = [
      { name: 'part-1.xlsx', bytes: randomBytes(300_000) },
      { name: 'part-2.xlsx', bytes: randomBytes(65_536 * 3 + 17) },
      { name: 'empty.xlsx', bytes: new Uint8Array(0) },
      { name: 'part-3 with spaces.xlsx', bytes: randomBytes(1) },
    ];
    const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
    let last: [number, number] | undefined;
    const result = await uploadFiles({ ...keyOptions(server, files, 'incoming/2026/11'), onProgress: (sent, all) => (last = [sent, all]) });
    expect(result.totalBytes).toBe(total);
    expect(result.files.map((f) => f.remotePath)).toEqual(files.map((f) => `incoming/2026/11/${f.name}`));
    expect(last).toEqual([total, total]);
    for (const file of files) {
      expect(same(await readFile(join(server.dataDir, 'incoming', '2026', '11', file.name)), file.bytes)).toBe(true);
    }
    expect(await tree(join(server.dataDir, 'incoming'))).toEqual(['2026', '2026/11', ...files.map((f) => `2026/11/${f.name}`).sort()]);
  });

  it('accepts an absolute remote directory', async () => {
    const bytes = randomBytes(1000);
    await uploadFiles(keyOptions(server, [{ name: 'abs.xlsx', bytes }], join(server.dataDir, 'absolute')));
    expect(same(await readFile(join(server.dataDir, 'absolute', 'abs.xlsx')), bytes)).toBe(true);
  });

  it('takes a pasted pin with spaces and base64 padding around it', async () => {
    await uploadFiles({ ...keyOptions(server, [{ name: 'pasted.xlsx', bytes: randomBytes(10) }], 'pasted'), pinnedHostKey: ` ${server.hostKeyFingerprint}= ` });
    expect(await readdir(join(server.dataDir, 'pasted'))).toEqual(['pasted.xlsx']);
  });

  it('replaces a file of the same name in one step', async () => {
    await uploadFiles(keyOptions(server, [{ name: 'same.xlsx', bytes: Buffer.from('old contents, longer') }], 'replace'));
    await uploadFiles(keyOptions(server, [{ name: 'same.xlsx', bytes: Buffer.from('new') }], 'replace'));
    expect(await readFile(join(server.dataDir, 'replace', 'same.xlsx'), 'utf8')).toBe('new');
    expect(await readdir(join(server.dataDir, 'replace'))).toEqual(['same.xlsx']);
  });

  it('refuses a server whose key is not the pinned one before logging in, and writes nothing', async () => {
    const before = await tree(server.dataDir);
    const loginsBefore = await countInLog(server, /authenticating user|Accepted publickey|Failed publickey|Postponed/);
    const wrongPin = 'SHA256:RoAv6KlQZsl0DNH0dKZIlqd52bJJ0vpwSBoAmFScO3U';
    const error = await failure(uploadFiles({ ...keyOptions(server, [{ name: 'x.xlsx', bytes: randomBytes(1000) }], 'pinned'), pinnedHostKey: wrongPin }));
    expect(error).toBeInstanceOf(HostKeyChangedError);
    expect(error.kind).toBe('host-key-changed');
    expect(error.message).toContain('server key changed');
    expect(error.message).toContain(wrongPin);
    expect(error.message).toContain(server.hostKeyFingerprint);
    expect(error.message).toContain('nothing was sent');
    expect((error as HostKeyChangedError).presentedFingerprint).toBe(server.hostKeyFingerprint);
    expect(await tree(server.dataDir)).toEqual(before);
    expect(await countInLog(server, /authenticating user|Accepted publickey|Failed publickey|Postponed/)).toBe(loginsBefore);
  });

  it('refuses to connect at all without a pin', async () => {
    const connectionsBefore = await countInLog(server, /^Connection from /);
    const error = await failure(uploadFiles({ ...keyOptions(server, [{ name: 'x.xlsx', bytes: randomBytes(10) }]), pinnedHostKey: '' }));
    expect(error.kind).toBe('no-pin');
    expect(error.message).toMatch(/No host key is pinned .*nothing was sent/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await countInLog(server, /^Connection from /)).toBe(connectionsBefore);
  });

  it('refuses a key the server does not know, with the authentication message and no key material', async () => {
    const stranger = await startOpenSshServer({ auth: 'key' });
    try {
      const otherKey = stranger.clientKey ?? '';
      const error = await failure(uploadFiles({ ...keyOptions(server, [{ name: 'x.xlsx', bytes: randomBytes(10) }]), auth: { privateKey: otherKey } }));
      expect(error.kind).toBe('auth-failed');
      expect(error.message).toContain(`Authentication failed: 127.0.0.1:${server.port} refused the login for user "${server.username}"`);
      for (const line of otherKey.split('\n').filter((l) => l.length > 20)) expect(error.message).not.toContain(line);
    } finally {
      await stranger.stop();
    }
  }, START_MS);

  it('says permission denied for a directory the account cannot write, and for one it cannot create', async () => {
    const locked = join(server.dataDir, 'locked');
    await mkdir(locked, { mode: 0o555 });
    await chmod(locked, 0o555);
    const intoLocked = await failure(uploadFiles(keyOptions(server, [{ name: 'x.xlsx', bytes: randomBytes(100) }], 'locked')));
    expect(intoLocked.kind).toBe('permission-denied');
    expect(intoLocked.message).toContain(`Permission denied: the server did not let user "${server.username}" write "x.xlsx" in "locked"`);
    expect(intoLocked.message).toContain('None of the 1 file was put on the server.');
    expect(intoLocked.message).not.toContain('temporary file');

    const below = await failure(uploadFiles(keyOptions(server, [{ name: 'x.xlsx', bytes: randomBytes(100) }], 'locked/new')));
    expect(below.kind).toBe('permission-denied');
    expect(below.message).toContain('in "locked/new"');
    expect(await readdir(locked)).toEqual([]);
  });

  it('says which files were put in place when a later one fails', async () => {
    const dir = join(server.dataDir, 'half');
    await mkdir(dir);
    await chmod(dir, 0o777);
    // A directory squatting on the second file's name makes its rename fail after the first file is done.
    await mkdir(join(dir, 'b.xlsx'));
    const error = await failure(
      uploadFiles(
        keyOptions(
          server,
          [
            { name: 'a.xlsx', bytes: randomBytes(1000) },
            { name: 'b.xlsx', bytes: randomBytes(1000) },
          ],
          'half',
        ),
      ),
    );
    expect(error.uploaded).toEqual(['a.xlsx']);
    expect(error.message).toContain('1 of 2 files were put in place (a.xlsx)');
    expect((await readdir(dir)).sort()).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('says so when the remote directory is a file', async () => {
    await writeFile(join(server.dataDir, 'plainfile'), 'x');
    const error = await failure(uploadFiles(keyOptions(server, [{ name: 'x.xlsx', bytes: randomBytes(10) }], 'plainfile/sub')));
    expect(error.kind).toBe('remote-dir');
    expect(error.message).toContain('The remote directory "plainfile/sub" could not be used');
  });

  it('times out when the server stops answering mid-transfer, and names the partial file it could not remove', async () => {
    const proxy = await startFreezableProxy(server.port);
    try {
      const started = Date.now();
      const error = await failure(
        uploadFiles({
          ...keyOptions(server, [{ name: 'stalled.xlsx', bytes: randomBytes(8 * MiB) }], 'stall'),
          port: proxy.port,
          timeoutMs: 1500,
          onProgress: (sent) => {
            if (sent >= MiB) proxy.freeze();
          },
        }),
      );
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain(`127.0.0.1:${proxy.port} stopped answering for 1.5 s during the upload "stalled.xlsx"`);
      expect(error.message).toMatch(/A partial temporary file "stall\/\.stalled\.xlsx\.[0-9a-f]{12}\.part" may remain/);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(await readdir(join(server.dataDir, 'stall'))).not.toContain('stalled.xlsx');
    } finally {
      await proxy.stop();
    }
  }, START_MS);

  it('abandons the upload with the progress callback’s own error, and cleans up', async () => {
    const boom = new Error('renderer went away');
    const outcome = await uploadFiles({
      ...keyOptions(server, [{ name: 'cb.xlsx', bytes: randomBytes(2 * MiB) }], 'callback'),
      onProgress: (sent) => {
        if (sent > MiB) throw boom;
      },
    }).catch((error: unknown) => error);
    expect(outcome).toBe(boom);
    expect(await readdir(join(server.dataDir, 'callback'))).toEqual([]);
  });
});

describe.skipIf(unavailable !== undefined)('uploadFiles against OpenSSH, a changed host key', () => {
  let server: OpenSshServer;
  beforeAll(async () => {
    server = await startOpenSshServer({ auth: 'key' });
  }, START_MS);
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses the server after it restarts with a new key, and works again once the new key is pinned', async () => {
    const pinned = server.hostKeyFingerprint;
    await uploadFiles(keyOptions(server, [{ name: 'before.xlsx', bytes: randomBytes(100) }]));
    const rotated = await server.rotateHostKey();
    expect(rotated).not.toBe(pinned);

    const error = await failure(uploadFiles({ ...keyOptions(server, [{ name: 'after.xlsx', bytes: randomBytes(100) }]), pinnedHostKey: pinned }));
    expect(error).toBeInstanceOf(HostKeyChangedError);
    expect((error as HostKeyChangedError).pinnedFingerprint).toBe(pinned);
    expect((error as HostKeyChangedError).presentedFingerprint).toBe(rotated);
    expect(await readdir(server.dataDir)).toEqual(['before.xlsx']);

    await uploadFiles({ ...keyOptions(server, [{ name: 'after.xlsx', bytes: randomBytes(100) }]), pinnedHostKey: rotated });
    expect((await readdir(server.dataDir)).sort()).toEqual(['after.xlsx', 'before.xlsx']);
  }, START_MS);
});

describe.skipIf(unavailable !== undefined)('uploadFiles against OpenSSH, an encrypted key', () => {
  const passphrase = 'correct horse battery staple';
  let server: OpenSshServer;
  beforeAll(async () => {
    server = await startOpenSshServer({ auth: 'key', clientKeyPassphrase: passphrase });
  }, START_MS);
  afterAll(async () => {
    await server?.stop();
  });

  it('logs in with the passphrase', async () => {
    const bytes = randomBytes(5000);
    await uploadFiles({ ...keyOptions(server, [{ name: 'enc.xlsx', bytes }]), auth: { privateKey: server.clientKey ?? '', passphrase } });
    expect(same(await readFile(join(server.dataDir, 'enc.xlsx')), bytes)).toBe(true);
  });

  it('refuses a wrong or missing passphrase before connecting, without echoing it', async () => {
    const connectionsBefore = await countInLog(server, /^Connection from /);
    const wrongPassphrase = { privateKey: server.clientKey ?? '', passphrase: 'hunter2-wrong' };
    const wrong = await failure(uploadFiles({ ...keyOptions(server, [{ name: 'x.xlsx', bytes: randomBytes(1) }]), auth: wrongPassphrase }));
    expect(wrong.kind).toBe('key-unreadable');
    expect(wrong.message).toContain('passphrase is missing or wrong');
    expect(wrong.message).not.toContain('hunter2-wrong');
    const missing = await failure(uploadFiles(keyOptions(server, [{ name: 'x.xlsx', bytes: randomBytes(1) }])));
    expect(missing.kind).toBe('key-unreadable');
    expect(await countInLog(server, /^Connection from /)).toBe(connectionsBefore);
  });
});

describe.skipIf(unavailable !== undefined)('uploadFiles against OpenSSH, password auth', () => {
  let server: OpenSshServer;
  beforeAll(async () => {
    server = await startOpenSshServer({ auth: 'password' });
  }, START_MS);
  afterAll(async () => {
    await server?.stop();
  });

  const passwordOptions = (password: string, name: string, bytes: Uint8Array): UploadOptions => ({
    host: server.host,
    port: server.port,
    username: server.username,
    auth: { password },
    pinnedHostKey: server.hostKeyFingerprint,
    remoteDir: 'pw',
    files: [{ name, bytes }],
  });

  it('logs in with the password and uploads', async () => {
    const bytes = randomBytes(MiB + 3);
    await uploadFiles(passwordOptions(server.password ?? '', 'pw.xlsx', bytes));
    expect(same(await readFile(join(server.dataDir, 'pw', 'pw.xlsx')), bytes)).toBe(true);
  });

  it('refuses a wrong password with the authentication message, never showing either password', async () => {
    const wrongPassword = `${server.password ?? ''}-wrong`;
    const error = await failure(uploadFiles(passwordOptions(wrongPassword, 'nope.xlsx', randomBytes(10))));
    expect(error.kind).toBe('auth-failed');
    expect(error.message).toContain(`refused the login for user "${server.username}" with the password given`);
    expect(error.message).not.toContain(wrongPassword);
    expect(error.message).not.toContain(server.password ?? '');
    expect(JSON.stringify(error)).not.toContain(server.password ?? '');
    expect(await readdir(join(server.dataDir, 'pw'))).not.toContain('nope.xlsx');
  });

  it('refuses a wrong user name the same way', async () => {
    const error = await failure(uploadFiles({ ...passwordOptions(server.password ?? '', 'nope.xlsx', randomBytes(10)), username: 'nobody-here' }));
    expect(error.kind).toBe('auth-failed');
    expect(error.message).toContain('user "nobody-here"');
  });
});

function tryMount(dir: string, bytes: number): string | undefined {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0777`, 'tmpfs', dir], { encoding: 'utf8' });
  return mounted.status === 0 ? undefined : `cannot mount a small tmpfs here (${mounted.stderr.trim() || mounted.error?.message || 'unknown'})`;
}

describe.skipIf(unavailable !== undefined)('uploadFiles against OpenSSH, a full disk', () => {
  let server: OpenSshServer;
  let fullDir: string;
  let cannotMount: string | undefined;
  beforeAll(async () => {
    server = await startOpenSshServer({ auth: 'key' });
    fullDir = join(server.dataDir, 'full');
    await mkdir(fullDir);
    cannotMount = tryMount(fullDir, MiB);
    if (cannotMount !== undefined) console.warn(`Skipping the full-disk test: ${cannotMount}`);
  }, START_MS);
  afterAll(async () => {
    if (cannotMount === undefined && fullDir !== undefined) spawnSync('umount', [fullDir]);
    await server?.stop();
  });

  it('says the server could not write, and removes the partial file', async (context) => {
    if (cannotMount !== undefined) context.skip();
    await writeFile(join(fullDir, 'already-there'), 'x');
    const error = await failure(uploadFiles(keyOptions(server, [{ name: 'big.xlsx', bytes: randomBytes(3 * MiB) }], 'full')));
    expect(error.kind).toBe('write-failed');
    expect(error.message).toContain('The server could not write "big.xlsx" in "full": its disk may be full');
    expect(error.message).not.toContain('temporary file');
    expect(await readdir(fullDir)).toEqual(['already-there']);
    await rm(join(fullDir, 'already-there'));
  });
});
