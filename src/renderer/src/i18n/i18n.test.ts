import { describe, expect, it } from 'vitest';

import { createFormatters, durationParts } from './format';
import { createI18n } from './i18n';
import { formatTagFor, localeFromLanguages } from './locale';
import { en } from './messages/en';
import { uk } from './messages/uk';
import { enPlural, ukPlural } from './plural';

const NBSP = '\u00a0';

describe('plural rules', () => {
  const rows = ['рядок', 'рядки', 'рядків', 'рядка'] as const;

  it('Ukrainian has one, few, many and other', () => {
    const cases: [number, string][] = [
      [0, 'рядків'],
      [1, 'рядок'],
      [2, 'рядки'],
      [4, 'рядки'],
      [5, 'рядків'],
      [11, 'рядків'],
      [12, 'рядків'],
      [14, 'рядків'],
      [21, 'рядок'],
      [22, 'рядки'],
      [25, 'рядків'],
      [101, 'рядок'],
      [111, 'рядків'],
      [1.5, 'рядка'],
    ];
    for (const [n, form] of cases) expect([n, ukPlural(n, rows)]).toEqual([n, form]);
  });

  it('English has one and other', () => {
    expect([0, 1, 2, 21].map((n) => enPlural(n, 'row', 'rows'))).toEqual(['rows', 'row', 'rows', 'rows']);
  });
});

