// Fuzzes the real handler table through dispatch, the one door both hosts use: for every call in
// the contract, seeded random and malformed payloads (wrong types, missing and extra fields, huge
// strings, deep nesting, prototype-pollution keys, NaN and Infinity, huge numbers, binary junk in
// base64 fields, ids that look right but name nothing). Every answer must be a typed result.
// DIALSHEET_FUZZ_SEED=<n> replays another sequence; a failure names its seed, call and case.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CALL_NAMES, type CallName, type EventName } from '../../../shared/channels';
import { calls, events } from '../../../shared/contract';
import { ISSUE_REASONS, ROW_FILTERS } from '../../../shared/intake-options';
import { ERROR_CODES, type RpcResult } from '../../../shared/result';
import { buildWorkbook } from '../intake/xlsx/xlsx-test-zip';
import { seededRandom } from '../random/seeded-random';
import { demoSetup } from '../simulator/demo-profiles';
import { startSimulator, type Simulator } from '../simulator/start-simulator';
import { testHandlers, testProfiles } from '../testing/test-handlers';
import type { HandlerTable } from './handler-table';
import { dispatch } from './dispatch';

const SEED = Number(process.env['DIALSHEET_FUZZ_SEED'] ?? 20261127);
const CASES_PER_CALL = 200;

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, items: readonly T[]): T => items[int(r, items.length)] as T;
const chance = (r: Rand, p: number): boolean => r() < p;
const hex = (r: Rand, n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[int(r, 16)]).join('');
const bytes = (r: Rand, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(r, 256)));

// Made once: building a megabyte string a character at a time for every case would be the test's whole cost.
const HUGE_STRINGS = ['A'.repeat(1_000_000), 'Ж'.repeat(300_000), '\0'.repeat(100_000), `${'9'.repeat(4097)}`, 'x/'.repeat(50_000)];
const HUGE_ARRAY = new Array<number>(100_000).fill(1);

const SCALARS: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 63),
  1e308,
  2 ** 32,
  10n,
  '',
  ' ',
  '\0',
  '0',
  '-1',
  'NaN',
  'null',
  '1e309',
  '\uD800',
  '\u202Egnp.exe',
  '🔥🔥🔥',
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%s%s%s%n',
  "'; DROP TABLE jobs; --",
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  new Date(NaN),
  new Date(0),
  new Map([['a', 1]]),
  new Set([1, 2]),
  new Uint8Array([0, 1, 2, 255]),
  new ArrayBuffer(8),
  /re(g)ex/g,
  [],
  {},
  Object.create(null) as unknown,
];

const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'length', 'extra', '', '0', 'admin'];

function randomString(r: Rand): string {
  const alphabets = ['abcXYZ019 -_./', '\u0000\u0001\u001f\u007f\n\r\t', 'ЖжЇїҐґ', '\uD83D\uDD25\uD800\uDFFF\u202E\uFEFF', '"\'\\`<>&%$#@!'];
  return Array.from({ length: int(r, 40) }, () => {
    const alphabet = pick(r, alphabets);
    return alphabet[int(r, alphabet.length)];
  }).join('');
}

/** An own property, even for "__proto__", as JSON.parse and structured clone make it. */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function pollution(r: Rand): unknown {
  return pick(r, [
    () => JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown,
    () => JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
    () => JSON.parse('{"__proto__":{"toString":"polluted","polluted":"yes"},"a":1}') as unknown,
    () => ({ prototype: { polluted: 'yes' } }),
  ])();
}

function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

function fakeId(r: Rand): string {
  return pick(r, [
    `sheet-${hex(r, 16)}`,
    `j${20200101 + int(r, 60000)}-${String(int(r, 235959)).padStart(6, '0')}-${hex(r, 6)}`,
    `p-${hex(r, 8)}`,
    'demo-mor',
    'demo-ringostat',
    'demo-isales',
    `SHA256:${Buffer.from(hex(r, 64), 'hex').toString('base64').replace(/=+$/, '')}`,
    hex(r, 64).replace(/(..)(?!$)/g, '$1:').toUpperCase(),
  ]);
}

