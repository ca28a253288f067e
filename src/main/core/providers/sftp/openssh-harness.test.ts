/**
 * The test sshd (src/main/core/testing/openssh-server.ts), checked with OpenSSH's own client
 * tools so the upload tests stand on something verified independently of our code. It lives
 * here, beside the tests that use it, so `vitest run src/main/core/providers/sftp` runs it too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSshServerUnavailableReason, startOpenSshServer, TEST_USER, type OpenSshServer } from '../../testing/openssh-server';

const unavailable = openSshServerUnavailableReason();
if (unavailable !== undefined) console.warn(`Skipping the OpenSSH harness tests: ${unavailable}`);
const clientTools = ['ssh-keyscan', 'sftp'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
if (unavailable === undefined && !clientTools) console.warn('Skipping the OpenSSH harness cross-checks: ssh-keyscan or sftp is not installed.');

/** What OpenSSH's own scanner sees on the port, fingerprinted by ssh-keygen. */
function scannedFingerprint(port: number): string {
  const scan = spawnSync('ssh-keyscan', ['-T', '5', '-t', 'ed25519', '-p', String(port), '127.0.0.1'], { encoding: 'utf8' });
  const printed = spawnSync('ssh-keygen', ['-lf', '-'], { input: scan.stdout, encoding: 'utf8' });
  return printed.stdout.split(' ')[1] ?? `(nothing: ${scan.stderr.trim()} ${printed.stderr.trim()})`;
}

async function banner(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('error', reject);
    socket.once('data', (chunk: Buffer) => {
      socket.destroy();
      resolve(chunk.toString('latin1'));
    });
  });
}

async function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe.skipIf(unavailable !== undefined)('startOpenSshServer', () => {
  let server: OpenSshServer;
  let scratch: string;
  beforeAll(async () => {
    server = await startOpenSshServer({ auth: 'key' });
    scratch = await mkdtemp(join(tmpdir(), 'dialsheet-harness-'));
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('serves OpenSSH on 127.0.0.1 as soon as it resolves, as the dedicated user', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(1024);
    expect(await banner(server.port)).toMatch(/^SSH-2\.0-OpenSSH_/);
    expect(server.username).toBe(TEST_USER);
    expect(server.clientKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(server.password).toBeUndefined();
    expect(server.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it.skipIf(!clientTools)('reports the host key fingerprint that ssh-keyscan sees', () => {
    expect(scannedFingerprint(server.port)).toBe(server.hostKeyFingerprint);
  });

  it.skipIf(!clientTools)('lets the OpenSSH sftp client put a file into dataDir, with the host key checked strictly', async () => {
    const keyFile = join(scratch, 'client_key');
    const knownHosts = join(scratch, 'known_hosts');
    const batch = join(scratch, 'batch');
    const local = join(scratch, 'hello.txt');
    await writeFile(keyFile, server.clientKey ?? '', { mode: 0o600 });
    const scan = spawnSync('ssh-keyscan', ['-t', 'ed25519', '-p', String(server.port), '127.0.0.1'], { encoding: 'utf8' });
    await writeFile(knownHosts, scan.stdout);
    await writeFile(local, 'hello from sftp');
    await writeFile(batch, `put ${local} hello.txt\n`);
    const sftp = spawnSync(
      'sftp',
      [
        ['-q', '-b', batch, '-i', keyFile, '-P', String(server.port)],
        ['-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes'],
        [`${server.username}@127.0.0.1`],
      ].flat(),
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(sftp.stderr).toBe('');
    expect(sftp.status).toBe(0);
    expect(await readFile(join(server.dataDir, 'hello.txt'), 'utf8')).toBe('hello from sftp');
  });

  it('restarts on the same port with a new host key', async () => {
    const before = server.hostKeyFingerprint;
    const rotated = await server.rotateHostKey();
    expect(rotated).not.toBe(before);
    expect(server.hostKeyFingerprint).toBe(rotated);
    expect(await banner(server.port)).toMatch(/^SSH-2\.0-OpenSSH_/);
    if (clientTools) expect(scannedFingerprint(server.port)).toBe(rotated);
  }, 30_000);
});

describe.skipIf(unavailable !== undefined)('OpenSshServer.stop', () => {
  it('stops sshd, frees the port and removes its files', async () => {
    const server = await startOpenSshServer({ auth: 'key' });
    const dir = join(server.dataDir, '..');
    expect(existsSync(join(dir, 'sshd_config'))).toBe(true);
    await server.stop();
    expect(await refuses(server.port)).toBe(true);
    expect(existsSync(dir)).toBe(false);
    await server.stop();
  }, 30_000);
});
