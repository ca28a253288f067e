import type { Locale } from './locale';

const rules: Record<Locale, Intl.PluralRules> = { en: new Intl.PluralRules('en'), uk: new Intl.PluralRules('uk') };

/** The CLDR plural category of `n` in a language: English has one and other; Ukrainian one, few, many and other. */
export const pluralCategory = (locale: Locale, n: number): Intl.LDMLPluralRule => rules[locale].select(n);

/** English: the singular for one (1), the plural for everything else (0, 2, 1.5). */
export const enPlural = (n: number, one: string, other: string): string => (pluralCategory('en', n) === 'one' ? one : other);

/**
 * Ukrainian, by Intl.PluralRules('uk'): one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25–30,
 * 11–14) and other (fractions: 1,5). For example ['рядок', 'рядки', 'рядків', 'рядка'].
 */
export function ukPlural(n: number, [one, few, many, other]: readonly [one: string, few: string, many: string, other: string]): string {
  switch (pluralCategory('uk', n)) {
    case 'one':
      return one;
    case 'few':
      return few;
    case 'many':
      return many;
    default:
      return other;
  }
}