function junk(r: Rand, depth = 0): unknown {
  switch (int(r, 12)) {
    case 0:
    case 1:
    case 2:
      return pick(r, SCALARS);
    case 3:
      return randomString(r);
    case 4:
      return pick(r, HUGE_STRINGS);
    case 5:
      return depth < 3 ? Array.from({ length: int(r, 5) }, () => junk(r, depth + 1)) : [];
    case 6: {
      const object: Record<string, unknown> = {};
      if (depth < 3) for (let i = int(r, 4); i > 0; i -= 1) setOwn(object, chance(r, 0.5) ? pick(r, ODD_KEYS) : randomString(r), junk(r, depth + 1));
      return object;
    }
    case 7:
      return deep(pick(r, [100, 1_000, 10_000]), pick(r, SCALARS), chance(r, 0.5));
    case 8:
      return pollution(r);
    case 9:
      return fakeId(r);
    case 10:
      return HUGE_ARRAY;
    default:
      return bytes(r, int(r, 64)).toString('base64');
  }
}

/** Base64 that decodes to junk: random bytes, a damaged workbook, or text that is not base64 at all. */
function junkBase64(r: Rand, ctx: Context): string {
  switch (int(r, 6)) {
    case 0:
      return bytes(r, int(r, 65_536)).toString('base64');
    case 1: {
      const book = Buffer.from(ctx.xlsx);
      for (let i = 1 + int(r, 8); i > 0; i -= 1) {
        const at = int(r, book.length);
        book[at] = (book[at] ?? 0) ^ (1 << int(r, 8));
      }
      return book.toString('base64');
    }
    case 2:
      return Buffer.from(ctx.xlsx.subarray(0, int(r, ctx.xlsx.length))).toString('base64');
    case 3:
      return pick(r, ['!!!!', 'YWJj=YWJj', 'YQ', '====', 'Zm9v\nYmFy', '-_-_']);
    case 4:
      return Buffer.concat([Buffer.from('Phone\n'), bytes(r, int(r, 4096))]).toString('base64');
    default:
      return pick(r, HUGE_STRINGS);
  }
}

interface Context {
  sheetId: string;
  jobId: string;
  csvPath: string;
  dir: string;
  csv: Buffer;
  xlsx: Buffer;
  clis: Buffer;
  /** The run id of an addClis made before the fuzz, so exportCliReceipt reaches past "no such run". */
  cliRunId: string;
}

const someSheet = (r: Rand, ctx: Context): string => (chance(r, 0.7) ? ctx.sheetId : `sheet-${hex(r, 16)}`);
const someJob = (r: Rand, ctx: Context): string => (chance(r, 0.7) ? ctx.jobId : `j20260101-${String(int(r, 235959)).padStart(6, '0')}-${hex(r, 6)}`);
const someCliRun = (r: Rand, ctx: Context): string => (chance(r, 0.7) ? ctx.cliRunId : `clis-${hex(r, 12)}`);
const someProfile = (r: Rand): string => pick(r, ['demo-mor', 'demo-ringostat', 'demo-isales', 'fuzz-ringostat', 'fuzz-isales', `p-${hex(r, 8)}`]);
/** Rows by index (some past the end) or by filter and reason, as removeRows and restoreRows take them. */
const someRows = (r: Rand, ctx: Context): Record<string, unknown> =>
  chance(r, 0.5)
    ? { sheetId: someSheet(r, ctx), indexes: Array.from({ length: 1 + int(r, 4) }, () => int(r, 5)) }
    : { sheetId: someSheet(r, ctx), filter: pick(r, ROW_FILTERS), ...(chance(r, 0.5) ? { reason: pick(r, ISSUE_REASONS) } : {}) };
const someSettings = (r: Rand): Record<string, unknown> =>
  pick(r, [{}, { encoding: 'windows-1251' }, { delimiter: ';' }, { sheet: int(r, 3) }, { headerRow: pick(r, [null, 0, 1, 70]) }]);

