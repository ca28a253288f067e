import { posix } from 'node:path';

import { utils, type Attributes, type FileEntry, type SFTPWrapper } from 'ssh2';

import { FsError, normalisePath, type FsStat, type MemoryFs } from './memory-fs';

const { OPEN_MODE, STATUS_CODE } = utils.sftp;

type OpenHandle =
  | { readonly kind: 'file'; readonly path: string; readonly append: boolean }
  | { readonly kind: 'dir'; readonly path: string; listed: boolean };

/** A client holding more handles than this is broken or hostile; real servers cap it too. */
export const MAX_OPEN_HANDLES = 64;

const FILE_MODE = 0o100644;
const DIR_MODE = 0o040755;

function attributesOf(stat: FsStat): Attributes {
  const seconds = Math.floor(stat.mtimeMs / 1000);
  return { mode: stat.kind === 'dir' ? DIR_MODE : FILE_MODE, uid: 1000, gid: 1000, size: stat.size, atime: seconds, mtime: seconds };
}

// Clients such as ssh2-sftp-client's list() read the type from the first letter of longname.
function longName(name: string, stat: FsStat): string {
  const rights = stat.kind === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--';
  const date = new Date(stat.mtimeMs).toUTCString().slice(5, 16);
  return `${rights} 1 sim sim ${String(stat.size).padStart(8)} ${date} ${name}`;
}

function statusOf(error: unknown): number {
  if (!(error instanceof FsError)) return STATUS_CODE.FAILURE;
  return error.code === 'not-found' ? STATUS_CODE.NO_SUCH_FILE : STATUS_CODE.FAILURE;
}

/**
 * Serves one SFTP channel from the in-memory disk. Relative paths start at `home`. Every
 * request gets exactly one answer; file-system errors become SFTP status codes with a short
 * message that names no path outside what the client sent.
 */
export class SftpSession {
  private readonly handles = new Map<number, OpenHandle>();
  private nextHandle = 1;

  constructor(
    private readonly sftp: SFTPWrapper,
    private readonly fs: MemoryFs,
    private readonly home: string,
  ) {
    this.listen();
  }

  private listen(): void {
    const sftp = this.sftp;
    sftp.on('OPEN', (id: number, path: string, flags: number) => this.guard(id, () => this.open(id, path, flags)));
    sftp.on('READ', (id: number, handle: Buffer, offset: number, length: number) => this.guard(id, () => this.read(id, handle, offset, length)));
    sftp.on('WRITE', (id: number, handle: Buffer, offset: number, data: Buffer) => this.guard(id, () => this.write(id, handle, offset, data)));
    sftp.on('FSTAT', (id: number, handle: Buffer) => this.guard(id, () => this.sendStat(id, this.handle(handle).path)));
    sftp.on('FSETSTAT', (id: number, handle: Buffer) => this.guard(id, () => this.acceptSetStat(id, this.handle(handle).path)));
    sftp.on('CLOSE', (id: number, handle: Buffer) => this.guard(id, () => this.close(id, handle)));
    sftp.on('OPENDIR', (id: number, path: string) => this.guard(id, () => this.openDir(id, path)));
    sftp.on('READDIR', (id: number, handle: Buffer) => this.guard(id, () => this.readDir(id, handle)));
    sftp.on('STAT', (id: number, path: string) => this.guard(id, () => this.sendStat(id, this.resolve(path))));
    sftp.on('LSTAT', (id: number, path: string) => this.guard(id, () => this.sendStat(id, this.resolve(path))));
    sftp.on('SETSTAT', (id: number, path: string) => this.guard(id, () => this.acceptSetStat(id, this.resolve(path))));
    sftp.on('REALPATH', (id: number, path: string) => this.guard(id, () => this.realPath(id, path)));
    sftp.on('MKDIR', (id: number, path: string) => this.guard(id, () => this.ok(id, () => this.fs.mkdir(this.resolve(path)))));
    sftp.on('RMDIR', (id: number, path: string) => this.guard(id, () => this.ok(id, () => this.fs.rmdir(this.resolve(path)))));
    sftp.on('REMOVE', (id: number, path: string) => this.guard(id, () => this.ok(id, () => this.fs.remove(this.resolve(path)))));
    sftp.on('RENAME', (id: number, from: string, to: string) =>
      this.guard(id, () => this.ok(id, () => this.fs.rename(this.resolve(from), this.resolve(to)))),
    );
    for (const unsupported of ['READLINK', 'SYMLINK', 'EXTENDED']) {
      sftp.on(unsupported, (id: number) => sftp.status(id, STATUS_CODE.OP_UNSUPPORTED, 'Not supported by the simulator'));
    }
  }

