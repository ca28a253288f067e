/**
 * Directory creation and the final rename, written against the few ssh2-sftp-client calls they
 * need so they can be tested without a server.
 */
import { posix } from 'node:path';

export interface DirectoryClient {
  stat(path: string): Promise<{ isDirectory: boolean }>;
  mkdir(path: string, recursive?: boolean): Promise<unknown>;
}

export interface RenameClient {
  posixRename(from: string, to: string): Promise<unknown>;
  rename(from: string, to: string): Promise<unknown>;
}

/** Thrown when a part of the remote directory path exists but is not a directory. */
export class NotADirectoryError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not a directory`);
    this.name = 'NotADirectoryError';
  }
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** ssh2-sftp-client's stat reports a missing path with this code (and folds SFTP FAILURE into it). */
const MISSING = 'ENOENT';

async function isDirectory(client: DirectoryClient, path: string): Promise<boolean | 'missing'> {
  try {
    return (await client.stat(path)).isDirectory;
  } catch (error) {
    if (codeOf(error) === MISSING) return 'missing';
    throw error;
  }
}

/**
 * Like `mkdir -p`. Walks up with stat, which follows symlinks, because ssh2-sftp-client's
 * recursive mkdir uses lstat and refuses a path through a symlinked directory, common on servers.
 */
export async function ensureDirectory(client: DirectoryClient, remoteDir: string): Promise<void> {
  const missing: string[] = [];
  let current = posix.normalize(remoteDir === '' ? '.' : remoteDir).replace(/(.)\/+$/, '$1');
  for (;;) {
    const found = await isDirectory(client, current);
    if (found === true) break;
    if (found === false) throw new NotADirectoryError(current);
    missing.unshift(current);
    const parent = posix.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing) await client.mkdir(path, false);
}

/**
 * Renames the finished temporary file onto its real name in one step. posix-rename (OpenSSH's
 * extension) replaces an existing file atomically; plain SFTP rename refuses to, so it is only the
 * fallback for servers without the extension. ssh2 throws that refusal itself, without an SFTP
 * status code; an error with a status code came from the server and is real.
 */
export async function moveIntoPlace(client: RenameClient, from: string, to: string): Promise<void> {
  try {
    await client.posixRename(from, to);
  } catch (error) {
    if (typeof codeOf(error) === 'number') throw error;
    await client.rename(from, to);
  }
}
