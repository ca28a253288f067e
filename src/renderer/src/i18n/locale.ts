/** The languages the window speaks. English is the source of every message; Ukrainian mirrors it. */
export const LOCALES = ['en', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, as a language picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', uk: 'Українська' };

/** Where the window remembers the user's choice (per origin: the desktop app, or the web host's address). */
export const LOCALE_STORAGE_KEY = 'dialsheet.language';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * The language for the user's preferences (navigator.languages, most wanted first): the first one
 * Dialsheet speaks. Ukrainian for uk and for Russian as set up in Ukraine (ru-UA); English otherwise.
 */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower === 'uk' || lower.startsWith('uk-') || lower === 'ru-ua') return 'uk';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

/**
 * The locale numbers and dates are formatted for: Ukrainian as written in Ukraine; English as the
 * user's own English (en-GB writes dates day first), or US English for a browser in another language.
 */
export function formatTagFor(locale: Locale, languages: readonly string[]): string {
  if (locale === 'uk') return 'uk-UA';
  return languages.find((tag) => /^en(-|$)/i.test(tag)) ?? 'en-US';
}
