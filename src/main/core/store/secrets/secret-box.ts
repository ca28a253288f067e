/**
 * Encrypts secrets at rest. Electron's safeStorage implements it in the desktop shell (the key
 * lives in the OS keychain); KeyFileSecretBox implements it for the command line and the web
 * host. Synchronous, because safeStorage is.
 */
export interface SecretBox {
  /** False when this machine offers no way to encrypt (e.g. Linux with no keyring). */
  available(): boolean;
  encrypt(text: string): Uint8Array;
  /** Throws a UserError that says what happened when the bytes cannot be decrypted. */
  decrypt(bytes: Uint8Array): string;
}
