import { z } from 'zod';

import { UserError } from '../../user-error';
import type { SecretBox } from '../secrets/secret-box';
import type { Profile } from '../../../../shared/profiles/profile-schemas';

const SECRET_LABELS: Readonly<Record<string, string>> = {
  apiSecret: 'API secret',
  authKey: 'Auth-key',
  secretKey: 'secret key (SK)',
  sftpPassword: 'SFTP password',
  sftpPrivateKey: 'SFTP private key',
  sftpKeyPassphrase: 'SFTP key passphrase',
};

export const secretLabel = (field: string): string => SECRET_LABELS[field] ?? field;

const sealedSchema = z.object({ bind: z.string(), field: z.string(), value: z.string() });

/**
 * What a secret is tied to: the profile and where the secret is sent. It is sealed inside the
 * encrypted text, so if profiles.json is edited behind the app's back to send a stored secret
 * to another server (or with another TLS pin), or a sealed secret is copied to another field or
 * profile, it no longer opens. Changes made through the app re-seal the secrets.
 */
export function secretBinding(profile: Profile): string {
  const sftp = profile.provider === 'isales' && profile.sftp !== null ? [profile.sftp.host, profile.sftp.port, profile.sftp.username, profile.sftp.hostKeySha256] : null;
  return JSON.stringify([profile.id, profile.provider, profile.baseUrl, profile.tls, sftp]);
}

export function sealSecret(box: SecretBox, profile: Profile, field: string, value: string): string {
  return Buffer.from(box.encrypt(JSON.stringify({ bind: secretBinding(profile), field, value }))).toString('base64');
}

function movedSecret(profile: Profile, field: string): UserError {
  return new UserError(
    'unreadable',
    `The stored ${secretLabel(field)} of profile "${profile.name}" does not belong to its current settings: the profile file was changed outside Dialsheet. It was not used and nothing was sent. Check the profile's address and TLS settings, then enter the ${secretLabel(field)} again.`,
  );
}

/** The box says what went wrong; this adds which profile and which secret it was. */
function decryptNamingIt(box: SecretBox, profile: Profile, field: string, sealed: string): string {
  try {
    return box.decrypt(Buffer.from(sealed, 'base64'));
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.code, `Profile "${profile.name}", ${secretLabel(field)}: ${error.message}`);
    throw error;
  }
}

/** Decrypts one stored secret, refusing it unless it was sealed for this profile, field and server. */
export function openSecret(box: SecretBox, profile: Profile, field: string, sealed: string): string {
  const text = decryptNamingIt(box, profile, field, sealed);
  let parsed: z.infer<typeof sealedSchema>;
  try {
    parsed = sealedSchema.parse(JSON.parse(text));
  } catch {
    throw movedSecret(profile, field);
  }
  if (parsed.bind !== secretBinding(profile) || parsed.field !== field) throw movedSecret(profile, field);
  return parsed.value;
}
