import { posix } from 'node:path';

/**
 * The simulated file server's disk, held in memory: nothing to clean up after a test, and no
 * path can reach the real file system. Sizes are bounded so a runaway upload fails cleanly.
 */

export type FsErrorCode = 'not-found' | 'exists' | 'not-dir' | 'is-dir' | 'not-empty' | 'quota';

export class FsError extends Error {
  readonly code: FsErrorCode;
  constructor(code: FsErrorCode, message: string) {
    super(message);
    this.name = 'FsError';
    this.code = code;
  }
}

export interface FsStat {
  readonly kind: 'file' | 'dir';
  readonly size: number;
  readonly mtimeMs: number;
}

export interface FsLimits {
  /** All files together. */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
}

// A 500,000-row call-data workbook is about 15 MB; several of them fit with room to spare.
export const DEFAULT_FS_LIMITS: FsLimits = { maxTotalBytes: 256 * 1024 * 1024, maxEntries: 10_000 };

interface StoredFile {
  data: Buffer;
  size: number;
  mtimeMs: number;
}

/** An absolute, normalised path; ".." stops at the root, so nothing escapes it. */
export function normalisePath(path: string, cwd = '/'): string {
  const joined = path.startsWith('/') ? path : posix.join(cwd, path);
  const normal = posix.normalize(`/${joined}`);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

export class MemoryFs {
  private readonly files = new Map<string, StoredFile>();
  private readonly dirs = new Map<string, number>();
  private bytes = 0;
  private readonly limits: FsLimits;

  constructor(limits: Partial<FsLimits> = {}) {
    this.limits = { ...DEFAULT_FS_LIMITS, ...limits };
    this.dirs.set('/', Date.now());
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Empties the disk, leaving the root and the given directories (created with parents). */
  reset(directories: readonly string[] = []): void {
    this.files.clear();
    this.dirs.clear();
    this.bytes = 0;
    this.dirs.set('/', Date.now());
    for (const dir of directories) this.mkdirAll(dir);
  }

  stat(path: string): FsStat | undefined {
    const at = normalisePath(path);
    const file = this.files.get(at);
    if (file !== undefined) return { kind: 'file', size: file.size, mtimeMs: file.mtimeMs };
    const dirTime = this.dirs.get(at);
    return dirTime === undefined ? undefined : { kind: 'dir', size: 0, mtimeMs: dirTime };
  }

  /** A copy of the file's bytes, or undefined when there is no such file. */
  readFile(path: string): Buffer | undefined {
    const file = this.files.get(normalisePath(path));
    return file === undefined ? undefined : Buffer.from(file.data.subarray(0, file.size));
  }

  readAt(path: string, offset: number, length: number): Buffer {
    const file = this.requireFile(path);
    const start = Math.min(offset, file.size);
    return Buffer.from(file.data.subarray(start, Math.min(file.size, start + length)));
  }

  /** Creates the file when missing (its directory must exist); empties it when `truncate`. */
  open(path: string, options: { readonly create: boolean; readonly truncate: boolean; readonly exclusive: boolean }): void {
    const at = normalisePath(path);
    if (this.dirs.has(at)) throw new FsError('is-dir', 'Is a directory');
    const existing = this.files.get(at);
    if (existing !== undefined && options.exclusive) throw new FsError('exists', 'File exists');
    if (existing === undefined) {
      if (!options.create) throw new FsError('not-found', 'No such file');
      this.requireParent(at);
      this.checkEntries();
      this.files.set(at, { data: Buffer.alloc(0), size: 0, mtimeMs: Date.now() });
      return;
    }
    if (options.truncate) {
      this.bytes -= existing.size;
      existing.size = 0;
      existing.mtimeMs = Date.now();
    }
  }

  writeFile(path: string, data: Uint8Array): void {
    this.open(path, { create: true, truncate: true, exclusive: false });
    this.writeAt(path, 0, data);
  }

  /** Writes at any offset, as SFTP clients with parallel chunks do; a gap reads as zeros. */
  writeAt(path: string, offset: number, data: Uint8Array): void {
    const file = this.requireFile(path);
    const end = offset + data.length;
    const growth = Math.max(0, end - file.size);
    if (this.bytes + growth > this.limits.maxTotalBytes) throw new FsError('quota', 'The simulated disk is full');
    if (end > file.data.length) {
      const grown = Buffer.alloc(Math.min(Math.max(end, file.data.length * 2), this.limits.maxTotalBytes));
      file.data.copy(grown, 0, 0, file.size);
      file.data = grown;
    }
    if (offset > file.size) file.data.fill(0, file.size, offset);
    file.data.set(data, offset);
    file.size = Math.max(file.size, end);
    file.mtimeMs = Date.now();
    this.bytes += growth;
  }

  mkdir(path: string): void {
    const at = normalisePath(path);
    if (this.dirs.has(at) || this.files.has(at)) throw new FsError('exists', 'File exists');
    this.requireParent(at);
    this.checkEntries();
    this.dirs.set(at, Date.now());
  }

  /** mkdir -p; for seeding and reset only. */
  mkdirAll(path: string): void {
    const at = normalisePath(path);
    if (at === '/' || this.dirs.has(at)) return;
    this.mkdirAll(posix.dirname(at));
    this.mkdir(at);
  }

  rmdir(path: string): void {
    const at = normalisePath(path);
    if (!this.dirs.has(at)) throw new FsError(this.files.has(at) ? 'not-dir' : 'not-found', 'No such directory');
    if (at === '/' || this.list(at).length > 0) throw new FsError('not-empty', 'Directory not empty');
    this.dirs.delete(at);
  }

  remove(path: string): void {
    const at = normalisePath(path);
    const file = this.files.get(at);
    if (file === undefined) throw new FsError(this.dirs.has(at) ? 'is-dir' : 'not-found', 'No such file');
    this.bytes -= file.size;
    this.files.delete(at);
  }

  /** Files only, and never over an existing name (SFTP v3 rename semantics). */
  rename(from: string, to: string): void {
    const source = normalisePath(from);
    const target = normalisePath(to);
    const file = this.files.get(source);
    if (file === undefined) throw new FsError(this.dirs.has(source) ? 'is-dir' : 'not-found', 'No such file');
    if (this.files.has(target) || this.dirs.has(target)) throw new FsError('exists', 'File exists');
    this.requireParent(target);
    this.files.delete(source);
    this.files.set(target, file);
  }

  /** The entries directly inside a directory, sorted by name. */
  list(path: string): Array<{ readonly name: string; readonly stat: FsStat }> {
    const at = normalisePath(path);
    if (!this.dirs.has(at)) throw new FsError(this.files.has(at) ? 'not-dir' : 'not-found', 'No such directory');
    const names = [...this.files.keys(), ...this.dirs.keys()].filter((p) => p !== at && posix.dirname(p) === at);
    return names
      .sort()
      .map((p) => ({ name: posix.basename(p), stat: this.stat(p) }))
      .filter((entry): entry is { name: string; stat: FsStat } => entry.stat !== undefined);
  }

  private requireFile(path: string): StoredFile {
    const at = normalisePath(path);
    const file = this.files.get(at);
    if (file === undefined) throw new FsError(this.dirs.has(at) ? 'is-dir' : 'not-found', 'No such file');
    return file;
  }

  private requireParent(at: string): void {
    const parent = posix.dirname(at);
    if (!this.dirs.has(parent)) throw new FsError(this.files.has(parent) ? 'not-dir' : 'not-found', 'No such directory');
  }

  private checkEntries(): void {
    if (this.files.size + this.dirs.size >= this.limits.maxEntries) throw new FsError('quota', 'Too many files on the simulated disk');
  }
}
