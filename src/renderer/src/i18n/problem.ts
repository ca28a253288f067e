import { DialsheetError } from '../../../shared/result';

/** Failures the window words itself: the core gave no message (a bug, a lost connection). */
export type UiProblem = 'unexpected' | 'unexpectedNothingChanged' | 'profilesNotLoaded' | 'editNotSaved';

/**
 * What went wrong, kept until it is shown so it is said in the language on screen then: the core's
 * own message (in English: errors come worded from the main process), or one of the window's.
 */
export type Problem = { readonly core: string } | { readonly ui: UiProblem };

export const problemOf = (error: unknown, fallback: UiProblem): Problem => (error instanceof DialsheetError ? { core: error.message } : { ui: fallback });
