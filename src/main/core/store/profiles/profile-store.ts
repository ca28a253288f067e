import { caPemIssue } from '../../net/tls-pin';
import { UserError } from '../../user-error';
import { describeIssues } from './describe-issues';
import type { SecretBox } from '../secrets/secret-box';
import { buildDemoProfiles, isDemoProfileId, type DemoProfile, type DemoSetup } from './demo-profiles';
import { ProfileFile, type StoredProfile } from './profile-file';
import {
  MAX_SECRET_LENGTH,
  isSecretField,
  profileSchema,
  secretFieldsOf,
  type ListedProfile,
  type Profile,
  type ProfileInput,
  type ProfileInputOf,
  type Provider,
  type SecretInput,
  type UnlockedProfile,
} from '../../../../shared/profiles/profile-schemas';
import { openSecret, sealSecret, secretBinding, secretLabel } from './secret-seal';

export interface ProfileStoreOptions {
  readonly dataDir: string;
  readonly secretBox: SecretBox;
  /**
   * The simulator's settings and credentials for the built-in Demo profiles (demo-profiles.ts), or
   * a function that gives them: the app starts its simulator only when a Demo profile is needed.
   */
  readonly demo: DemoSetup | (() => Promise<DemoSetup>);
}

/** A secret change: a value to store, or null to clear it. Fields left out keep what is stored. */
type SecretChanges = ReadonlyMap<string, string | null>;

const NO_ENCRYPTION =
  'Secrets cannot be saved: this computer offers no way to encrypt them (on Linux, a keyring such as GNOME Keyring or KWallet must be running). Nothing was saved. Set up a keyring and try again, or use the command line or web host, which keep their own key (DIALSHEET_SECRET_KEY or secret.key).';

const NO_DECRYPTION =
  'The stored secrets cannot be decrypted: this computer offers no way to do so at the moment (is the keyring running and unlocked?). Nothing was sent. Try again once it is, or enter the secrets again.';

function parseProfile(input: ProfileInput): Profile {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) throw new UserError('bad-input', `The profile was not saved: ${describeIssues(parsed.error.issues)}`);
  const ca = caPemIssue(parsed.data);
  if (ca !== null) throw new UserError('bad-input', `The profile was not saved: ${describeIssues([ca])}`);
  return parsed.data;
}

/** Checks the secrets given to save; names only the field in an error, never the value. */
function secretChanges(profile: Profile, secrets: SecretInput): SecretChanges {
  const changes = new Map<string, string | null>();
  for (const [field, value] of Object.entries(secrets as Readonly<Record<string, unknown>>)) {
    if (!isSecretField(profile.provider, field)) {
      const known = secretFieldsOf(profile.provider).join(', ');
      throw new UserError('bad-input', `"${field.slice(0, 40)}" is not a secret of a ${profile.provider} profile (those are: ${known}). Nothing was saved.`);
    }
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > MAX_SECRET_LENGTH) {
      throw new UserError('bad-input', `The ${secretLabel(field)} must be text of at most ${MAX_SECRET_LENGTH / 1024} KB. Nothing was saved.`);
    }
    changes.set(field, value === '' ? null : value);
  }
  return changes;
}

function notFound(id: string): UserError {
  return new UserError('not-found', `There is no profile with id "${id.slice(0, 64)}"; it may have been deleted.`);
}

function listed(profile: Profile, stored: Readonly<Record<string, string>>, builtIn: boolean): ListedProfile {
  const secrets = Object.fromEntries(secretFieldsOf(profile.provider).map((field) => [field, field in stored ? 'set' : 'not set']));
  return { ...structuredClone(profile), builtIn, secrets } as ListedProfile;
}

/**
 * The connection profiles, in profiles.json in the data folder. Secrets are write-only from the
 * outside: list() says only whether each is set; withSecrets() is for the main process alone.
 */
export class ProfileStore {
  private readonly file: ProfileFile;
  private readonly box: SecretBox;
  private readonly demoSetup: () => Promise<DemoSetup>;
  private demoProfiles: Promise<readonly DemoProfile[]> | undefined;
  /** Saves and deletes run one at a time: each reads, changes and rewrites the whole file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: ProfileStoreOptions) {
    this.file = new ProfileFile(options.dataDir);
    this.box = options.secretBox;
    const { demo } = options;
    this.demoSetup = typeof demo === 'function' ? demo : () => Promise.resolve(demo);
  }

  /** The Demo profiles first, then the saved ones by name; secrets only as "set" / "not set". */
  async list(): Promise<ListedProfile[]> {
    const saved = (await this.file.read()).sort((a, b) => a.profile.name.localeCompare(b.profile.name));
    const demos = await this.demos();
    return [...demos.map((demo) => listed(demo.profile, demo.secrets, true)), ...saved.map((entry) => listed(entry.profile, entry.secrets, false))];
  }

