import type { TestVerdict } from '../../../shared/profiles/profile-call-schemas';
import type { ListedProfile, Profile, ProfileInput, SecretInput, UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { isDemoProfileId, type DemoSetup } from '../store/profiles/demo-profiles';
import { ProfileStore } from '../store/profiles/profile-store';
import type { SecretBox } from '../store/secrets/secret-box';
import { lendUnlocked, redactError, secretsOf } from '../store/secrets/lend-unlocked';
import { redact } from '../store/secrets/redact';
import { UserError } from '../user-error';
import { runConnectionTest } from './run-connection-test';

export interface ProfilesServiceOptions {
  readonly dataDir: string;
  readonly secretBox: SecretBox;
  /** The Demo profiles' settings, asked for only when one is listed or used (embedded-demo.ts). */
  readonly demo: () => Promise<DemoSetup>;
  /** How long an SFTP server may take to show its key or answer a login. */
  readonly sftpTimeoutMs?: number;
}

const DEFAULT_SFTP_TIMEOUT_MS = 10_000;

function refuseDemoPin(id: string): void {
  if (isDemoProfileId(id)) {
    throw new UserError('refused', 'The Demo profiles are built in and already trust their simulator; nothing was changed.');
  }
}

/** Secrets never reach the window or the log, even if a server or a library echoed one back. */
function redactVerdict(verdict: TestVerdict, secrets: readonly string[]): TestVerdict {
  return {
    ...verdict,
    message: redact(verdict.message, secrets),
    ...(verdict.providerText === undefined ? {} : { providerText: redact(verdict.providerText, secrets) }),
  };
}

/**
 * What the window may do with connection profiles: list, save, delete, test, and pin what a test
 * offered. Secrets go in through save() and come out only inside the main process.
 */
export class ProfilesService {
  private readonly store: ProfileStore;
  private readonly sftpTimeoutMs: number;

  constructor(options: ProfilesServiceOptions) {
    this.store = new ProfileStore({ dataDir: options.dataDir, secretBox: options.secretBox, demo: options.demo });
    this.sftpTimeoutMs = options.sftpTimeoutMs ?? DEFAULT_SFTP_TIMEOUT_MS;
  }

  list(): Promise<ListedProfile[]> {
    return this.store.list();
  }

  save(profile: ProfileInput, secrets: SecretInput = {}): Promise<ListedProfile> {
    return this.store.save(profile, secrets);
  }

  delete(id: string): Promise<void> {
    return this.store.delete(id);
  }

  /** Reads and changes nothing on the server; see run-connection-test.ts for what each provider does. */
  async testConnection(profileId: string, campaignId?: string): Promise<TestVerdict> {
    const unlocked = await this.store.withSecrets(profileId);
    const secrets = secretsOf(unlocked);
    try {
      const verdict = await runConnectionTest(unlocked, { sftpTimeoutMs: this.sftpTimeoutMs, ...(campaignId === undefined ? {} : { campaignId }) });
      return redactVerdict(verdict, secrets);
    } catch (error) {
      throw redactError(error, secrets);
    }
  }

  /**
   * Runs `work` with the profile's secrets, for the main process only (an upload). Whatever it
   * throws comes out with every secret masked; `mask` does the same for text it returns.
   */
  async withUnlocked<T>(profileId: string, work: (unlocked: UnlockedProfile, mask: (text: string) => string) => Promise<T>): Promise<T> {
    return lendUnlocked(await this.store.withSecrets(profileId), work);
  }

  /** Saves the SFTP host key the user confirmed; a later change of key is then refused before login. */
  async pinHostKey(profileId: string, fingerprint: string): Promise<ListedProfile> {
    refuseDemoPin(profileId);
    const profile = await this.store.profile(profileId);
    if (profile.provider !== 'isales' || profile.sftp === null) {
      throw new UserError('bad-input', `The profile "${profile.name}" has no SFTP server, so it has no host key to pin. Nothing was changed.`);
    }
    return this.resave({ ...profile, sftp: { ...profile.sftp, hostKeySha256: fingerprint } });
  }

  /** Saves the certificate fingerprint the user confirmed, in place of any CA or earlier pin. */
  async pinCertificate(profileId: string, sha256: string): Promise<ListedProfile> {
    refuseDemoPin(profileId);
    const profile = await this.store.profile(profileId);
    if (!profile.baseUrl.startsWith('https:')) {
      throw new UserError('bad-input', `The profile "${profile.name}" uses a plain http address, which has no certificate to pin. Nothing was changed.`);
    }
    return this.resave({ ...profile, tls: { sha256 } });
  }

  /** Stored secrets are kept (re-sealed: they are bound to the pins, see secret-seal.ts). */
  private resave(profile: Profile): Promise<ListedProfile> {
    return this.store.save(profile, {});
  }
}
