import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectSftp } from '../testing/sftp-test-client';
import { generateHostKey } from './host-key';
import { MemoryFs } from './memory-fs';
import { startSftpServer, type RunningSftpServer } from './sftp-server';

const USER = 'sftp-user';
const PASSWORD = 'sftp-password-1';
const hostKey = generateHostKey();
const fs = new MemoryFs();
let server: RunningSftpServer;

const target = (overrides: { password?: string; hostKeySha256?: string } = {}) => ({
  host: server.host,
  port: server.port,
  username: USER,
  password: overrides.password ?? PASSWORD,
  hostKeySha256: overrides.hostKeySha256 ?? hostKey.sha256Fingerprint,
});

beforeAll(async () => {
  fs.reset(['/upload']);
  server = await startSftpServer({ port: 0, username: USER, password: PASSWORD, hostKey, fs, home: '/' });
});

afterAll(async () => {
  await server.close();
});

describe('SFTP server', () => {
  it('takes an upload with put and with fastPut, and serves it back', async () => {
    const client = await connectSftp(target());
    const dir = mkdtempSync(join(tmpdir(), 'sim-sftp-'));
    try {
      await client.put(Buffer.from('first file'), '/upload/one.txt');
      const big = Buffer.alloc(300_000, 7);
      big.write('head', 0);
      writeFileSync(join(dir, 'big.bin'), big);
      await client.fastPut(join(dir, 'big.bin'), 'upload/big.bin');
      expect(fs.readFile('/upload/one.txt')?.toString()).toBe('first file');
      expect(fs.readFile('/upload/big.bin')?.equals(big)).toBe(true);
      const back = await client.get('/upload/one.txt');
      expect(Buffer.isBuffer(back) ? back.toString() : '').toBe('first file');
    } finally {
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists, stats, makes directories, renames and deletes', async () => {
    const client = await connectSftp(target());
    try {
      await client.mkdir('/upload/isales/2024', true);
      await client.put(Buffer.from('x'), '/upload/isales/2024/a.xlsx');
      await client.rename('/upload/isales/2024/a.xlsx', '/upload/isales/2024/b.xlsx');
      const listing = await client.list('/upload/isales/2024');
      expect(listing.map((entry) => [entry.name, entry.type, entry.size])).toEqual([['b.xlsx', '-', 1]]);
      expect(await client.exists('/upload/isales')).toBe('d');
      expect(await client.exists('/upload/isales/2024/b.xlsx')).toBe('-');
      expect(await client.exists('/upload/nothing')).toBe(false);
      expect(await client.cwd()).toBe('/');
      await client.delete('/upload/isales/2024/b.xlsx');
      expect(fs.stat('/upload/isales/2024/b.xlsx')).toBeUndefined();
    } finally {
      await client.end();
    }
  });

  it('answers a missing file or directory with an error, not a hang', async () => {
    const client = await connectSftp(target());
    try {
      await expect(client.get('/upload/missing.xlsx')).rejects.toThrow(/No such file/i);
      await expect(client.put(Buffer.from('x'), '/no-dir/f.txt')).rejects.toThrow();
    } finally {
      await client.end();
    }
  });

  it('refuses a wrong password', async () => {
    await expect(connectSftp(target({ password: 'wrong-password' }))).rejects.toThrow(/authentication/i);
  });

  it('is refused by a client pinned to another host key', async () => {
    await expect(connectSftp(target({ hostKeySha256: generateHostKey().sha256Fingerprint }))).rejects.toThrow();
  });
});

describe('SFTP server close', () => {
  it('ends connected clients and stops listening', async () => {
    const own = await startSftpServer({ port: 0, username: USER, password: PASSWORD, hostKey, fs: new MemoryFs(), home: '/' });
    const ownTarget = { host: own.host, port: own.port, username: USER, password: PASSWORD };
    const client = await connectSftp(ownTarget);
    const ended = new Promise<void>((resolve) => client.on('close', () => resolve()));
    await own.close();
    await ended;
    await expect(connectSftp(ownTarget)).rejects.toThrow();
  });
});