  /**
   * Saves a profile (new or changed). In `secrets`, a field left out or undefined keeps the stored
   * value, '' clears it, any other text replaces it. Nothing is saved if anything is refused.
   */
  async save<P extends Provider>(input: ProfileInputOf<P>, secrets: SecretInput<P> = {}): Promise<ListedProfile> {
    const profile = parseProfile(input);
    if (isDemoProfileId(profile.id)) {
      throw new UserError('refused', 'The Demo profiles are built in and cannot be changed. Save it under a new name to make your own.');
    }
    const changes = secretChanges(profile, secrets);
    return this.exclusive(async () => {
      const entries = await this.file.read();
      const previous = entries.find((entry) => entry.profile.id === profile.id);
      const entry: StoredProfile = { profile, secrets: this.nextSecrets(profile, previous, changes) };
      await this.file.write(previous ? entries.map((e) => (e === previous ? entry : e)) : [...entries, entry]);
      return listed(profile, entry.secrets, false);
    });
  }

  async delete(id: string): Promise<void> {
    if (isDemoProfileId(id)) throw new UserError('refused', 'The Demo profiles are built in and cannot be deleted.');
    await this.exclusive(async () => {
      const entries = await this.file.read();
      const kept = entries.filter((entry) => entry.profile.id !== id);
      if (kept.length === entries.length) throw notFound(id);
      await this.file.write(kept);
    });
  }

  /**
   * For the main process only: the profile with its secrets decrypted, to make requests with.
   * Never send the result to the renderer or write it to a log (pass its secrets to redact()).
   */
  async withSecrets(id: string): Promise<UnlockedProfile> {
    if (isDemoProfileId(id)) {
      const demo = await this.demo(id);
      return { profile: structuredClone(demo.profile), secrets: { ...demo.secrets } } as UnlockedProfile;
    }
    const entry = await this.saved(id);
    const sealed = Object.entries(entry.secrets).filter(([field]) => isSecretField(entry.profile.provider, field));
    if (sealed.length > 0 && !this.box.available()) throw new UserError('refused', NO_DECRYPTION);
    const secrets = Object.fromEntries(sealed.map(([field, value]) => [field, openSecret(this.box, entry.profile, field, value)]));
    return { profile: entry.profile, secrets } as UnlockedProfile;
  }

  /** A profile's settings without its secrets: enough to change a pin without a keyring. */
  async profile(id: string): Promise<Profile> {
    if (isDemoProfileId(id)) return structuredClone((await this.demo(id)).profile);
    return (await this.saved(id)).profile;
  }

  private async saved(id: string): Promise<StoredProfile> {
    const entry = (await this.file.read()).find((e) => e.profile.id === id);
    if (!entry) throw notFound(id);
    return entry;
  }

  private async demo(id: string): Promise<DemoProfile> {
    const demo = (await this.demos()).find((d) => d.profile.id === id);
    if (!demo) throw notFound(id);
    return demo;
  }

  /** Set up on first need; a failed start is not remembered, so the next call tries again. */
  private demos(): Promise<readonly DemoProfile[]> {
    if (this.demoProfiles === undefined) {
      const pending = this.demoSetup().then(buildDemoProfiles);
      this.demoProfiles = pending;
      pending.catch(() => {
        if (this.demoProfiles === pending) this.demoProfiles = undefined;
      });
    }
    return this.demoProfiles;
  }

  /**
   * The sealed secrets after a save: kept ones (re-sealed if the server settings they are bound
   * to changed), new ones sealed, cleared ones gone. Secrets of another provider are dropped.
   */
  private nextSecrets(profile: Profile, previous: StoredProfile | undefined, changes: SecretChanges): Record<string, string> {
    const kept = previous !== undefined && previous.profile.provider === profile.provider ? previous : undefined;
    const next: Record<string, string> = {};
    for (const field of secretFieldsOf(profile.provider)) {
      const sealed = this.nextSealed(profile, field, changes.get(field), kept);
      if (sealed !== undefined) next[field] = sealed;
    }
    return next;
  }

  private nextSealed(profile: Profile, field: string, change: string | null | undefined, kept: StoredProfile | undefined): string | undefined {
    if (change === null) return undefined;
    if (change !== undefined) return this.seal(profile, field, () => change);
    const stored = kept?.secrets[field];
    if (kept === undefined || stored === undefined) return undefined;
    if (secretBinding(kept.profile) === secretBinding(profile)) return stored;
    return this.seal(profile, field, () => openSecret(this.box, kept.profile, field, stored));
  }

  /** `value` is a function so that a kept secret is decrypted only once encryption is known to work. */
  private seal(profile: Profile, field: string, value: () => string): string {
    if (!this.box.available()) throw new UserError('refused', NO_ENCRYPTION);
    return sealSecret(this.box, profile, field, value());
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
