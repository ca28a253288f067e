import { describe, expect, it } from 'vitest';

import type { PlanTravel, ScheduledAt } from '../../../shared/upload-schemas';
import { createFormatters, decimalsOf, durationParts } from './format';
import { createI18n } from './i18n';
import { formatTagFor, localeFromLanguages } from './locale';
import { en } from './messages/en';
import { uk } from './messages/uk';
import { leftOutMessage } from './skipped-row';
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

  it('count the decimals a number needs in full, up to a most', () => {
    expect([2, 0.5, 0.1, 1.25, 0.3, 1 / 3].map((n) => decimalsOf(n))).toEqual([0, 1, 1, 2, 1, 3]);
    expect(ukF.decimal(0.5, decimalsOf(0.5))).toBe('0,5');
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

/** Arguments for the messages that take a span of time or a plan's kind; every other message takes strings and numbers. */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  'jobs.duration': [{ unit: 'minutes', minutes: 4, seconds: 5 }],
  'plan.travel': [{ kind: 'mor-files', files: 3, perFile: 10 }],
  'plan.batch': ['mor-files', 1, 3, 10],
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

  it('a row left out reads in the window’s language when it has a reason; English keeps the core’s words', () => {
    const short = { message: 'Not sent: "12" is too short: a Ukrainian number has 9 digits after 0.', reason: 'too-short' } as const;
    const duplicate = { message: 'Not sent: The same number as row 2.', reason: 'duplicate' } as const;
    const removed = { message: 'Removed before sending.', reason: 'removed' } as const;
    const old = { message: 'Not sent: The same number as row 2.' };
    const ukI18n = createI18n('uk');
    expect([short, duplicate, removed, old].map((row) => leftOutMessage(ukI18n, row))).toEqual([
      'Не надіслано: Закороткий',
      'Не надіслано: Дублікат',
      'Вилучено перед надсиланням.',
      'Not sent: The same number as row 2.',
    ]);
    const enI18n = createI18n('en', ['en-US']);
    expect([short, duplicate, removed, old].map((row) => leftOutMessage(enI18n, row))).toEqual([short.message, duplicate.message, removed.message, old.message]);
    expect(enI18n.t.receiptTable.notSent(enI18n.t.reasons['too-short'])).toBe('Not sent: Too short');
  });

  it('the plan says how its rows travel, and names each batch, in the window’s language', () => {
    const ukT = createI18n('uk').t;
    const enT = createI18n('en', ['en-US']).t;
    const mor = (files: number, perFile: number): PlanTravel => ({ kind: 'mor-files', files, perFile });
    expect([1, 2, 5, 21].map((n) => ukT.plan.travel(mor(n, n)))).toEqual([
      '1 CSV-файл (до 1 номера у файлі), один за одним',
      '2 CSV-файли (до 2 номерів у файлі), один за одним',
      '5 CSV-файлів (до 5 номерів у файлі), один за одним',
      '21 CSV-файл (до 21 номера у файлі), один за одним',
    ]);
    expect([1, 2, 5, 21].map((n) => enT.plan.travel(mor(n, n)))).toEqual([
      '1 CSV file of up to 1 number, one after another',
      '2 CSV files of up to 2 numbers, one after another',
      '5 CSV files of up to 5 numbers, one after another',
      '21 CSV files of up to 21 numbers, one after another',
    ]);
    expect(ukT.plan.travel(mor(1234, 100_000))).toBe(`1${NBSP}234 CSV-файли (до 100${NBSP}000 номерів у файлі), один за одним`);

    const ringostat = (requests: number, requestsPerSecond: number): PlanTravel => ({ kind: 'ringostat-requests', requests, concurrency: 1, requestsPerSecond, seconds: Math.ceil(requests / requestsPerSecond) });
    expect([1, 2, 5, 21].map((n) => ukT.plan.travel(ringostat(n, 0.5)))).toEqual([
      '1 запит, не більше 0,5 за секунду й 1 одночасно (близько 2 с)',
      '2 запити, не більше 0,5 за секунду й 1 одночасно (близько 4 с)',
      '5 запитів, не більше 0,5 за секунду й 1 одночасно (близько 10 с)',
      '21 запит, не більше 0,5 за секунду й 1 одночасно (близько 42 с)',
    ]);
    expect(enT.plan.travel(ringostat(4, 0.5))).toBe('4 requests, at most 0.5 a second and 1 at once (about 8 s)');
    expect(enT.plan.travel(ringostat(1, 2))).toBe('1 request, at most 2 a second and 1 at once (about 1 s)');
    expect(enT.plan.travel(ringostat(5, 1.25))).toBe('5 requests, at most 1.25 a second and 1 at once (about 4 s)');

    const calls = (n: number): PlanTravel => ({ kind: 'isales-calls', calls: n, perCall: 20, seconds: n });
    expect([1, 2, 5, 21].map((n) => ukT.plan.travel(calls(n)))).toEqual([
      '1 виклик add-numbers (до 20 номерів за виклик), з інтервалом у секунду (близько 1 с)',
      '2 виклики add-numbers (до 20 номерів за виклик), з інтервалом у секунду (близько 2 с)',
      '5 викликів add-numbers (до 20 номерів за виклик), з інтервалом у секунду (близько 5 с)',
      '21 виклик add-numbers (до 20 номерів за виклик), з інтервалом у секунду (близько 21 с)',
    ]);
    expect(enT.plan.travel(calls(1))).toBe('1 add-numbers call of up to 20 numbers, a second apart (about 1 s)');

    const files = (n: number, at: ScheduledAt | null): PlanTravel => ({ kind: 'isales-files', files: n, server: 'sftp://h:22/in', at });
    expect([1, 2, 5, 21].map((n) => ukT.plan.travel(files(n, null)))).toEqual([
      '1 файл даних дзвінків на sftp://h:22/in, далі CC-iSales виконає імпорт одразу',
      '2 файли даних дзвінків на sftp://h:22/in, далі CC-iSales виконає імпорт одразу',
      '5 файлів даних дзвінків на sftp://h:22/in, далі CC-iSales виконає імпорт одразу',
      '21 файл даних дзвінків на sftp://h:22/in, далі CC-iSales виконає імпорт одразу',
    ]);
    expect(ukT.plan.travel(files(2, { hour: 7, minute: 5 }))).toBe('2 файли даних дзвінків на sftp://h:22/in, далі CC-iSales виконає імпорт о 07:05 за годинником сервера');
    expect(enT.plan.travel(files(2, { hour: 21, minute: 30 }))).toBe("2 call-data files put on sftp://h:22/in, then imported by CC-iSales at 21:30 (the server's clock)");
    expect(enT.plan.travel(files(1, null))).toBe('1 call-data file put on sftp://h:22/in, then imported by CC-iSales at once');

    expect(ukT.plan.summary(3, 3, '1', ukT.plan.travel(mor(1, 10)), 0, 0)).toBe(
      'Буде надіслано 3 рядки (3 номери) до кампанії 1: 1 CSV-файл (до 10 номерів у файлі), один за одним. Не ввійдуть: недійсних — 0, дублікатів — 0. Нічого не надіслано.',
    );

    expect([ukT.plan.batch('mor-files', 1, 3, 10), ukT.plan.batch('isales-calls', 2, 21, 20), ukT.plan.batch('isales-files', 1, 1, 5)]).toEqual(['Файл 1 з 3', 'Виклик 2 з 21', 'Файл даних дзвінків 1 з 1']);
    expect([1, 2, 5, 21].map((n) => ukT.plan.batch('ringostat-requests', 1, 1, n))).toEqual(['1 запит, по одному на номер', '2 запити, по одному на номер', '5 запитів, по одному на номер', '21 запит, по одному на номер']);
    expect(ukT.plan.batch('mor-files', 1000, 1234, 10)).toBe(`Файл 1${NBSP}000 з 1${NBSP}234`);
    expect([enT.plan.batch('mor-files', 3, 3, 10), enT.plan.batch('isales-calls', 1, 2, 20), enT.plan.batch('isales-files', 1, 2, 5)]).toEqual(['File 3 of 3', 'Call 1 of 2', 'Call-data file 1 of 2']);
    expect([1, 4].map((n) => enT.plan.batch('ringostat-requests', 1, 1, n))).toEqual(['1 request, one per number', '4 requests, one per number']);
  });

  it('problems come in the core’s words, or the window’s in its language', () => {
    expect(createI18n('uk').problem({ core: 'Campaign 9 was not found.' })).toBe('Campaign 9 was not found.');
    expect(createI18n('uk').problem({ ui: 'editNotSaved' })).toBe('Зміну не збережено.');
    expect(createI18n('en').problem({ ui: 'editNotSaved' })).toBe('The change was not saved.');
  });
});
