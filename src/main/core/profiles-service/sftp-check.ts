import type { TestVerdict, VerdictKind } from '../../../shared/profiles/profile-call-schemas';
import type { ProfileOf, SecretValues } from '../../../shared/profiles/profile-schemas';
import { sftpAuth } from '../providers/connect';
import { probeHostKey } from '../providers/sftp/host-key';
import { SftpError, type SftpFailureKind } from '../providers/sftp/sftp-errors';
import { openSession } from '../providers/sftp/sftp-session';

type SftpSettings = NonNullable<ProfileOf<'isales'>['sftp']>;

const VERDICT_OF: Partial<Record<SftpFailureKind, VerdictKind>> = {
  'host-key-changed': 'host-key-changed',
  'auth-failed': 'credentials-rejected',
  // The key or its passphrase in the profile is what is wrong, as with a refused password.
  'key-unreadable': 'credentials-rejected',
  dns: 'network',
  'connection-refused': 'network',
  'connection-lost': 'network',
  timeout: 'timeout',
};

function failed(error: unknown): TestVerdict {
  // Anything that is not a named SFTP failure is a bug or a library surprise: dispatch logs it.
  if (!(error instanceof SftpError)) throw error;
  return { kind: VERDICT_OF[error.kind] ?? 'unexpected', message: `SFTP file server: ${error.message}` };
}

/**
 * With no pinned host key, only the key is read (the handshake stops before any credential is
 * sent) and offered for pinning. With a pin, a full login proves the key, the user name and the
 * password or private key; the connection is closed at once and nothing is written.
 */
export async function checkSftp(sftp: SftpSettings, profile: ProfileOf<'isales'>, secrets: SecretValues<'isales'>, timeoutMs: number): Promise<TestVerdict> {
  const server = `${sftp.host}:${sftp.port}`;
  if (sftp.hostKeySha256 === null) {
    try {
      const key = await probeHostKey({ host: sftp.host, port: sftp.port, timeoutMs });
      return {
        kind: 'host-key-not-pinned',
        message: `SFTP file server: ${server} presented a ${key.keyType} host key with fingerprint ${key.fingerprint}. No key is pinned for it yet, so Dialsheet did not log in. Compare this fingerprint with the one the server's administrator gives you, and pin it if they match.`,
        prompt: { kind: 'pin-host-key', fingerprint: key.fingerprint, keyType: key.keyType },
      };
    } catch (error) {
      return failed(error);
    }
  }
  const auth = sftpAuth(profile, secrets);
  try {
    const session = await openSession({ host: sftp.host, port: sftp.port, username: sftp.username, auth, pinnedHostKey: sftp.hostKeySha256, timeoutMs });
    await session.close();
  } catch (error) {
    return failed(error);
  }
  return { kind: 'ok', message: `The SFTP file server ${server} showed the pinned host key and accepted the login for user "${sftp.username}".` };
}
