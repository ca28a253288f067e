import { EventEmitter } from 'node:events';

import { utils, type Attributes, type FileEntry, type SFTPWrapper } from 'ssh2';
import { describe, expect, it } from 'vitest';

import { MemoryFs } from './memory-fs';
import { MAX_OPEN_HANDLES, SftpSession } from './sftp-session';

const { OPEN_MODE, STATUS_CODE } = utils.sftp;

type Reply =
  | { kind: 'status'; code: number; message?: string }
  | { kind: 'handle'; handle: Buffer }
  | { kind: 'data'; data: Buffer }
  | { kind: 'name'; names: FileEntry[] }
  | { kind: 'attrs'; attrs: Attributes };

/** Just enough of an SFTP channel to drive the session: requests in as events, replies recorded by id. */
class FakeChannel extends EventEmitter {
  readonly replies = new Map<number, Reply>();
  private nextId = 1;
  status(id: number, code: number, message?: string): void {
    this.replies.set(id, { kind: 'status', code, ...(message === undefined ? {} : { message }) });
  }
  handle(id: number, handle: Buffer): void {
    this.replies.set(id, { kind: 'handle', handle });
  }
  data(id: number, data: Buffer): void {
    this.replies.set(id, { kind: 'data', data });
  }
  name(id: number, names: FileEntry[]): void {
    this.replies.set(id, { kind: 'name', names });
  }
  attrs(id: number, attrs: Attributes): void {
    this.replies.set(id, { kind: 'attrs', attrs });
  }
  ask(event: string, ...args: unknown[]): Reply | undefined {
    const id = this.nextId++;
    this.emit(event, id, ...args);
    return this.replies.get(id);
  }
  open(path: string, flags: number): Buffer {
    const reply = this.ask('OPEN', path, flags, {});
    if (reply?.kind !== 'handle') throw new Error(`open failed: ${JSON.stringify(reply)}`);
    return reply.handle;
  }
}

function session(): { channel: FakeChannel; fs: MemoryFs } {
  const channel = new FakeChannel();
  const fs = new MemoryFs();
  fs.reset(['/upload']);
  new SftpSession(channel as unknown as SFTPWrapper, fs, '/upload');
  return { channel, fs };
}

const WRITE = OPEN_MODE.WRITE | OPEN_MODE.CREAT | OPEN_MODE.TRUNC;

describe('SftpSession', () => {
  it('writes through a handle relative to home, reads back, then signals EOF', () => {
    const { channel, fs } = session();
    const handle = channel.open('a.txt', WRITE);
    expect(channel.ask('WRITE', handle, 0, Buffer.from('hello'))).toEqual({ kind: 'status', code: STATUS_CODE.OK });
    expect(channel.ask('CLOSE', handle)).toEqual({ kind: 'status', code: STATUS_CODE.OK });
    expect(fs.readFile('/upload/a.txt')?.toString()).toBe('hello');
    const reader = channel.open('/upload/a.txt', OPEN_MODE.READ);
    expect(channel.ask('READ', reader, 0, 100)).toEqual({ kind: 'data', data: Buffer.from('hello') });
    expect(channel.ask('READ', reader, 5, 100)).toMatchObject({ kind: 'status', code: STATUS_CODE.EOF });
  });

  it('appends in append mode, whatever offset the client sends', () => {
    const { channel, fs } = session();
    fs.writeFile('/upload/log', Buffer.from('ab'));
    const handle = channel.open('log', OPEN_MODE.WRITE | OPEN_MODE.APPEND);
    channel.ask('WRITE', handle, 0, Buffer.from('cd'));
    expect(fs.readFile('/upload/log')?.toString()).toBe('abcd');
  });

  it('lists a directory once, then ends the listing with EOF', () => {
    const { channel, fs } = session();
    fs.writeFile('/upload/x.xlsx', Buffer.from('123'));
    const reply = channel.ask('OPENDIR', '.');
    if (reply?.kind !== 'handle') throw new Error('no handle');
    const listing = channel.ask('READDIR', reply.handle);
    expect(listing?.kind === 'name' && listing.names.map((n) => [n.filename, n.attrs.size, n.longname[0]])).toEqual([['x.xlsx', 3, '-']]);
    expect(channel.ask('READDIR', reply.handle)).toMatchObject({ kind: 'status', code: STATUS_CODE.EOF });
  });

  it('answers missing things with NO_SUCH_FILE and unknown handles too', () => {
    const { channel } = session();
    expect(channel.ask('STAT', 'missing')).toMatchObject({ kind: 'status', code: STATUS_CODE.NO_SUCH_FILE });
    expect(channel.ask('OPEN', 'missing', OPEN_MODE.READ, {})).toMatchObject({ kind: 'status', code: STATUS_CODE.NO_SUCH_FILE });
    expect(channel.ask('READ', Buffer.from([0, 0, 0, 99]), 0, 10)).toMatchObject({ kind: 'status', code: STATUS_CODE.NO_SUCH_FILE });
    expect(channel.ask('CLOSE', Buffer.from('junk'))).toMatchObject({ kind: 'status', code: STATUS_CODE.NO_SUCH_FILE });
  });

  it('resolves REALPATH against home', () => {
    const { channel } = session();
    const reply = channel.ask('REALPATH', '.');
    expect(reply?.kind === 'name' && reply.names[0]?.filename).toBe('/upload');
  });

  it('refuses symlinks and caps open handles', () => {
    const { channel } = session();
    expect(channel.ask('SYMLINK', 'a', 'b')).toMatchObject({ kind: 'status', code: STATUS_CODE.OP_UNSUPPORTED });
    for (let i = 0; i < MAX_OPEN_HANDLES; i++) channel.open(`f${i}`, WRITE);
    expect(channel.ask('OPEN', 'one-more', WRITE, {})).toMatchObject({ kind: 'status', code: STATUS_CODE.FAILURE });
  });
});
