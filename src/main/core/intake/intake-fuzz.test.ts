// Fuzzes the intake with damaged copies of a small corpus of good CSV and XLSX files: bit flips,
// truncation, inserted and deleted junk, and (for workbooks) damage aimed at the zip structure.
// Each file must end in a view or a UserError that says what is wrong, never another exception,
// never a hang, and the heap must come back down once the sheets are closed.
// DIALSHEET_FUZZ_SEED=<n> replays another sequence; a failure names its seed and case.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';

import type { SheetSettings } from '../../../shared/sheet-schemas';
import { seededRandom } from '../random/seeded-random';
import { UserError } from '../user-error';
import { createIntakeService } from './create-intake-service';
import type { IntakeService } from './intake-service';
import { buildWorkbook, stylesXml } from './xlsx/xlsx-test-zip';

const SEED = Number(process.env['DIALSHEET_FUZZ_SEED'] ?? 20261127);
const CASES = 1_000;
/** Far above what a small damaged file takes; only a hang gets near it. */
const CASE_DEADLINE_MS = 5_000;
const MIB = 1024 * 1024;

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, items: readonly T[]): T => items[int(r, items.length)] as T;
const chance = (r: Rand, p: number): boolean => r() < p;
const junkBytes = (r: Rand, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(r, 256)));
function flipBit(r: Rand, bytes: Buffer, at: number): void {
  const bit = 1 << int(r, 8);
  if (at < bytes.length) bytes[at] = (bytes[at] ?? 0) ^ bit;
}

// gc() without --expose-gc on the command line: V8 takes the flag at run time, and a fresh context sees it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

interface Seed {
  name: string;
  bytes: Buffer;
  kind: 'csv' | 'xlsx';
}

const numbers = (n: number, from: number): string[] => Array.from({ length: n }, (_, i) => `+38067${String(from + i).padStart(7, '0')}`);

