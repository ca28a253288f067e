import type { SafeStorage } from 'electron';

import type { SecretBox } from '../core/store/secrets/secret-box';
import { UserError } from '../core/user-error';

/**
 * Secrets at rest for the desktop app: Electron's safeStorage, whose key lives in the operating
 * system's keychain (Keychain, DPAPI, or a Linux keyring). Where there is no keyring it says it is
 * unavailable, and the profile store then refuses to save secrets rather than keep them weakly.
 */
export function safeStorageBox(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>,
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  return {
    // On Linux, 'basic_text' means Chromium's built-in key and no keyring: that is not encryption.
    available: () => safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text'),
    encrypt: (text) => new Uint8Array(safeStorage.encryptString(text)),
    decrypt(bytes) {
      try {
        return safeStorage.decryptString(Buffer.from(bytes));
      } catch {
        throw new UserError(
          'unreadable',
          'A stored secret could not be decrypted with this computer’s keychain (it was saved on another computer or by another user, or the keychain was reset). Enter the secret again in the profile.',
        );
      }
    },
  };
}
