/**
 * Names on the server. The dialer picks up files from the directory by name, so a file must only
 * ever appear there complete: it is written under a hidden temporary name that the dialer's
 * pattern cannot match, then renamed in one step.
 */
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';

// 255 is the usual file name limit; the temporary name adds a dot and 18 characters around it.
const MAX_NAME_BYTES = 255 - 19;

/** Why `name` cannot be a file name in the remote directory, or undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'A file name is empty.';
  if (name.includes('/') || name.includes('\0')) return `"${name}" is not a plain file name (it holds "/" or a NUL).`;
  // A leading dot would hide the file from the dialer and could collide with our temporary names.
  if (name.startsWith('.')) return `"${name}" starts with a dot.`;
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return `"${name.slice(0, 40)}…" is longer than ${MAX_NAME_BYTES} bytes.`;
  return undefined;
}

export function fileNamesProblem(names: readonly string[]): string | undefined {
  if (names.length === 0) return 'There are no files to upload.';
  for (const name of names) {
    const problem = fileNameProblem(name);
    if (problem !== undefined) return problem;
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return `"${name}" is listed twice.`;
    seen.add(name);
  }
  return undefined;
}

/** Hidden, and ending in .part rather than the real extension, so "*.xlsx" never matches it. */
export function temporaryName(name: string): string {
  return `.${name}.${randomBytes(6).toString('hex')}.part`;
}

/** An empty directory means the session's start directory, as with any SFTP client. */
export function remotePath(remoteDir: string, name: string): string {
  return posix.join(remoteDir === '' ? '.' : remoteDir, name);
}