describe('formatters', () => {
  const ukF = createFormatters('uk-UA');
  const enF = createFormatters('en-US');

  it('group thousands as the locale does: a no-break space in Ukrainian, a comma in English', () => {
    expect(ukF.count(1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(ukF.count(1234)).toBe(`1${NBSP}234`);
    expect(enF.count(500000)).toBe('500,000');
    expect(ukF.count(12.6)).toBe('13');
  });

  it('write decimals with the locale’s mark', () => {
    expect(ukF.decimal(2, 1)).toBe('2,0');
    expect(enF.decimal(2.46, 1)).toBe('2.5');
  });

  it('write dates and times for the locale, and leave a string that is no date as it is', () => {
    const iso = '2026-03-04T14:05:06Z';
    expect(ukF.dateTime(iso)).toMatch(/2026/);
    expect(ukF.dateTime(iso)).not.toBe(enF.dateTime(iso));
    expect(enF.dateTime('not a date')).toBe('not a date');
  });

  it('say how long ago in the largest whole unit', () => {
    const now = Date.parse('2026-03-04T14:05:00Z');
    expect(enF.relative('2026-03-04T14:00:00Z', now)).toBe('5 minutes ago');
    expect(ukF.relative('2026-03-04T14:00:00Z', now)).toBe('5 хвилин тому');
    expect(ukF.relative('2026-03-03T14:05:00Z', now)).toBe('учора');
    expect(enF.relative('2026-03-04T14:05:00Z', now)).toBe('now');
  });

  it('name countries and sort by the locale’s alphabet', () => {
    expect(ukF.region('UA')).toBe('Україна');
    expect(enF.region('PL')).toBe('Poland');
    expect(['Польща', 'Австрія', 'Україна', 'Єгипет'].sort(ukF.compare)).toEqual(['Австрія', 'Єгипет', 'Польща', 'Україна']);
  });

  it('split a span of time into its two largest units', () => {
    expect(durationParts(400)).toEqual({ unit: 'under-second' });
    expect(durationParts(3_000)).toEqual({ unit: 'seconds', seconds: 3 });
    expect(durationParts(245_000)).toEqual({ unit: 'minutes', minutes: 4, seconds: 5 });
    expect(durationParts(7_800_000)).toEqual({ unit: 'hours', hours: 2, minutes: 10 });
  });
});

describe('choosing the language', () => {
  it('speaks Ukrainian to uk and ru-UA, English otherwise', () => {
    expect(localeFromLanguages(['uk'])).toBe('uk');
    expect(localeFromLanguages(['uk-UA', 'en-US'])).toBe('uk');
    expect(localeFromLanguages(['ru-UA'])).toBe('uk');
    expect(localeFromLanguages(['ru-RU'])).toBe('en');
    expect(localeFromLanguages(['en-US', 'uk'])).toBe('en');
    expect(localeFromLanguages(['de-DE', 'uk'])).toBe('uk');
    expect(localeFromLanguages(['pl'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });

  it('formats Ukrainian as in Ukraine, and English as the user’s own English', () => {
    expect(formatTagFor('uk', ['en-GB'])).toBe('uk-UA');
    expect(formatTagFor('en', ['uk-UA', 'en-GB'])).toBe('en-GB');
    expect(formatTagFor('en', ['de-DE'])).toBe('en-US');
  });
});

type Tree = { readonly [key: string]: unknown };

/** Arguments for the messages that take a span of time; every other message takes strings and numbers. */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  'jobs.duration': [{ unit: 'minutes', minutes: 4, seconds: 5 }],
  'progressLine.left': [{ unit: 'hours', hours: 2, minutes: 10 }],
  'receipt.took': [{ unit: 'seconds', seconds: 3 }],
};

/** Every leaf of a message tree: strings as they are, functions called with sample arguments. */
function leaves(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') {
      out.set(path, [value]);
    } else if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      const samples = SAMPLE_ARGS[path] ? [SAMPLE_ARGS[path]] : ['1', '3', '5', '22'].map((n) => Array.from({ length: Math.max(fn.length, 6) }, () => n));
      out.set(
        path,
        samples.map((args) => {
          const text = fn(...args);
          expect(typeof text, path).toBe('string');
          return text as string;
        }),
      );
    } else if (typeof value === 'object' && value !== null) {
      for (const [p, v] of leaves(value as Tree, path)) out.set(p, v);
    } else {
      throw new Error(`${path} is neither text nor a message function`);
    }
  }
  return out;
}

describe('messages', () => {
  const english = leaves(en(createFormatters('en-US')));
  const ukrainian = leaves(uk(createFormatters('uk-UA')));

  it('English and Ukrainian have exactly the same keys', () => {
    expect([...ukrainian.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(200);
  });

  it('no message is empty, half-filled or differently spaced at its ends', () => {
    for (const [path, texts] of english) {
      const translated = ukrainian.get(path) ?? [];
      texts.forEach((text, i) => {
        const other = translated[i] ?? '';
        for (const t of [text, other]) {
          expect(t.trim(), path).not.toBe('');
          expect(t, path).not.toMatch(/undefined|NaN|\[object/);
        }
        // A leading or trailing space (or mark) joins the message to what is around it, in both languages alike.
        const ends = (t: string): boolean[] => [/^[\p{L}\p{N}…«“(]/u.test(t), /[\p{L}\p{N}.…:)»”]$/u.test(t)];
        expect(ends(other), path).toEqual(ends(text));
      });
    }
  });

  it('Ukrainian messages agree with their numbers and group thousands with a no-break space', () => {
    const { t } = createI18n('uk');
    expect([1, 3, 5, 21].map((n) => `${n} ${t.summary.rows(n)}`)).toEqual(['1 рядок', '3 рядки', '5 рядків', '21 рядок']);
    expect(t.plan.summary(1234, 1234, '7', '…', 2, 0)).toMatch(new RegExp(`^Буде надіслано 1${NBSP}234 рядки \\(1${NBSP}234 номери\\) до кампанії 7`));
    expect(t.progressLine.withOutcome(3, 21)).toBe('Результат є для 3 з 21 номера');
    expect(t.progressLine.withOutcome(16, 16)).toBe('Результат є для 16 з 16 номерів');
    expect(t.receipt.unknownHeadline(2)).toBe('2 рядки мають номер із невідомим результатом.');
    expect(t.jobs.duration(durationParts(245_000))).toBe('4 хв 5 с');
    expect(t.progressLine.rate(2)).toBe('2,0 номерів/с');
  });

  it('English messages read as before', () => {
    const { t } = createI18n('en', ['en-US']);
    expect(t.progressLine.withOutcome(3, 3)).toBe('3 of 3 numbers have an outcome');
    expect(t.progressLine.withOutcome(1, 1)).toBe('1 of 1 number has an outcome');
    expect(t.plan.summary(3, 3, '2', '3 requests', 1, 1)).toBe('Will send 3 rows (3 numbers) to campaign 2, as 3 requests. Left out: 1 invalid, 1 duplicate. Nothing was sent.');
    expect(t.receipt.unknownHeadline(1)).toBe('1 row has a number with an unknown outcome.');
    expect(t.jobs.target('leads.csv', 'Ringostat', '456')).toBe('leads.csv → Ringostat campaign 456');
  });

  it('problems come in the core’s words, or the window’s in its language', () => {
    expect(createI18n('uk').problem({ core: 'Campaign 9 was not found.' })).toBe('Campaign 9 was not found.');
    expect(createI18n('uk').problem({ ui: 'editNotSaved' })).toBe('Зміну не збережено.');
    expect(createI18n('en').problem({ ui: 'editNotSaved' })).toBe('The change was not saved.');
  });
});
