import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';

import { UserError } from '../user-error';

function writeFailure(path: string, error: unknown): UserError {
  const code = (error as { code?: unknown }).code;
  const name = basename(path);
  const kept = 'Nothing was written; a file already there was left as it was.';
  switch (code) {
    case 'ENOENT':
      return new UserError('not-found', `${path} cannot be written: its folder does not exist. ${kept}`);
    case 'EISDIR':
      return new UserError('bad-input', `${path} is a folder; give a file name such as ${name}/results.csv. ${kept}`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError('refused', `${path} cannot be written here: permission denied. Choose another folder. ${kept}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError('refused', `The disk is full, so ${path} could not be written. ${kept}`);
    default:
      return new UserError('refused', `${path} could not be written (${typeof code === 'string' ? code : 'unknown error'}). ${kept}`);
  }
}

export type FileChunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Writes the file beside its final name and renames it into place only once it is whole and
 * flushed, so a reader never sees half a file and a failure leaves an older file with that name
 * untouched. File system failures come out as a UserError saying what to do. `mode` (0600 for
 * the app's own data files) is the new file's, before the umask; by default 0666 like any file.
 */
export async function writeFileAtomically(path: string, chunks: FileChunks, options: { mode?: number } = {}): Promise<void> {
  // Unique per write: two exports to the same name at once must not share a temporary file.
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temporary, 'wx', options.mode ?? 0o666);
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') await handle.write(chunk, null, 'utf8');
      else await handle.write(chunk);
    }
    // Flushed before the rename, or a crash could leave the new name pointing at an empty file.
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    // The content's own failures (and programming errors) pass through; only the file system's are explained here.
    if (error instanceof RangeError || error instanceof UserError || typeof (error as { code?: unknown }).code !== 'string') throw error;
    throw writeFailure(path, error);
  }
}
