/** Numbers, dates and spans of time written for a locale: one set per language, made once. */
export interface Formatters {
  /** The BCP 47 tag everything is formatted for (uk-UA, en-US, en-GB). */
  readonly tag: string;
  /** A whole number with the locale's grouping: 12,345 or 12 345 (with a no-break space). */
  count: (n: number) => string;
  /** A number with exactly `digits` decimals: 2.5 or 2,5. */
  decimal: (n: number, digits: number) => string;
  /** A moment from an ISO string, date and time; the string itself when it is not a date. */
  dateTime: (iso: string) => string;
  /** How long ago (or ahead) a moment is, in the largest whole unit: "5 minutes ago", "вчора". */
  relative: (iso: string, now: number) => string;
  /** A country's name from its ISO 3166 code; the code when the locale has no name for it. */
  region: (code: string) => string;
  /** Sorts text as the locale's alphabet does. */
  compare: (a: string, b: string) => number;
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function createFormatters(tag: string): Formatters {
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const when = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const regions = new Intl.DisplayNames(tag, { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(tag);
  return {
    tag,
    count: (n) => whole.format(n),
    decimal: (n, digits) => {
      let format = decimals.get(digits);
      if (!format) {
        format = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
        decimals.set(digits, format);
      }
      return format.format(n);
    },
    dateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : when.format(date);
    },
    relative: (iso, now) => {
      const time = new Date(iso).getTime();
      if (Number.isNaN(time)) return iso;
      const seconds = Math.round((time - now) / 1000);
      const [unit, size] = RELATIVE_UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
      return relative.format(Math.trunc(seconds / size), unit);
    },
    region: (code) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    compare: (a, b) => collator.compare(a, b),
  };
}

/** The decimals `n` needs to be written in full, at most `most`: 0 for 2, 1 for 0.5, 2 for 1.25. */
export function decimalsOf(n: number, most = 3): number {
  for (let digits = 0; digits < most; digits += 1) {
    const scaled = n * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return digits;
  }
  return most;
}

/** A span of time in its two largest units, for a message to put in words. */
export type DurationParts =
  | { readonly unit: 'under-second' }
  | { readonly unit: 'seconds'; readonly seconds: number }
  | { readonly unit: 'minutes'; readonly minutes: number; readonly seconds: number }
  | { readonly unit: 'hours'; readonly hours: number; readonly minutes: number };

/** 3 s; 4 min 5 s; 2 h 10 min: how long a job took or still needs, rounded to the second. */
export function durationParts(ms: number): DurationParts {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return { unit: 'under-second' };
  if (seconds < 60) return { unit: 'seconds', seconds };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { unit: 'minutes', minutes, seconds: seconds % 60 };
  return { unit: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
