import { createFormatters, type Formatters } from './format';
import { formatTagFor, isLocale, type Locale, localeFromLanguages, LOCALE_STORAGE_KEY } from './locale';
import { en, type Messages } from './messages/en';
import { uk } from './messages/uk';
import type { Problem } from './problem';

const MESSAGES: Record<Locale, (f: Formatters) => Messages> = { en, uk };

/** One language's words and formats: what `useT()` hands a component. */
export interface I18n {
  readonly locale: Locale;
  /** Every message of the window in this language. */
  readonly t: Messages;
  /** Numbers, dates and country names formatted for this language. */
  readonly f: Formatters;
  /** A problem in words: the core's own message as it came, or the window's in this language. */
  readonly problem: (problem: Problem) => string;
}

export function createI18n(locale: Locale, languages: readonly string[] = []): I18n {
  const f = createFormatters(formatTagFor(locale, languages));
  const t = MESSAGES[locale](f);
  return { locale, t, f, problem: (p) => ('core' in p ? p.core : t.problems[p.ui]) };
}

/** The user's languages as the browser (or Electron, from the system) lists them, most wanted first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/** The language chosen before (remembered in localStorage), or the one the browser's languages ask for. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be off (a locked-down browser): the browser's languages decide.
  }
  return localeFromLanguages(browserLanguages());
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered; the choice holds until the window closes.
  }
}
