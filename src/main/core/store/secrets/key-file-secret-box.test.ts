import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { UserError } from '../../user-error';
import { KEY_FILE_NAME, KeyFileSecretBox, SECRET_KEY_ENV } from './key-file-secret-box';

const posix = process.platform !== 'win32';
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dialsheet-box-'));
  folders.push(folder);
  return folder;
}

function errorOf(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

const PLAIN = 'api secret: pässwörd 🔑 "quoted"';

describe('KeyFileSecretBox with a key file', () => {
  it('round-trips text and never shows it in the sealed bytes', () => {
    const box = new KeyFileSecretBox({ dataDir: tempFolder(), env: {} });
    const sealed = box.encrypt(PLAIN);
    expect(Buffer.from(sealed).includes(Buffer.from('pässwörd'))).toBe(false);
    expect(box.decrypt(sealed)).toBe(PLAIN);
  });

  it('uses a fresh IV each time, so equal secrets do not look equal on disk', () => {
    const box = new KeyFileSecretBox({ dataDir: tempFolder(), env: {} });
    expect(Buffer.from(box.encrypt(PLAIN)).equals(Buffer.from(box.encrypt(PLAIN)))).toBe(false);
  });

  it.runIf(posix)('makes the key file on first use with mode 0600, in a folder made 0700', () => {
    const dataDir = join(tempFolder(), 'new', 'data');
    new KeyFileSecretBox({ dataDir, env: {} }).encrypt('x');
    const keyPath = join(dataDir, KEY_FILE_NAME);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('reads the same key back in a later run', () => {
    const dataDir = tempFolder();
    const sealed = new KeyFileSecretBox({ dataDir, env: {} }).encrypt(PLAIN);
    expect(new KeyFileSecretBox({ dataDir, env: {} }).decrypt(sealed)).toBe(PLAIN);
  });

  it.runIf(posix)('refuses a key file other users can read, telling how to fix it', () => {
    const dataDir = tempFolder();
    const sealed = new KeyFileSecretBox({ dataDir, env: {} }).encrypt(PLAIN);
    chmodSync(join(dataDir, KEY_FILE_NAME), 0o644);
    const error = errorOf(() => new KeyFileSecretBox({ dataDir, env: {} }).decrypt(sealed));
    expect(error.message).toMatch(/can be read by other users \(mode 0644\).*chmod 600/);
  });

  it('refuses a key file of the wrong length, leaves it alone, and does not print it', () => {
    const dataDir = tempFolder();
    const keyPath = join(dataDir, KEY_FILE_NAME);
    const short = randomBytes(16).toString('base64');
    writeFileSync(keyPath, short, { mode: 0o600 });
    const error = errorOf(() => new KeyFileSecretBox({ dataDir, env: {} }).encrypt('x'));
    expect(error.message).toMatch(/does not hold a 32-byte key in base64; it was left as it is/);
    expect(error.message).not.toContain(short);
    expect(readFileSync(keyPath, 'utf8')).toBe(short);
  });

  it('says the key file is missing when decrypting, and does not make a new one', () => {
    const dataDir = tempFolder();
    const sealed = new KeyFileSecretBox({ dataDir, env: {} }).encrypt(PLAIN);
    rmSync(join(dataDir, KEY_FILE_NAME));
    const error = errorOf(() => new KeyFileSecretBox({ dataDir, env: {} }).decrypt(sealed));
    expect(error.message).toMatch(/is missing/);
    expect(existsSync(join(dataDir, KEY_FILE_NAME))).toBe(false);
  });
});

describe('KeyFileSecretBox with DIALSHEET_SECRET_KEY', () => {
  it('uses the key from the environment and makes no key file', () => {
    const dataDir = tempFolder();
    const env = { [SECRET_KEY_ENV]: randomBytes(32).toString('base64') };
    const sealed = new KeyFileSecretBox({ dataDir, env }).encrypt(PLAIN);
    expect(new KeyFileSecretBox({ dataDir: tempFolder(), env }).decrypt(sealed)).toBe(PLAIN);
    expect(existsSync(join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('refuses a key of the wrong length or not in base64, without printing it', () => {
    for (const value of [randomBytes(31).toString('base64'), randomBytes(33).toString('base64'), `${randomBytes(32).toString('base64')}!!`, 'not base64 at all']) {
      const error = errorOf(() => new KeyFileSecretBox({ dataDir: tempFolder(), env: { [SECRET_KEY_ENV]: value } }).encrypt('x'));
      expect(error.message).toMatch(/DIALSHEET_SECRET_KEY is set but is not a 32-byte key in base64/);
      expect(error.message).not.toContain(value);
    }
  });
});

describe('KeyFileSecretBox refusing what it cannot trust', () => {
  const env = { [SECRET_KEY_ENV]: randomBytes(32).toString('base64') };

  it('says a secret was changed when its bytes were tampered with', () => {
    const box = new KeyFileSecretBox({ dataDir: tempFolder(), env });
    const sealed = box.encrypt(PLAIN);
    for (const index of [sealed.length - 1, 20, 6]) {
      const tampered = Uint8Array.from(sealed);
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(errorOf(() => box.decrypt(tampered)).message).toMatch(/damaged or was changed outside Dialsheet/);
    }
    expect(errorOf(() => box.decrypt(sealed.subarray(0, 20))).message).toMatch(/damaged/);
    expect(errorOf(() => box.decrypt(new Uint8Array())).message).toMatch(/damaged/);
  });

  it('says a secret was saved with another key, naming where the current key comes from', () => {
    const sealed = new KeyFileSecretBox({ dataDir: tempFolder(), env }).encrypt(PLAIN);
    const other = { [SECRET_KEY_ENV]: randomBytes(32).toString('base64') };
    const error = errorOf(() => new KeyFileSecretBox({ dataDir: tempFolder(), env: other }).decrypt(sealed));
    expect(error.message).toMatch(/saved with a different key than the one in use now \(DIALSHEET_SECRET_KEY\)/);
    expect(error.message).not.toContain(other[SECRET_KEY_ENV]);
    expect(error.message).not.toContain(env[SECRET_KEY_ENV]);
  });
});
