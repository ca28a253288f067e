import { describe, expect, it } from 'vitest';

import { UserError } from '../core/user-error';
import { safeStorageBox } from './safe-storage-box';

// A stand-in with safeStorage's behaviour: a reversible transform, and a throw on bytes it did not make.
const fake = (available = true) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]),
  decryptString: (bytes: Buffer) => {
    if (!bytes.subarray(0, 3).equals(Buffer.from('v10'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(bytes.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
  },
});

describe('safeStorageBox', () => {
  it('round-trips text through safeStorage', () => {
    const box = safeStorageBox(fake());
    expect(box.available()).toBe(true);
    expect(box.decrypt(box.encrypt('пароль 🔑'))).toBe('пароль 🔑');
  });

  it('says when the keychain offers no encryption', () => {
    expect(safeStorageBox(fake(false)).available()).toBe(false);
  });

  it("counts Linux's basic_text backend (a key built into Chromium, no keyring) as no encryption", () => {
    const basic = { ...fake(), getSelectedStorageBackend: () => 'basic_text' as const };
    expect(safeStorageBox(basic, 'linux').available()).toBe(false);
    expect(safeStorageBox({ ...fake(), getSelectedStorageBackend: () => 'gnome_libsecret' as const }, 'linux').available()).toBe(true);
    // The backend is a Linux notion; elsewhere the keychain's own answer stands.
    expect(safeStorageBox(basic, 'darwin').available()).toBe(true);
  });

  it("turns safeStorage's decryption failure into a message the user can act on", () => {
    const box = safeStorageBox(fake());
    expect(() => box.decrypt(Uint8Array.from([1, 2, 3]))).toThrow(UserError);
    expect(() => box.decrypt(Uint8Array.from([1, 2, 3]))).toThrow(/Enter the secret again/);
  });
});