  private guard(id: number, action: () => void): void {
    try {
      action();
    } catch (error) {
      this.sftp.status(id, statusOf(error), error instanceof Error ? error.message : 'Failure');
    }
  }

  private ok(id: number, action: () => void): void {
    action();
    this.sftp.status(id, STATUS_CODE.OK);
  }

  private resolve(path: string): string {
    return normalisePath(path, this.home);
  }

  private handle(raw: Buffer): OpenHandle {
    const handle = raw.length === 4 ? this.handles.get(raw.readUInt32BE(0)) : undefined;
    if (handle === undefined) throw new FsError('not-found', 'Invalid handle');
    return handle;
  }

  private addHandle(id: number, handle: OpenHandle): void {
    if (this.handles.size >= MAX_OPEN_HANDLES) throw new Error('Too many open handles');
    const number = this.nextHandle++;
    this.handles.set(number, handle);
    const raw = Buffer.alloc(4);
    raw.writeUInt32BE(number);
    this.sftp.handle(id, raw);
  }

  private open(id: number, path: string, flags: number): void {
    const at = this.resolve(path);
    const writes = (flags & (OPEN_MODE.WRITE | OPEN_MODE.APPEND)) !== 0;
    this.fs.open(at, {
      create: writes && (flags & OPEN_MODE.CREAT) !== 0,
      truncate: writes && (flags & OPEN_MODE.TRUNC) !== 0,
      exclusive: (flags & OPEN_MODE.EXCL) !== 0,
    });
    this.addHandle(id, { kind: 'file', path: at, append: (flags & OPEN_MODE.APPEND) !== 0 });
  }

  private read(id: number, raw: Buffer, offset: number, length: number): void {
    const handle = this.handle(raw);
    if (handle.kind !== 'file') throw new FsError('is-dir', 'Is a directory');
    const data = this.fs.readAt(handle.path, offset, length);
    if (data.length === 0) this.sftp.status(id, STATUS_CODE.EOF);
    else this.sftp.data(id, data);
  }

  private write(id: number, raw: Buffer, offset: number, data: Buffer): void {
    const handle = this.handle(raw);
    if (handle.kind !== 'file') throw new FsError('is-dir', 'Is a directory');
    const at = handle.append ? (this.fs.stat(handle.path)?.size ?? 0) : offset;
    this.ok(id, () => this.fs.writeAt(handle.path, at, data));
  }

  private close(id: number, raw: Buffer): void {
    this.handle(raw);
    this.handles.delete(raw.readUInt32BE(0));
    this.sftp.status(id, STATUS_CODE.OK);
  }

  private openDir(id: number, path: string): void {
    const at = this.resolve(path);
    this.fs.list(at);
    this.addHandle(id, { kind: 'dir', path: at, listed: false });
  }

  // The whole listing goes in one answer; the next READDIR ends it with EOF, as SFTP v3 expects.
  private readDir(id: number, raw: Buffer): void {
    const handle = this.handle(raw);
    if (handle.kind !== 'dir') throw new FsError('not-dir', 'Not a directory');
    if (handle.listed) {
      this.sftp.status(id, STATUS_CODE.EOF);
      return;
    }
    handle.listed = true;
    const entries: FileEntry[] = this.fs
      .list(handle.path)
      .map(({ name, stat }) => ({ filename: name, longname: longName(name, stat), attrs: attributesOf(stat) }));
    this.sftp.name(id, entries);
  }

  private sendStat(id: number, path: string): void {
    const stat = this.fs.stat(path);
    if (stat === undefined) throw new FsError('not-found', 'No such file');
    this.sftp.attrs(id, attributesOf(stat));
  }

  // Permissions and times mean nothing on the simulated disk; clients set them after uploads.
  private acceptSetStat(id: number, path: string): void {
    if (this.fs.stat(path) === undefined) throw new FsError('not-found', 'No such file');
    this.sftp.status(id, STATUS_CODE.OK);
  }

  private realPath(id: number, path: string): void {
    const at = this.resolve(path);
    const stat = this.fs.stat(at);
    const attrs = stat === undefined ? attributesOf({ kind: 'file', size: 0, mtimeMs: 0 }) : attributesOf(stat);
    this.sftp.name(id, [{ filename: at, longname: posix.basename(at) || '/', attrs }]);
  }
}
