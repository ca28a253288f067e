import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';

import { describe, expect, it } from 'vitest';

import { UserError } from '../../user-error';
import { KeyFileSecretBox, SECRET_KEY_ENV } from './key-file-secret-box';
import type { SecretBox } from './secret-box';

/**
 * What ProfileStore relies on from any SecretBox. The Electron shell's safeStorage box should
 * pass the same checks; here the key-file box stands in, as Electron cannot run in these tests.
 */
function contract(name: string, make: () => SecretBox): void {
  describe(`SecretBox contract: ${name}`, () => {
    it('is available and round-trips any text, including empty and non-ASCII', () => {
      const box = make();
      expect(box.available()).toBe(true);
      for (const text of ['', 'a', 'пароль 🔑', 'x'.repeat(16 * 1024)]) expect(box.decrypt(box.encrypt(text))).toBe(text);
    });

    it('answers bytes that are not its own with a UserError, not a crash or garbage', () => {
      const box = make();
      for (const junk of [new Uint8Array(), Uint8Array.from([1, 2, 3]), new Uint8Array(randomBytes(64))]) {
        expect(() => box.decrypt(junk)).toThrow(UserError);
      }
    });
  });
}

contract('KeyFileSecretBox', () => new KeyFileSecretBox({ dataDir: tmpdir(), env: { [SECRET_KEY_ENV]: randomBytes(32).toString('base64') } }));
