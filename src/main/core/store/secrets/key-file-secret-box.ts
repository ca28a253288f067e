import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { UserError } from '../../user-error';
import type { SecretBox } from './secret-box';

export const SECRET_KEY_ENV = 'DIALSHEET_SECRET_KEY';
export const KEY_FILE_NAME = 'secret.key';

const KEY_BYTES = 32;
const FORMAT_VERSION = 1;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MAKE_KEY = `openssl rand -base64 ${KEY_BYTES}`;

export interface KeyFileSecretBoxOptions {
  /** The app's data folder; the key file is made there on first use. */
  readonly dataDir: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
}

/**
 * A short, one-way tag of the key stored beside each secret, so a failure can say "another key"
 * rather than just "cannot decrypt". Four bytes of a hash of a 256-bit random key tell nothing.
 */
function keyId(key: Buffer): Buffer {
  return createHash('sha256').update('dialsheet secret key id\0').update(key).digest().subarray(0, KEY_ID_BYTES);
}

/** 32 bytes from strict base64, or null: Buffer.from alone silently skips stray characters. */
function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length !== KEY_BYTES) return null;
  return bytes.toString('base64').replace(/=+$/, '') === trimmed.replace(/=+$/, '') ? bytes : null;
}

function refused(message: string): UserError {
  return new UserError('refused', message);
}

/**
 * AES-256-GCM for the command line and the web host, where Electron's safeStorage is not at hand.
 * The key comes from DIALSHEET_SECRET_KEY (base64) when set, for servers and CI where the data
 * folder should not hold it; otherwise from secret.key in the data folder, made on first use.
 * Layout of a sealed secret: version (1) | key id (4) | IV (12) | tag (16) | ciphertext; the
 * version and key id are authenticated as associated data.
 */
export class KeyFileSecretBox implements SecretBox {
  private key: Buffer | undefined;
  private readonly env: NodeJS.ProcessEnv;
  private readonly platform: NodeJS.Platform;
  private readonly keyPath: string;

  constructor(private readonly options: KeyFileSecretBoxOptions) {
    this.env = options.env ?? process.env;
    this.platform = options.platform ?? process.platform;
    this.keyPath = join(options.dataDir, KEY_FILE_NAME);
  }

  /** Always true: a key can always be made; a problem with it surfaces as a clear error on use. */
  available(): boolean {
    return true;
  }

  encrypt(text: string): Uint8Array {
    const key = this.loadKey(true);
    const header = Buffer.concat([Buffer.of(FORMAT_VERSION), keyId(key)]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(header);
    const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return new Uint8Array(Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]));
  }

  decrypt(bytes: Uint8Array): string {
    const sealed = Buffer.from(bytes);
    if (sealed.length < HEADER_BYTES + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_VERSION) throw damaged();
    const key = this.loadKey(false);
    const header = sealed.subarray(0, HEADER_BYTES);
    if (!header.subarray(1).equals(keyId(key))) throw this.otherKey();
    const iv = sealed.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
    const tag = sealed.subarray(HEADER_BYTES + IV_BYTES, HEADER_BYTES + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(header).setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw damaged();
    }
  }

  private keySource(): string {
    return this.env[SECRET_KEY_ENV] ? SECRET_KEY_ENV : `the key file ${this.keyPath}`;
  }

  private otherKey(): UserError {
    return new UserError(
      'unreadable',
      `A stored secret was saved with a different key than the one in use now (${this.keySource()}). Nothing was sent. Restore the key it was saved with, or enter the secret again in the profile.`,
    );
  }

  private loadKey(create: boolean): Buffer {
    this.key ??= this.env[SECRET_KEY_ENV] ? this.keyFromEnv(this.env[SECRET_KEY_ENV]) : this.keyFromFile(create);
    return this.key;
  }

  private keyFromEnv(text: string): Buffer {
    const key = decodeKey(text);
    if (key === null) {
      throw refused(
        `${SECRET_KEY_ENV} is set but is not a ${KEY_BYTES}-byte key in base64. Set it to the output of \`${MAKE_KEY}\` (the key the secrets were saved with, if any), or unset it to use ${KEY_FILE_NAME} in the data folder.`,
      );
    }
    return key;
  }

  private keyFromFile(create: boolean): Buffer {
    const mode = this.keyFileMode();
    if (mode === null) {
      if (!create) {
        throw new UserError(
          'unreadable',
          `The key file ${this.keyPath} is missing, so the stored secrets cannot be read. Restore it from a backup, or enter the secrets again in the profiles (a new key will be made).`,
        );
      }
      return this.makeKeyFile();
    }
    if (this.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw refused(
        `The key file ${this.keyPath} can be read by other users (mode ${(mode & 0o777).toString(8).padStart(4, '0')}), so it was not used. Run \`chmod 600 ${this.keyPath}\` and try again; if others may have read it, also enter your secrets again so they are saved under a new key.`,
      );
    }
    const key = decodeKey(readFileSync(this.keyPath, 'utf8'));
    if (key === null) {
      throw refused(
        `The key file ${this.keyPath} does not hold a ${KEY_BYTES}-byte key in base64; it was left as it is. Restore it from a backup, or move it away so a new key is made (secrets saved with the old key must then be entered again).`,
      );
    }
    return key;
  }

  private keyFileMode(): number | null {
    try {
      return statSync(this.keyPath).mode;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** 'wx' so two processes starting at once cannot both make a key: the loser reads the winner's. */
  private makeKeyFile(): Buffer {
    mkdirSync(this.options.dataDir, { recursive: true, mode: 0o700 });
    const key = randomBytes(KEY_BYTES);
    try {
      writeFileSync(this.keyPath, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      return key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return this.keyFromFile(false);
      throw error;
    }
  }
}

function damaged(): UserError {
  return new UserError(
    'unreadable',
    'A stored secret is damaged or was changed outside Dialsheet, so it was not used and nothing was sent. Enter the secret again in the profile.',
  );
}
