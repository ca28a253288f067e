import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

import { UserError } from '../core/user-error';

function writeFailure(path: string, error: unknown): UserError {
  const code = (error as { code?: unknown }).code;
  const kept = 'Nothing was written; a file already there was left as it was.';
  switch (code) {
    case 'ENOENT':
      return new UserError('not-found', `${path} cannot be written: its folder does not exist. ${kept}`);
    case 'EISDIR':
      return new UserError('bad-input', `${path} is a folder; give a file name in it. ${kept}`);
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

/**
 * Writes the bytes beside their final name and renames them into place once whole and flushed
 * (as writeCsvFile does): a reader never sees half a file, and a failure leaves an older file
 * with that name untouched.
 */
export async function writeWholeFile(path: string, bytes: Uint8Array): Promise<void> {
  // Unique per write: two exports to the same name at once must not share a temporary file.
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temporary, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    if (typeof (error as { code?: unknown }).code !== 'string') throw error;
    throw writeFailure(path, error);
  }
}
