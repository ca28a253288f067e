import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { writeFileAtomically } from '../core/export/write-file-atomically';
import { readJsonFile } from '../core/store/json-file';
import { startWebHost, type WebHost, type WebHostOptions } from './server';

/**
 * In the data folder: the port `dialsheet web` last listened on. A browser keys localStorage (the
 * window's language) by origin, port included, so a host on the same port finds it again.
 */
export const WEB_PORT_FILE = 'web-port.json';

/** The remembered port, or undefined when the file is missing, damaged or names no usable port. */
export async function readRememberedPort(dataDir: string): Promise<number | undefined> {
  const value = await readJsonFile(join(dataDir, WEB_PORT_FILE));
  const port = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).port : undefined;
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 ? port : undefined;
}

/** Writes the port through a temporary file and a rename, 0600 like the app's other data files. */
export async function rememberPort(dataDir: string, port: number): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFileAtomically(join(dataDir, WEB_PORT_FILE), [`${JSON.stringify({ port })}\n`], { mode: 0o600 });
}

export interface RememberedPortHostOptions extends Omit<WebHostOptions, 'port' | 'orFreePort'> {
  /** As given with --port (0 included): used as it is and not remembered. Undefined: the last start's port. */
  port: number | undefined;
  dataDir: string;
}

/**
 * Starts the web host on the port of the last start without --port, or on a free port when there
 * is none or it is taken, and remembers the port it got. Neither the file nor the port can stop
 * the start: a damaged file counts as none, and a port that cannot be remembered is only logged.
 */
export async function startWebHostOnRememberedPort(options: RememberedPortHostOptions): Promise<WebHost> {
  const { port, dataDir, ...hostOptions } = options;
  if (port !== undefined) return startWebHost({ ...hostOptions, port });
  const remembered = await readRememberedPort(dataDir);
  const host = await startWebHost({ ...hostOptions, port: remembered ?? 0, orFreePort: true });
  if (host.port !== remembered) {
    await rememberPort(dataDir, host.port).catch((error: unknown) => hostOptions.logError("could not remember the web host's port", error));
  }
  return host;
}