function csvCorpus(): Seed[] {
  const names = ['Олена', 'Petro "Pete"', 'Іван, мол.', 'Anna\nSecond line', 'Ørjan'];
  const rows = numbers(30, 1000).map((n, i) => `${n},"${(names[i % names.length] ?? '').replace(/"/g, '""')}",${i % 3 === 0 ? '12' : ''}`);
  return [
    { name: 'utf8-comma.csv', kind: 'csv', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Phone,Name,Other\r\n${rows.join('\r\n')}\r\n`, 'utf8')]) },
    {
      name: 'cp1251-semicolon.csv',
      kind: 'csv',
      bytes: iconv.encode(`Список для обдзвону\r\n\r\nТелефон;ПІБ;Коментар\r\n${numbers(20, 2000).map((n, i) => `${n.slice(4)};Шевченко ${i};дзвонити після 10`).join('\r\n')}\r\n`, 'windows-1251'),
    },
    { name: 'utf16-tab.txt', kind: 'csv', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`phone\tname\n${numbers(15, 3000).map((n) => `${n}\tІм'я`).join('\n')}\n`, 'utf16le')]) },
    { name: 'no-header.csv', kind: 'csv', bytes: Buffer.from(numbers(25, 4000).map((n) => n.slice(3)).join('\n'), 'utf8') },
  ];
}

async function xlsxCorpus(): Promise<Seed[]> {
  const inlineRows = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Телефон</t></is></c><c r="B1" t="inlineStr"><is><t>ПІБ</t></is></c></row>',
    ...numbers(20, 5000).map((n, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${n.slice(1)}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>Контакт ${i}</t></is></c></row>`),
  ].join('');
  const sharedRows = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
    ...numbers(20, 6000).map((_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${3 + i}</v></c><c r="B${i + 2}" s="1"><v>${45000 + i}</v></c><c r="C${i + 2}"><v>${i}.5</v></c></row>`),
  ].join('');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Інструкція', { state: 'hidden' }).addRow(['Заповніть аркуш «Контакти»']);
  const contacts = book.addWorksheet('Контакти');
  contacts.addRow(['Телефон', 'ПІБ', 'Дата']);
  numbers(20, 7000).forEach((n, i) => contacts.addRow([Number(n.slice(1)), `Особа ${i}`, new Date(Date.UTC(2026, 0, 1 + i))]));
  return [
    { name: 'inline.xlsx', kind: 'xlsx', bytes: buildWorkbook({ sheets: [{ name: 'Hidden', rows: '<row r="1"><c r="A1"><v>1</v></c></row>', state: 'hidden' }, { name: 'Контакти', rows: inlineRows }] }) },
    {
      name: 'shared.xlsx',
      kind: 'xlsx',
      bytes: buildWorkbook({
        sheets: [{ name: 'Sheet1', rows: sharedRows }],
        sharedStrings: ['Phone', 'Date', 'Amount', ...numbers(20, 6000)].map((t) => `<si><t>${t}</t></si>`),
        styles: stylesXml([0, 14]),
      }),
    },
    { name: 'exceljs.xlsx', kind: 'xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) },
  ];
}

/** Where the zip's parts are: each entry's central and local header, and its data. */
interface ZipMap {
  eocd: number;
  entries: { central: number; local: number; data: number; compressedSize: number }[];
}

function mapZip(zip: Buffer): ZipMap | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let central = zip.readUInt32LE(eocd + 16);
  const entries: ZipMap['entries'] = [];
  for (let i = 0; i < count && central + 46 <= zip.length && zip.readUInt32LE(central) === 0x02014b50; i += 1) {
    const local = zip.readUInt32LE(central + 42);
    const compressedSize = zip.readUInt32LE(central + 20);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({ central, local, data, compressedSize });
    central += 46 + zip.readUInt16LE(central + 28) + zip.readUInt16LE(central + 30) + zip.readUInt16LE(central + 32);
  }
  return entries.length > 0 ? { eocd, entries } : null;
}

type Mutator = (r: Rand, bytes: Buffer, others: readonly Seed[]) => { label: string; bytes: Buffer };

const byteMutators: Mutator[] = [
  (r, b) => {
    const out = Buffer.from(b);
    const flips = 1 + int(r, 16);
    for (let i = 0; i < flips; i += 1) flipBit(r, out, int(r, out.length));
    return { label: `${flips} bit flips`, bytes: out };
  },
  (r, b) => {
    const at = int(r, b.length);
    return { label: `truncated at ${at} of ${b.length}`, bytes: b.subarray(0, at) };
  },
  (r, b) => {
    const at = int(r, b.length + 1);
    const junk = junkBytes(r, 1 + int(r, 512));
    return { label: `${junk.length} junk bytes inserted at ${at}`, bytes: Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]) };
  },
  (r, b) => {
    const at = int(r, b.length);
    const length = 1 + int(r, Math.max(1, b.length - at));
    return { label: `${length} bytes cut at ${at}`, bytes: Buffer.concat([b.subarray(0, at), b.subarray(at + length)]) };
  },
  (r, b) => {
    const at = int(r, b.length);
    const length = 1 + int(r, 256);
    const out = Buffer.from(b);
    out.fill(pick(r, [0x00, 0xff, 0x22, 0x0a, 0x3c]), at, Math.min(out.length, at + length));
    return { label: `${length} bytes overwritten at ${at}`, bytes: out };
  },
  (r, b) => {
    const at = int(r, b.length);
    const length = 1 + int(r, Math.min(4096, b.length - at));
    const copies = 1 + int(r, 50);
    return { label: `${length} bytes at ${at} repeated ${copies} times`, bytes: Buffer.concat([b.subarray(0, at), ...Array.from({ length: copies }, () => b.subarray(at, at + length)), b.subarray(at)]) };
  },
  (r, b, others) => {
    const other = pick(r, others).bytes;
    const at = int(r, b.length);
    const from = int(r, other.length);
    return { label: `spliced with another file at ${at}`, bytes: Buffer.concat([b.subarray(0, at), other.subarray(from, from + 1 + int(r, 2048))]) };
  },
];

const U32_ODD = [0, 1, 0x7fffffff, 0xffffffff, 0xfffffffe, 64 * MIB, 1024 * MIB + 1];

/** Damage aimed where a zip reader decides things: methods, sizes, offsets, counts, flags, entry data. */
const zipMutators: Mutator[] = [
  (r, b) => {
    const map = mapZip(b);
    if (!map) return { label: 'no zip map: bit flip', bytes: byteMutators[0]!(r, b, []).bytes };
    const out = Buffer.from(b);
    const entry = pick(r, map.entries);
    const where = pick(r, ['central method', 'local method', 'central size', 'local size', 'central compressed', 'local compressed', 'local offset', 'name length', 'extra length', 'flags'] as const);
    const odd = pick(r, U32_ODD);
    switch (where) {
      case 'central method':
        out.writeUInt16LE(pick(r, [0, 1, 8, 9, 12, 14, 99, 0xffff]), entry.central + 10);
        break;
      case 'local method':
        if (entry.local + 10 <= out.length) out.writeUInt16LE(pick(r, [0, 8, 12, 99]), entry.local + 8);
        break;
      case 'central size':
        out.writeUInt32LE(odd, entry.central + 24);
        break;
      case 'local size':
        if (entry.local + 26 <= out.length) out.writeUInt32LE(odd, entry.local + 22);
        break;
      case 'central compressed':
        out.writeUInt32LE(odd, entry.central + 20);
        break;
      case 'local compressed':
        if (entry.local + 22 <= out.length) out.writeUInt32LE(odd, entry.local + 18);
        break;
      case 'local offset':
        out.writeUInt32LE(pick(r, [...U32_ODD, int(r, out.length)]), entry.central + 42);
        break;
      case 'name length':
        out.writeUInt16LE(pick(r, [0, 1, 0xffff, int(r, 300)]), entry.central + 28);
        break;
      case 'extra length':
        out.writeUInt16LE(pick(r, [0xffff, int(r, 300)]), entry.central + 30);
        break;
      case 'flags':
        out.writeUInt16LE(pick(r, [0x0001, 0x0008, 0x0041, 0xffff]), entry.central + 8);
        break;
    }
    return { label: `zip ${where} of an entry set to an odd value`, bytes: out };
  },
  (r, b) => {
    const map = mapZip(b);
    if (!map) return { label: 'no zip map: truncation', bytes: b.subarray(0, int(r, b.length)) };
    const out = Buffer.from(b);
    const entry = pick(r, map.entries);
    const flips = 1 + int(r, 8);
    for (let i = 0; i < flips; i += 1) {
      const at = entry.data + int(r, Math.max(1, entry.compressedSize));
      flipBit(r, out, at);
    }
    return { label: `${flips} bit flips in an entry's compressed data`, bytes: out };
  },
  (r, b) => {
    const map = mapZip(b);
    if (!map) return { label: 'no zip map: junk', bytes: Buffer.concat([b, junkBytes(r, 64)]) };
    const out = Buffer.from(b);
    const where = pick(r, ['entry count', 'directory size', 'directory offset', 'comment length'] as const);
    if (where === 'entry count') {
      const count = pick(r, [0, 1, 0xffff, map.entries.length + 1]);
      out.writeUInt16LE(count, map.eocd + 8);
      out.writeUInt16LE(count, map.eocd + 10);
    } else if (where === 'directory size') out.writeUInt32LE(pick(r, U32_ODD), map.eocd + 12);
    else if (where === 'directory offset') out.writeUInt32LE(pick(r, [...U32_ODD, int(r, out.length)]), map.eocd + 16);
    else out.writeUInt16LE(pick(r, [1, 0xffff]), map.eocd + 20);
    return { label: `zip end record: ${where} set to an odd value`, bytes: out };
  },
  (r, b) => {
    const map = mapZip(b);
    if (!map) return { label: 'no zip map: bit flip', bytes: byteMutators[0]!(r, b, []).bytes };
    const entry = pick(r, map.entries);
    // An entry's data cut out: every later offset now points at the wrong bytes.
    const end = Math.min(b.length, entry.data + entry.compressedSize);
    return { label: "an entry's data cut out", bytes: Buffer.concat([b.subarray(0, entry.data), b.subarray(end)]) };
  },
];

const SETTINGS: readonly SheetSettings[] = [{}, {}, {}, { encoding: 'utf-16be' }, { delimiter: '|' }, { headerRow: null }, { headerRow: 5 }, { sheet: 1 }, { sheet: 7 }];

type Outcome = { kind: 'view'; rows: number; notes: string[] } | { kind: 'refused'; message: string };

const LEAKS: readonly RegExp[] = [/\n\s+at\s/, /node_modules/, /file:\/\//, /\.[cm]?[jt]s:\d+/, /\/tmp\//, new RegExp(process.cwd())];

function deadline(ms: number, what: string): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms} ms (a hang?): ${what}`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

async function openOne(intake: IntakeService, name: string, bytes: Buffer, settings: SheetSettings): Promise<Outcome> {
  let sheetId: string | undefined;
  try {
    const first = await intake.open(name, new Uint8Array(bytes), settings);
    sheetId = first.sheetId;
    await intake.finished(sheetId);
    const view = intake.view(sheetId);
    // The window's next step: a page of rows, each checked again as it is shown.
    const page = intake.rows(sheetId, 0, 200, 'all');
    expect(page.rows.length).toBeLessThanOrEqual(200);
    return { kind: 'view', rows: view.summary.rows, notes: view.notes.map((note) => note.text) };
  } catch (error) {
    if (error instanceof UserError) return { kind: 'refused', message: error.message };
    throw error;
  } finally {
    if (sheetId !== undefined) intake.close(sheetId);
  }
}

let corpus: Seed[] = [];

beforeAll(async () => {
  corpus = [...csvCorpus(), ...(await xlsxCorpus())];
});

describe('the intake under damaged files', () => {
  it('reads every file of the corpus whole before it is damaged', async () => {
    const intake = createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
    for (const file of corpus) {
      const outcome = await openOne(intake, file.name, file.bytes, {});
      expect(outcome, file.name).toMatchObject({ kind: 'view' });
      expect(outcome.kind === 'view' && outcome.rows, file.name).toBeGreaterThanOrEqual(15);
    }
  });

  it(`ends every damaged file in a view or a clear refusal, in bounded time and memory (seed ${SEED})`, async () => {
    console.log(`intake fuzz: seed ${SEED} (set DIALSHEET_FUZZ_SEED to replay another), ${CASES} damaged files`);
    const r = seededRandom(SEED);
    const intake = createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
    // One warm-up pass, so the heap holds the phone metadata and parsers before it is measured.
    for (const file of corpus) await openOne(intake, file.name, file.bytes, {});
    const heapBefore = heapAfterGc();
    let heapPeak = heapBefore;
    const tally = { view: 0, refused: 0 };
    const refusals = new Map<string, number>();
    const stopped: string[] = [];
    let slowest = { ms: 0, what: '' };
    for (let i = 0; i < CASES; i += 1) {
      const file = pick(r, corpus);
      const mutators = file.kind === 'xlsx' && chance(r, 0.6) ? zipMutators : byteMutators;
      let { label, bytes } = pick(r, mutators)(r, file.bytes, corpus);
      if (chance(r, 0.3)) {
        const again = pick(r, byteMutators)(r, bytes, corpus);
        label += `, then ${again.label}`;
        bytes = again.bytes;
      }
      const settings = pick(r, SETTINGS);
      const what = `seed ${SEED}, case ${i}: ${file.name}, ${label}, settings ${JSON.stringify(settings)}`;
      const started = performance.now();
      const limit = deadline(CASE_DEADLINE_MS, what);
      let outcome: Outcome;
      try {
        outcome = await Promise.race([openOne(intake, file.name, bytes, settings), limit.promise]);
      } catch (error) {
        throw new Error(`${what}: not a view nor a UserError: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { cause: error });
      } finally {
        limit.cancel();
      }
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { ms, what };
      tally[outcome.kind] += 1;
      if (outcome.kind === 'refused') {
        expect(outcome.message.trim().length, what).toBeGreaterThan(10);
        expect(outcome.message.length, what).toBeLessThan(2_000);
        for (const leak of LEAKS) expect(outcome.message, `${what}: ${outcome.message}`).not.toMatch(leak);
        const shape = outcome.message.replace(file.name, '<file>').replace(/\d[\d,.]*/g, 'N').slice(0, 70);
        refusals.set(shape, (refusals.get(shape) ?? 0) + 1);
      } else {
        for (const note of outcome.notes) expect(note.trim().length, what).toBeGreaterThan(0);
        // A reader that broke mid-file with something other than a UserError leaves this note.
        stopped.push(...outcome.notes.filter((n) => n.includes('the rest of the file could not be read')).map((n) => `${what}: ${n}`));
      }
      if (i % 50 === 49) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    const heapAfter = heapAfterGc();
    console.log(
      [
        `intake fuzz: ${tally.view} views, ${tally.refused} refusals; slowest ${slowest.ms.toFixed(0)} ms (${slowest.what})`,
        `heap ${(heapBefore / MIB).toFixed(1)} MiB before, peak sample ${(heapPeak / MIB).toFixed(1)} MiB, ${(heapAfter / MIB).toFixed(1)} MiB after`,
        'refusals:',
        ...[...refusals].sort((a, b) => b[1] - a[1]).map(([shape, n]) => `  ${n} × ${shape}`),
      ].join('\n'),
    );
    expect(stopped).toEqual([]);
    expect(tally.view).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
    // Every sheet was closed: what stays is caches, not files. Generous, as the counts above are samples.
    expect(heapAfter - heapBefore).toBeLessThan(64 * MIB);
    expect(heapPeak).toBeLessThan(heapBefore + 512 * MIB);
  }, 60_000);
});
