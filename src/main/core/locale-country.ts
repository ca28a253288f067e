import { getCountries } from 'libphonenumber-js/max';

const KNOWN = new Set<string>(getCountries());

/** Where nothing better is known: the market Dialsheet was first made for. */
export const FALLBACK_COUNTRY = 'UA';

/**
 * The default country for reading numbers written without a country code, from a locale such as
 * "uk-UA" or "en_GB.UTF-8". A locale without a known region gives the fallback.
 */
export function countryFromLocale(locale: string | undefined): string {
  const region = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(locale ?? '')?.[1]?.toUpperCase();
  return region !== undefined && KNOWN.has(region) ? region : FALLBACK_COUNTRY;
}

export const supportedCountries = (): string[] => [...KNOWN].sort();

/** Whether the phone metadata has a numbering plan for this two-letter code. */
export const isSupportedCountry = (code: string): boolean => KNOWN.has(code);
