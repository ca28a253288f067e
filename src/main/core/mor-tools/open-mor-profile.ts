import type { ProfileOf, SecretValues } from '../../../shared/profiles/profile-schemas';
import { connectMor, expectProvider, withConnection } from '../providers/connect';
import type { MorClient } from '../providers/mor/mor-client';
import { readProfileJson } from '../store/profiles/profile-json';

export interface MorProfileFile {
  readonly profile: ProfileOf<'mor'>;
  readonly secrets: SecretValues<'mor'>;
}

/** A MOR profile file named on the command line, or a UserError saying why it cannot be used. */
export async function readMorProfileFile(
  path: string,
  context: { readonly env: Readonly<Record<string, string | undefined>>; readonly country: string },
  doing: string,
): Promise<MorProfileFile> {
  const unlocked = expectProvider(await readProfileJson(path, context), 'mor', doing);
  return { profile: unlocked.profile, secrets: unlocked.secrets };
}

/** Runs `work` with a client for the profile and always closes its connections afterwards. */
export function withMorClient<T>(file: MorProfileFile, work: (client: MorClient, apiSecret: string) => Promise<T>): Promise<T> {
  return withConnection(connectMor(file.profile, file.secrets), (client) => work(client, file.secrets.apiSecret ?? ''));
}
