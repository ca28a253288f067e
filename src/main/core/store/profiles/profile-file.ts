import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { UserError } from '../../user-error';
import { writeJsonFile } from '../json-file';
import { isDemoProfileId } from './demo-profiles';
import { profileSchema, type Profile } from '../../../../shared/profiles/profile-schemas';

export const PROFILES_FILE_NAME = 'profiles.json';

/** One saved profile and its secrets, each sealed by secret-seal.ts and stored as base64. */
export interface StoredProfile {
  readonly profile: Profile;
  readonly secrets: Readonly<Record<string, string>>;
}

const fileSchema = z.object({
  version: z.literal(1),
  profiles: z.array(z.object({ profile: z.unknown(), secrets: z.record(z.string(), z.string()) })),
});

function damaged(detail: string): UserError {
  return new UserError(
    'unreadable',
    `The saved profiles (${PROFILES_FILE_NAME} in the data folder) could not be read: ${detail}. The file was left as it is and nothing was saved. Restore it from a backup, or move it away to start again with no saved profiles.`,
  );
}

function parseEntries(json: unknown): StoredProfile[] {
  const file = fileSchema.safeParse(json);
  if (!file.success) throw damaged('it is not in the expected shape');
  const seen = new Set<string>();
  return file.data.profiles.map((entry, index) => {
    const profile = profileSchema.safeParse(entry.profile);
    if (!profile.success) throw damaged(`profile number ${index + 1} is not valid`);
    if (seen.has(profile.data.id) || isDemoProfileId(profile.data.id)) throw damaged(`the id of profile number ${index + 1} is used twice or reserved`);
    seen.add(profile.data.id);
    return { profile: profile.data, secrets: entry.secrets };
  });
}

/**
 * profiles.json in the data folder. Not readJsonFile: that treats a damaged file as missing, and
 * the next save would then silently replace every profile the user had.
 */
export class ProfileFile {
  readonly path: string;
  constructor(dataDir: string) {
    this.path = join(dataDir, PROFILES_FILE_NAME);
  }

  async read(): Promise<StoredProfile[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw damaged('it is not valid JSON');
    }
    return parseEntries(json);
  }

  /** Atomic and mode 0600 (json-file.ts): a crash mid-write leaves the old file whole. */
  async write(entries: readonly StoredProfile[]): Promise<void> {
    await writeJsonFile(this.path, { version: 1, profiles: entries });
  }
}