/** A valid input for each call: what the window would send. Mutations start from here. */
const TEMPLATES: { [K in CallName]: (r: Rand, ctx: Context) => unknown } = {
  appInfo: () => ({}),
  openSheetPath: (r, ctx) => ({
    path: pick(r, [ctx.csvPath, join(ctx.dir, 'missing.csv'), ctx.dir, '/dev/null', '/proc/self/status', 'package.json']),
    ...(chance(r, 0.3) ? { settings: someSettings(r) } : {}),
  }),
  openSheetBytes: (r, ctx) => ({
    name: pick(r, ['list.csv', 'book.xlsx', 'x', '../../evil.csv', 'C:\\Users\\a\\list.csv']),
    dataBase64: pick(r, [ctx.csv.toString('base64'), ctx.xlsx.toString('base64'), junkBase64(r, ctx)]),
    ...(chance(r, 0.3) ? { settings: someSettings(r) } : {}),
  }),
  reopenSheet: (r, ctx) => ({ sheetId: someSheet(r, ctx), settings: someSettings(r) }),
  setMapping: (r, ctx) => ({ sheetId: someSheet(r, ctx), mapping: { phone: [int(r, 3)], name: pick(r, [null, 1, 5]), caller: null, custom: [] } }),
  setCheckOptions: (r, ctx) => ({
    sheetId: someSheet(r, ctx),
    options: { country: pick(r, ['UA', 'PL', 'ZZ']), mode: pick(r, ['e164', 'digits']), mobileOnly: chance(r, 0.5), noPremium: chance(r, 0.5) },
  }),
  getSheetView: (r, ctx) => ({ sheetId: someSheet(r, ctx) }),
  sheetRows: (r, ctx) => ({
    sheetId: someSheet(r, ctx),
    offset: int(r, 5),
    limit: 1 + int(r, 1000),
    filter: pick(r, ROW_FILTERS),
    ...(chance(r, 0.4) ? { reason: pick(r, ISSUE_REASONS) } : {}),
  }),
  editCell: (r, ctx) => ({ sheetId: someSheet(r, ctx), index: int(r, 4), column: int(r, 3), value: pick(r, ['0931234567', '', 'not a number', '+380 67 111 22 33']) }),
  removeRows: (r, ctx) => someRows(r, ctx),
  restoreRows: (r, ctx) => someRows(r, ctx),
  closeSheet: (r, ctx) => ({ sheetId: chance(r, 0.2) ? ctx.sheetId : `sheet-${hex(r, 16)}` }),
  listProfiles: () => ({}),
  saveProfile: (r) => ({
    profile: {
      id: `fz-${hex(r, 6)}`,
      name: 'Fuzzed',
      provider: 'ringostat',
      baseUrl: 'http://127.0.0.1:9',
      defaultCountry: 'UA',
      projectId: '123',
      campaignId: 456,
    },
    ...(chance(r, 0.7) ? { secrets: { authKey: randomString(r) } } : {}),
  }),
  deleteProfile: (r) => ({ id: pick(r, ['demo-mor', `p-${hex(r, 8)}`]) }),
  testConnection: (r) => ({ profileId: someProfile(r), ...(chance(r, 0.3) ? { campaignId: pick(r, ['1', '456', '1001', 'nope']) } : {}) }),
  pinHostKey: (r) => ({ profileId: someProfile(r), fingerprint: `SHA256:${Buffer.from(hex(r, 64), 'hex').toString('base64').replace(/=+$/, '')}` }),
  pinCertificate: (r) => ({ profileId: someProfile(r), sha256: hex(r, 64).toUpperCase() }),
  planSheetUpload: (r, ctx) => ({ sheetId: someSheet(r, ctx), profileId: someProfile(r), ...(chance(r, 0.5) ? { campaignId: pick(r, ['2', '456', '1001', '999']) } : {}) }),
  sendSheet: (r, ctx) => ({ sheetId: someSheet(r, ctx), profileId: someProfile(r), ...(chance(r, 0.5) ? { campaignId: pick(r, ['2', '456', '1001', '999']) } : {}) }),
  listJobs: () => ({}),
  jobSummary: (r, ctx) => ({ jobId: someJob(r, ctx) }),
  receiptRows: (r, ctx) => ({ jobId: someJob(r, ctx), offset: int(r, 10), limit: 1 + int(r, 1000), status: pick(r, ['all', 'imported', 'waiting', 'unknown']) }),
  pauseJob: (r, ctx) => ({ jobId: someJob(r, ctx) }),
  resumeJob: (r, ctx) => ({ jobId: someJob(r, ctx) }),
  cancelJob: (r, ctx) => ({ jobId: someJob(r, ctx) }),
  retryFailedJob: (r, ctx) => ({ jobId: someJob(r, ctx) }),
  decideUnknown: (r, ctx) => ({ jobId: someJob(r, ctx), choice: pick(r, ['resend', 'leave']) }),
  exportReceipt: (r, ctx) => ({ jobId: someJob(r, ctx), format: pick(r, ['csv', 'xlsx']) }),
  ivrResults: (r) => ({ profileId: someProfile(r), campaignId: pick(r, ['1', '2', '999', '0']) }),
  exportIvrResults: (r) => ({ profileId: someProfile(r), campaignId: pick(r, ['1', '2', '999', '0']), format: pick(r, ['csv', 'xlsx']) }),
  checkClis: (r, ctx) => ({ name: pick(r, ['clis.csv', 'a.xlsx', '../../evil.csv']), dataBase64: chance(r, 0.5) ? ctx.clis.toString('base64') : junkBase64(r, ctx) }),
  addClis: (r, ctx) => ({ profileId: someProfile(r), name: pick(r, ['clis.csv', 'a.xlsx']), dataBase64: chance(r, 0.5) ? ctx.clis.toString('base64') : junkBase64(r, ctx) }),
  exportCliReceipt: (r, ctx) => ({ runId: someCliRun(r, ctx), format: pick(r, ['csv', 'xlsx']) }),
};

