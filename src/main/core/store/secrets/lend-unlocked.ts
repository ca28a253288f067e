import type { UnlockedProfile } from '../../../../shared/profiles/profile-schemas';
import { UserError } from '../../user-error';
import { redact } from './redact';

/** The secret values of an unlocked profile, to mask wherever text leaves the main process. */
export function secretsOf(unlocked: UnlockedProfile): string[] {
  return Object.values(unlocked.secrets).filter((value): value is string => typeof value === 'string');
}

/** The error with every secret masked; an unexpected one loses its cause, which may hold them. */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (error instanceof UserError) return new UserError(error.code, redact(error.message, secrets));
  const text = error instanceof Error ? error.message : String(error);
  const safe = new Error(redact(text, secrets));
  if (error instanceof Error && error.stack !== undefined) safe.stack = redact(error.stack, secrets);
  return safe;
}

/**
 * Runs `work` with the profile and its secrets. Whatever it throws comes out with every secret
 * masked; `mask` does the same for text it returns or writes down.
 */
export async function lendUnlocked<T>(unlocked: UnlockedProfile, work: (unlocked: UnlockedProfile, mask: (text: string) => string) => Promise<T>): Promise<T> {
  const secrets = secretsOf(unlocked);
  try {
    return await work(unlocked, (text) => redact(text, secrets));
  } catch (error) {
    throw redactError(error, secrets);
  }
}
