import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { readRememberedPort, rememberPort, startWebHostOnRememberedPort, WEB_PORT_FILE } from './remembered-port';
import type { WebHost } from './server';
import { testWebHostOptions } from './testing/test-web-host';

const logError = vi.fn();
const opened: { close(): Promise<void> }[] = [];

const newDataDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'dialsheet-port-'));

async function start(dataDir: string, port?: number): Promise<WebHost> {
  const host = await startWebHostOnRememberedPort({ ...(await testWebHostOptions(logError)), port, dataDir });
  opened.push(host);
  return host;
}

/** Holds a port on 127.0.0.1 as another program would. */
async function occupy(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  opened.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
  logError.mockClear();
});

describe('the web host without --port', () => {
  it('starts on the port it had last time, so the browser keeps its storage for that origin', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    expect(await readRememberedPort(dataDir)).toBe(first.port);
    await first.close();
    const second = await start(dataDir);
    expect(second.port).toBe(first.port);
    expect(second.url).toBe(`http://127.0.0.1:${first.port}/?token=${second.token}`);
    expect(second.token).not.toBe(first.token);
    expect(logError).not.toHaveBeenCalled();
  });

  it('takes another port when the remembered one is taken, without an error, and remembers the new one', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    await first.close();
    await occupy(first.port);
    const second = await start(dataDir);
    expect(second.port).not.toBe(first.port);
    expect(await readRememberedPort(dataDir)).toBe(second.port);
    expect(logError).not.toHaveBeenCalled();
  });

  it('takes a free port when the file is damaged, and writes the file anew', async () => {
    for (const damaged of ['{"port": 41', 'null', '7', '{"port": "8080"}', '{"port": 0}', '{"port": 70000}', '{"port": 80.5}', '']) {
      const dataDir = await newDataDir();
      await writeFile(join(dataDir, WEB_PORT_FILE), damaged);
      expect(await readRememberedPort(dataDir)).toBeUndefined();
      const host = await start(dataDir);
      expect(host.port).toBeGreaterThan(0);
      expect(await readRememberedPort(dataDir)).toBe(host.port);
    }
    expect(logError).not.toHaveBeenCalled();
  });

  it('writes the file 0600 and leaves no temporary file behind', async () => {
    const dataDir = join(await newDataDir(), 'not-yet');
    const host = await start(dataDir);
    expect(JSON.parse(await readFile(join(dataDir, WEB_PORT_FILE), 'utf8'))).toEqual({ port: host.port });
    if (process.platform !== 'win32') expect((await stat(join(dataDir, WEB_PORT_FILE))).mode & 0o777).toBe(0o600);
    expect(await readdir(dataDir)).toEqual([WEB_PORT_FILE]);
  });

  it('still starts when the port cannot be remembered, and logs why', async () => {
    const blocker = join(await newDataDir(), 'a-file');
    await writeFile(blocker, '');
    const host = await start(join(blocker, 'data'));
    expect(host.port).toBeGreaterThan(0);
    expect(logError).toHaveBeenCalledWith("could not remember the web host's port", expect.anything());
  });
});

describe('the web host with --port', () => {
  it('--port 0 takes a free port and leaves the remembered one as it was', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    await first.close();
    const host = await start(dataDir, 0);
    expect(host.port).not.toBe(first.port);
    expect(await readRememberedPort(dataDir)).toBe(first.port);
  });

  it('--port N listens on N and does not change what is remembered', async () => {
    const dataDir = await newDataDir();
    await rememberPort(dataDir, 1);
    const probe = await start(await newDataDir(), 0);
    const free = probe.port;
    await probe.close();
    const host = await start(dataDir, free);
    expect(host.port).toBe(free);
    expect(await readRememberedPort(dataDir)).toBe(1);
  });

  it('--port N fails when N is taken: the port asked for is the only one it may use', async () => {
    const dataDir = await newDataDir();
    const other = await start(await newDataDir(), 0);
    await expect(start(dataDir, other.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await readRememberedPort(dataDir)).toBeUndefined();
  });
});
