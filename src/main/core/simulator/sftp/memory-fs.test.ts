import { describe, expect, it } from 'vitest';

import { FsError, MemoryFs, normalisePath } from './memory-fs';

const code = (action: () => void): string | undefined => {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof FsError ? error.code : 'not-an-fs-error';
  }
};

describe('normalisePath', () => {
  it('makes paths absolute and never lets .. climb above the root', () => {
    expect(normalisePath('a/b', '/upload')).toBe('/upload/a/b');
    expect(normalisePath('/upload/./x//y/')).toBe('/upload/x/y');
    expect(normalisePath('../../../etc/passwd', '/upload')).toBe('/etc/passwd');
    expect(normalisePath('/../..')).toBe('/');
    expect(normalisePath('.')).toBe('/');
  });
});

describe('MemoryFs', () => {
  it('writes and reads files, with out-of-order chunks and gaps as zeros', () => {
    const fs = new MemoryFs();
    fs.mkdir('/upload');
    fs.open('/upload/a.bin', { create: true, truncate: true, exclusive: false });
    fs.writeAt('/upload/a.bin', 4, Buffer.from('EF'));
    fs.writeAt('/upload/a.bin', 0, Buffer.from('AB'));
    expect(fs.readFile('/upload/a.bin')).toEqual(Buffer.from([65, 66, 0, 0, 69, 70]));
    expect(fs.stat('/upload/a.bin')).toMatchObject({ kind: 'file', size: 6 });
    expect(fs.readAt('/upload/a.bin', 4, 100)).toEqual(Buffer.from('EF'));
    expect(fs.readAt('/upload/a.bin', 100, 10).length).toBe(0);
    expect(fs.totalBytes).toBe(6);
  });

  it('truncates on open when asked, and refuses exclusive create over a file', () => {
    const fs = new MemoryFs();
    fs.writeFile('/f', Buffer.from('hello'));
    expect(code(() => fs.open('/f', { create: true, truncate: false, exclusive: true }))).toBe('exists');
    fs.open('/f', { create: true, truncate: true, exclusive: false });
    expect(fs.readFile('/f')?.length).toBe(0);
    expect(fs.totalBytes).toBe(0);
  });

  it('needs the parent directory, and reports missing things as not-found', () => {
    const fs = new MemoryFs();
    expect(code(() => fs.writeFile('/nope/f', Buffer.from('x')))).toBe('not-found');
    expect(code(() => fs.open('/missing', { create: false, truncate: false, exclusive: false }))).toBe('not-found');
    expect(fs.readFile('/missing')).toBeUndefined();
    expect(code(() => fs.remove('/missing'))).toBe('not-found');
  });

  it('lists, renames, removes and refuses to remove a full directory', () => {
    const fs = new MemoryFs();
    fs.mkdirAll('/upload/deep');
    fs.writeFile('/upload/b', Buffer.from('2'));
    fs.writeFile('/upload/a', Buffer.from('1'));
    expect(fs.list('/upload').map((entry) => entry.name)).toEqual(['a', 'b', 'deep']);
    expect(code(() => fs.rmdir('/upload'))).toBe('not-empty');
    expect(code(() => fs.rename('/upload/a', '/upload/b'))).toBe('exists');
    fs.rename('/upload/a', '/upload/deep/c');
    expect(fs.readFile('/upload/deep/c')?.toString()).toBe('1');
    fs.remove('/upload/deep/c');
    fs.rmdir('/upload/deep');
    expect(fs.stat('/upload/deep')).toBeUndefined();
  });

  it('stops at its byte and entry limits', () => {
    const fs = new MemoryFs({ maxTotalBytes: 10, maxEntries: 3 });
    fs.writeFile('/a', Buffer.alloc(8));
    expect(code(() => fs.writeFile('/b', Buffer.alloc(3)))).toBe('quota');
    expect(code(() => fs.mkdir('/c'))).toBe('quota');
  });

  it('reset empties everything but the directories it is given', () => {
    const fs = new MemoryFs();
    fs.writeFile('/x', Buffer.from('x'));
    fs.reset(['/upload/isales']);
    expect(fs.stat('/x')).toBeUndefined();
    expect(fs.stat('/upload/isales')?.kind).toBe('dir');
    expect(fs.totalBytes).toBe(0);
  });
});
