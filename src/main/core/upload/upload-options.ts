import type { ProfileOf, Provider, UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { type UploadOptions, uploadOptionsSchema } from '../../../shared/upload-schemas';
import type { JobChoices } from '../jobs/job-folder';
import { PROVIDER_NAMES } from '../providers/connect';
import { UserError } from '../user-error';
import type { UploadChoices } from './run-upload';

type OptionName = keyof UploadOptions;

/** Each choice in the user's words, and the provider it belongs to. */
const OPTIONS: Readonly<Record<OptionName, { readonly words: string; readonly provider: Provider }>> = {
  numbersPerFile: { words: 'numbers per file', provider: 'mor' },
  concurrency: { words: 'numbers sent at once', provider: 'ringostat' },
  requestsPerSecond: { words: 'requests a second', provider: 'ringostat' },
  at: { words: 'an import time', provider: 'isales' },
};

function listed(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/**
 * One upload's choices (the window's target step, the command line), checked against its profile
 * before anything is planned or sent: the bounds of the profile schemas, and only the choices its
 * provider has. A CC-iSales profile without an SFTP server uses the add-numbers API, which has no
 * schedule, so it takes no import time.
 */
export function checkUploadOptions(unlocked: UnlockedProfile, options: unknown): UploadOptions {
  const parsed = uploadOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new UserError('bad-input', `${parsed.error.issues[0]?.message ?? 'The upload options are not valid.'} Nothing was sent.`);
  const { profile } = unlocked;
  const given = Object.keys(parsed.data) as OptionName[];
  if (profile.provider === 'isales' && profile.sftp === null && parsed.data.at !== undefined) {
    throw new UserError(
      'bad-input',
      `The profile "${profile.name}" has no SFTP server, so it sends by the CC-iSales add-numbers API, which cannot schedule an import; leave the import time out, or use a profile with an SFTP server. Nothing was sent.`,
    );
  }
  const foreign = given.filter((name) => OPTIONS[name].provider !== profile.provider);
  if (foreign.length > 0) {
    const words = foreign.map((name) => `${OPTIONS[name].words} (${PROVIDER_NAMES[OPTIONS[name].provider]})`);
    const what = listed(words);
    throw new UserError(
      'bad-input',
      `${what.charAt(0).toUpperCase()}${what.slice(1)} ${foreign.length === 1 ? 'is not a choice' : 'are not choices'} for the ${PROVIDER_NAMES[profile.provider]} profile "${profile.name}"; leave ${foreign.length === 1 ? 'it' : 'them'} out. Nothing was sent.`,
    );
  }
  return parsed.data;
}

/** MOR: numbers per uploaded file, this upload's choice or the profile's. */
export function morNumbersPerFile(profile: ProfileOf<'mor'>, choices: UploadChoices): number {
  return choices.numbersPerFile ?? profile.options.numbersPerFile;
}

/** Ringostat: how many numbers at once and how many requests a second, this upload's choice or the profile's. */
export function ringostatPace(profile: ProfileOf<'ringostat'>, choices: UploadChoices): { concurrency: number; requestsPerSecond: number } {
  return { concurrency: choices.concurrency ?? profile.options.concurrency, requestsPerSecond: choices.requestsPerSecond ?? profile.options.requestsPerSecond };
}

/**
 * What an upload with these choices uses: the profile's defaults with the choices over them.
 * Null when it has nothing of the kind (CC-iSales imported at once, or by the add-numbers API).
 */
export function usedOptions(unlocked: UnlockedProfile, choices: UploadChoices = {}): UploadOptions | null {
  const { profile } = unlocked;
  switch (profile.provider) {
    case 'mor':
      return { numbersPerFile: morNumbersPerFile(profile, choices) };
    case 'ringostat':
      return ringostatPace(profile, choices);
    case 'isales':
      return profile.sftp !== null && choices.at !== undefined ? { at: choices.at } : null;
  }
}

/** The choices a job keeps in job.json, so a resumed run sends the same way. */
export function jobChoicesOf(choices: UploadChoices = {}): JobChoices {
  const { numbersPerFile, concurrency, requestsPerSecond, at } = choices;
  return {
    ...(numbersPerFile === undefined ? {} : { numbersPerFile }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(requestsPerSecond === undefined ? {} : { requestsPerSecond }),
    ...(at === undefined ? {} : { at: { hour: at.hour, minute: at.minute } }),
  };
}