// Values every case may share: a mutation must never change them in place.
const SHARED = new WeakSet<object>([HUGE_ARRAY, ...SCALARS.filter((v): v is object => typeof v === 'object' && v !== null)]);

/** Plain objects and arrays of this case's input, where a mutation may land. */
function containers(value: unknown): (Record<string, unknown> | unknown[])[] {
  const found: (Record<string, unknown> | unknown[])[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || SHARED.has(node) || found.length > 20) return;
    if (!Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype) return;
    found.push(node as Record<string, unknown>);
    for (const child of Object.values(node)) visit(child);
  };
  visit(value);
  return found;
}

function shifted(r: Rand, value: unknown, ctx: Context): unknown {
  if (typeof value === 'string') {
    return pick(r, [
      () => Number(value) || 1,
      () => [value],
      () => ({ value }),
      () => pick(r, HUGE_STRINGS),
      () => `${value}\0`,
      () => ` ${value} `,
      () => value.toUpperCase(),
      () => fakeId(r),
      () => junkBase64(r, ctx),
    ])();
  }
  if (typeof value === 'number') return pick(r, [String(value), NaN, Infinity, -Infinity, -1, value + 0.5, 1e308, -(2 ** 63), Number.MAX_SAFE_INTEGER + 2, -0]);
  if (typeof value === 'boolean') return pick(r, ['true', 1, 0, null]);
  return junk(r);
}

function mutate(r: Rand, input: unknown, ctx: Context): unknown {
  const nodes = containers(input);
  if (nodes.length === 0) return junk(r);
  const node = pick(r, nodes);
  const keys = Object.keys(node);
  const key = keys.length > 0 ? pick(r, keys) : undefined;
  switch (int(r, 6)) {
    case 0:
      if (key !== undefined) delete (node as Record<string, unknown>)[key];
      return input;
    case 1: {
      const extra = chance(r, 0.7) ? pick(r, ODD_KEYS) : randomString(r);
      setOwn(node, Array.isArray(node) && extra === 'length' ? 'extra' : extra, chance(r, 0.5) ? pollution(r) : junk(r));
      return input;
    }
    case 2:
      if (key !== undefined) setOwn(node, key, junk(r));
      return input;
    case 3:
    case 4:
      if (key !== undefined) setOwn(node, key, shifted(r, (node as Record<string, unknown>)[key], ctx));
      return input;
    default:
      return chance(r, 0.5) ? pollution(r) : junk(r);
  }
}

function caseInput(r: Rand, name: CallName, ctx: Context): unknown {
  const roll = r();
  if (roll < 0.1) return junk(r);
  const input = TEMPLATES[name](r, ctx);
  if (roll < 0.3) return input;
  let mutated = input;
  for (let i = 1 + int(r, 3); i > 0; i -= 1) mutated = mutate(r, mutated, ctx);
  return mutated;
}

const show = (value: unknown): string => inspect(value, { depth: 3, maxArrayLength: 5, maxStringLength: 80, breakLength: 160 });

