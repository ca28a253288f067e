import { describe, expect, it } from 'vitest';

import { ensureDirectory, moveIntoPlace, NotADirectoryError, type DirectoryClient, type RenameClient } from './remote-ops';

const coded = (message: string, code: string | number): Error => Object.assign(new Error(message), { code });

/** Paths that exist: 'd' for a directory (or a symlink to one: stat follows it), 'f' for a file. */
function fakeTree(entries: Record<string, 'd' | 'f'>, denied: readonly string[] = []) {
  const tree = new Map(Object.entries({ '.': 'd', '/': 'd', ...entries }));
  const made: string[] = [];
  const client: DirectoryClient = {
    async stat(path) {
      const type = tree.get(path);
      if (type === undefined) throw coded(`No such file: ${path}`, 'ENOENT');
      return { isDirectory: type === 'd' };
    },
    async mkdir(path, recursive) {
      expect(recursive).toBe(false);
      if (denied.includes(path)) throw coded(`mkdir->Permission denied ${path}`, 3);
      tree.set(path, 'd');
      made.push(path);
    },
  };
  return { client, made };
}

describe('ensureDirectory', () => {
  it('creates only the missing levels, from the top down', async () => {
    const fake = fakeTree({ incoming: 'd' });
    await ensureDirectory(fake.client, 'incoming/2026/11/');
    expect(fake.made).toEqual(['incoming/2026', 'incoming/2026/11']);
  });

  it('leaves an existing directory alone, including the start directory', async () => {
    const fake = fakeTree({ '/srv/in': 'd' });
    await ensureDirectory(fake.client, '/srv/in');
    await ensureDirectory(fake.client, '');
    await ensureDirectory(fake.client, '.');
    expect(fake.made).toEqual([]);
  });

  it('creates absolute paths up to the root', async () => {
    const fake = fakeTree({});
    await ensureDirectory(fake.client, '/data/calls');
    expect(fake.made).toEqual(['/data', '/data/calls']);
  });

  it('names the part of the path that is a file', async () => {
    const fake = fakeTree({ in: 'd', 'in/report': 'f' });
    const error = await ensureDirectory(fake.client, 'in/report/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotADirectoryError);
    expect((error as NotADirectoryError).path).toBe('in/report');
    expect(fake.made).toEqual([]);
  });

  it('passes on the server refusing to create a level', async () => {
    const fake = fakeTree({}, ['locked']);
    await expect(ensureDirectory(fake.client, 'locked/new')).rejects.toMatchObject({ code: 3 });
  });

  it('passes on a stat failure other than "missing"', async () => {
    const client: DirectoryClient = {
      stat: async () => {
        throw coded('Permission denied', 3);
      },
      mkdir: async () => undefined,
    };
    await expect(ensureDirectory(client, 'x')).rejects.toMatchObject({ code: 3 });
  });
});

function fakeRenamer(posix: () => Promise<unknown>) {
  const calls: string[] = [];
  const client: RenameClient = {
    posixRename: async (from, to) => {
      calls.push(`posix ${from} ${to}`);
      return posix();
    },
    rename: async (from, to) => {
      calls.push(`plain ${from} ${to}`);
    },
  };
  return { client, calls };
}

describe('moveIntoPlace', () => {
  it('uses the atomic posix-rename when the server has it', async () => {
    const fake = fakeRenamer(async () => undefined);
    await moveIntoPlace(fake.client, 'd/.a.part', 'd/a');
    expect(fake.calls).toEqual(['posix d/.a.part d/a']);
  });

  it('falls back to a plain rename when the extension is missing (ssh2 throws that locally, with no status)', async () => {
    const fake = fakeRenamer(async () => {
      throw new Error('Server does not support this extended request');
    });
    await moveIntoPlace(fake.client, 'd/.a.part', 'd/a');
    expect(fake.calls).toEqual(['posix d/.a.part d/a', 'plain d/.a.part d/a']);
  });

  it('passes on a refusal from the server instead of trying again', async () => {
    const fake = fakeRenamer(async () => {
      throw coded('Permission denied', 3);
    });
    await expect(moveIntoPlace(fake.client, 'd/.a.part', 'd/a')).rejects.toMatchObject({ code: 3 });
    expect(fake.calls).toEqual(['posix d/.a.part d/a']);
  });
});
