import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { readProfileJson } from '../store/profiles/profile-json';
import { lendUnlocked } from '../store/secrets/lend-unlocked';
import { UserError } from '../user-error';
import type { JobProfile } from './job-folder';
import type { WithProfile } from './jobs-service';

export interface JobProfileSources {
  /** Saved profiles (the window's); absent on the command line. */
  readonly saved?: { withUnlocked<T>(profileId: string, work: (unlocked: UnlockedProfile, mask: (text: string) => string) => Promise<T>): Promise<T> };
  /** For profile files: secrets given as {"env": "NAME"} are read from here. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For a profile file that names no country. */
  readonly country: string;
  /** A profile file to use instead of the one the job was started with (`--profile`). */
  readonly file?: string;
}

/**
 * Finds a job's profile again when it is resumed: the saved profile it was sent with, or the
 * profile file (the command line's). The secrets are lent to the run and masked in what it throws.
 */
export function jobProfileLender(sources: JobProfileSources): WithProfile {
  return async (profile: JobProfile, work) => {
    const file = sources.file ?? profile.file;
    if (file !== null && (sources.file !== undefined || profile.id === null)) {
      return lendUnlocked(await readProfileJson(file, { env: sources.env, country: sources.country }), work);
    }
    if (profile.id !== null && sources.saved !== undefined) return sources.saved.withUnlocked(profile.id, work);
    throw new UserError(
      'not-found',
      `The job was sent with the profile "${profile.name}", which ${profile.id === null ? 'was a profile file' : 'is a saved profile of the app'}; give its profile file with --profile. Nothing was sent.`,
    );
  };
}