// A message the window shows must be words, not a stack or a place on this machine.
const LEAKS: readonly RegExp[] = [/\n\s+at\s/, /\bat .+:\d+:\d+/, /node_modules/, /file:\/\//, /\.[cm]?[jt]sx?:\d+/, new RegExp(`${tmpdir()}/`), new RegExp(process.cwd())];
const MAX_MESSAGE_CHARS = 2_000;

interface Tally {
  cases: number;
  ok: number;
  codes: Map<string, number>;
}

function pristine(): Record<string, string[]> {
  return {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
    string: Object.getOwnPropertyNames(String.prototype).sort(),
    function: Object.getOwnPropertyNames(Function.prototype).sort(),
  };
}

let sim: Simulator;
let handlers: HandlerTable;
let ctx: Context;
const logged: { message: string; error: unknown }[] = [];
const emitted: { name: EventName; payload: unknown }[] = [];
const logError = (message: string, error: unknown): void => {
  logged.push({ message, error });
};
const call = (name: unknown, input: unknown): Promise<RpcResult<unknown>> => dispatch(handlers, name, input, logError);

async function openFuzzSheet(): Promise<string> {
  const opened = await call('openSheetBytes', { name: 'fuzz.csv', dataBase64: ctx.csv.toString('base64') });
  if (!opened.ok) throw new Error(`could not open the fuzz sheet: ${opened.error.message}`);
  return (opened.value as { sheetId: string }).sheetId;
}

beforeAll(async () => {
  console.log(`handler fuzz: seed ${SEED} (set DIALSHEET_FUZZ_SEED to replay another), ${CASES_PER_CALL} cases per call`);
  sim = await startSimulator({ isales: { importStepMs: 5, minAddIntervalMs: 20 } });
  const profiles = testProfiles(() => Promise.resolve(demoSetup(sim)), 2_000);
  handlers = testHandlers(() => undefined, profiles, (name, payload) => emitted.push({ name, payload }));
  const dir = await mkdtemp(join(tmpdir(), 'dialsheet-fuzz-'));
  const csv = Buffer.from('Phone,Name\r\n+380501112233,Olena\r\n+380671112244,Petro\r\n12,Bad\r\n', 'utf8');
  const csvPath = join(dir, 'list.csv');
  await writeFile(csvPath, csv);
  const xlsx = buildWorkbook({ sheets: [{ name: 'A', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Phone</t></is></c></row><row r="2"><c r="A2"><v>380931234567</v></c></row>' }] });
  const clis = Buffer.from('Device ID,CLI,Description\r\n1,37060000777,Fuzz\r\n1,not a number,Bad\r\n', 'utf8');
  ctx = { sheetId: '', jobId: '', csvPath, dir, csv, xlsx, clis, cliRunId: '' };
  ctx.sheetId = await openFuzzSheet();
  const saved = await call('saveProfile', {
    profile: { id: 'fuzz-ringostat', name: 'Fuzz Ringostat', provider: 'ringostat', baseUrl: sim.urls.ringostat, defaultCountry: 'UA', projectId: '123', campaignId: 456 },
    secrets: { authKey: sim.credentials.ringostat.authKey },
  });
  expect(saved.ok).toBe(true);
  // Nothing listens on port 9: an https profile with SFTP that pins can change and sends fail fast.
  const isales = await call('saveProfile', {
    profile: {
      id: 'fuzz-isales',
      name: 'Fuzz iSales',
      provider: 'isales',
      baseUrl: 'https://127.0.0.1:9',
      defaultCountry: 'UA',
      vdnId: 1,
      accessKey: 'fuzz-ak',
      sftp: { host: '127.0.0.1', port: 9, username: 'fuzz', remoteDir: '/upload', serverId: '1' },
    },
    secrets: { secretKey: 'fuzz-sk', sftpPassword: 'fuzz-pw' },
  });
  expect(isales.ok).toBe(true);
  const sent = await call('sendSheet', { sheetId: ctx.sheetId, profileId: 'demo-mor', campaignId: '2' });
  if (!sent.ok) throw new Error(`could not send the fuzz sheet: ${sent.error.message}`);
  ctx.jobId = (sent.value as { id: string }).id;
  const added = await call('addClis', { profileId: 'demo-mor', name: 'fuzz-clis.csv', dataBase64: clis.toString('base64') });
  if (!added.ok) throw new Error(`could not add the fuzz CLIs: ${added.error.message}`);
  ctx.cliRunId = (added.value as { runId: string }).runId;
});

afterAll(async () => {
  await sim?.close();
});

describe('the handler table under fuzzed input', () => {
  it(`answers every call with a typed result, never a throw (seed ${SEED})`, async () => {
    const before = pristine();
    const r = seededRandom(SEED);
    const tallies = new Map<CallName, Tally>();
    for (let round = 0; round < CASES_PER_CALL; round += 1) {
      for (const name of CALL_NAMES) {
        const input = caseInput(r, name, ctx);
        const where = `seed ${SEED}, round ${round}, ${name}(${show(input)})`;
        let answer: RpcResult<unknown>;
        try {
          answer = await call(name, input);
        } catch (error) {
          throw new Error(`a throw escaped dispatch at ${where}: ${show(error)}`, { cause: error });
        }
        const tally = tallies.get(name) ?? { cases: 0, ok: 0, codes: new Map<string, number>() };
        tallies.set(name, tally);
        tally.cases += 1;
        expect(() => structuredClone(answer), `${where}: the answer must cross IPC`).not.toThrow();
        if (answer.ok) {
          tally.ok += 1;
          const checked = calls[name].output.safeParse(answer.value);
          expect(checked.success, `${where}: an ok answer outside the contract`).toBe(true);
        } else {
          const { code, message } = answer.error;
          tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
          expect(Object.keys(answer).sort(), where).toEqual(['error', 'ok']);
          expect(Object.keys(answer.error).sort(), where).toEqual(['code', 'message']);
          expect(ERROR_CODES, where).toContain(code);
          expect(typeof message, where).toBe('string');
          expect(message.trim().length, `${where}: empty message`).toBeGreaterThan(0);
          expect(message.length, `${where}: a message of ${message.length} characters`).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
          for (const leak of LEAKS) expect(message, `${where}: the message shows ${String(leak)}`).not.toMatch(leak);
        }
        expect(({} as Record<string, unknown>)['polluted'], `${where}: Object.prototype was polluted`).toBeUndefined();
        expect(pristine(), `${where}: a built-in prototype changed`).toEqual(before);
        // Keep the shared sheet open, so later cases reach past "no such sheet".
        if (name === 'closeSheet' && answer.ok && (answer.value as { closed: boolean }).closed) ctx.sheetId = await openFuzzSheet();
      }
    }
    const total = [...tallies.values()].reduce((sum, t) => sum + t.cases, 0);
    const lines = [...tallies].map(([name, t]) => `${name}: ${t.cases} cases, ${t.ok} ok, ${[...t.codes].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    console.log(`handler fuzz: ${total} cases\n  ${lines.join('\n  ')}`);
    expect(total).toBe(CASES_PER_CALL * CALL_NAMES.length);
    // Each call got through its schema some of the time, or the fuzz tested nothing past zod.
    for (const [name, t] of tallies) expect(t.ok + (t.codes.get('not-found') ?? 0) + (t.codes.get('refused') ?? 0) + (t.codes.get('unreadable') ?? 0), name).toBeGreaterThan(0);
    // An unexpected error is hidden from the window, but it is still a handler that broke.
    expect(logged.map((l) => `${l.message}: ${show(l.error)}`)).toEqual([]);
    for (const { name, payload } of emitted) expect(events[name].safeParse(payload).success, `event ${name}`).toBe(true);
  }, 120_000);

  // Found by this fuzz: "ZZ" passed the contract's /^[A-Z]{2}$/, libphonenumber threw "Unknown country",
  // the window got "Something went wrong", and the sheet kept the options it could not check with.
  it('refuses a country code with no numbering plan, and leaves the sheet as it was', async () => {
    const sheetId = await openFuzzSheet();
    const before = await call('getSheetView', { sheetId });
    const refused = await call('setCheckOptions', { sheetId, options: { country: 'ZZ', mode: 'e164', mobileOnly: false, noPremium: false } });
    expect(refused).toEqual({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/no numbering plan for the country code "ZZ"/) as unknown } });
    const view = await call('getSheetView', { sheetId });
    expect(view).toEqual(before);
    expect(view).toMatchObject({ ok: true, value: { options: { country: 'UA' } } });
    expect(await call('reopenSheet', { sheetId, settings: {} })).toMatchObject({ ok: true });
  });

  // Found by this fuzz: a job that is not there was "not in /home/…/jobs"; the window names no folder.
  it('says a job is not there without naming the data folder', async () => {
    const answer = await call('jobSummary', { jobId: 'j20200101-000000-abcdef' });
    expect(answer).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no job j20200101-000000-abcdef in the jobs folder.' } });
  });

  it('answers unknown and odd call names with bad-input', async () => {
    const r = seededRandom(SEED + 1);
    const names: unknown[] = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'APPINFO', 'appInfo ', 'rpc/appInfo', null, undefined, 42, {}, [], ['appInfo'], HUGE_STRINGS[0]];
    for (let i = 0; i < 200; i += 1) names.push(chance(r, 0.5) ? randomString(r) : junk(r));
    for (const name of names) {
      const answer = await call(name, {});
      expect(answer, show(name)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
      expect(!answer.ok && answer.error.message.length, show(name)).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    }
  });
});
