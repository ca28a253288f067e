import type { CountryCode } from 'libphonenumber-js/core';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Ukraine (UA)"; the code stays so a supervisor can match it against the country picker. */
export function countryLabel(country: CountryCode): string {
  const name = regionNames.of(country);
  return name === undefined || name === country ? country : `${name} (${country})`;
}

/** Who the digits were checked against: a country, or a calling code when none fitted (+1, +7). */
export function planLabel(country: CountryCode | undefined, callingCode: string): string {
  return country === undefined ? `+${callingCode}` : countryLabel(country);
}

/** [9] -> "9", [9, 10] -> "9 or 10", [6, 7, 8, 9, 10] -> "6 to 10", [10, 14] -> "10 or 14". */
export function describeLengths(lengths: readonly number[]): string {
  const first = lengths[0];
  const last = lengths[lengths.length - 1];
  if (first === undefined || last === undefined) return 'no';
  if (lengths.length > 2 && last - first === lengths.length - 1) return `${first} to ${last}`;
  if (lengths.length === 1) return String(first);
  return `${lengths.slice(0, -1).join(', ')} or ${last}`;
}
