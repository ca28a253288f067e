import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { JobRow, JobSummary } from '../../src/shared/jobs';
import { seededRandom } from '../../src/main/core/random/seeded-random';
import { demoProfileFiles } from '../../src/main/core/simulator/demo-profiles';
import type { NumberLedger } from '../../src/main/core/simulator/number-ledger';
import { type Simulator, startSimulator } from '../../src/main/core/simulator/start-simulator';

/**
 * The proof that a job survives being killed: `dialsheet upload` of 2,000 numbers to the simulated
 * Ringostat is SIGKILLed again and again mid-sending, each time resumed with `jobs resume`, and
 * in the end every number reached the provider exactly once, except those the receipt calls
 * unknown (in flight at a kill), which reached it at most once. Runs the built CLI (bin/dialsheet.js),
 * so `npm run build` comes first. DIALSHEET_KILL_SEED=N repeats a run's choices of when to kill.
 */

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'bin', 'dialsheet.js');
const ROWS = 2000;
const KILLS = 20;
const CAMPAIGN = 456;
/** Between two kills the simulator must have taken this many more numbers, drawn at random. */
const GROWTH = { min: 20, max: 120 };
/**
 * The kills' draws add up to at most this, so the last run always has numbers left to send: each
 * kill also leaves unknown the numbers written down as leaving whose answers had not come back
 * (at most the 8 in flight), and a kill lands a number or two late.
 */
const GROWTH_BUDGET = 1500;
const SEED = Number(process.env.DIALSHEET_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
/**
 * The profile allows at most 10 requests a second; 2,000 numbers would take minutes at that.
 * The CLI honours a higher rate from DIALSHEET_SIMULATOR_RATE for a profile on 127.0.0.1 only.
 */
const RATE = 250;

let sim: Simulator;
let dir: string;
let env: NodeJS.ProcessEnv;

interface Ran {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Child {
  readonly process: ChildProcess;
  readonly exited: Promise<Ran>;
  stderr: string;
}

function dialsheet(args: readonly string[]): Child {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const handle: Child = {
    process: child,
    stderr: '',
    exited: new Promise((done, fail) => {
      child.once('error', fail);
      child.once('close', (code, signal) => done({ code, signal, stdout, stderr: handle.stderr }));
    }),
  };
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (handle.stderr += text));
  return handle;
}

function ledger(): NumberLedger {
  const campaign = sim.state.ringostat.projects.get(sim.credentials.ringostat.projectId)?.campaigns.get(CAMPAIGN);
  if (campaign === undefined) throw new Error(`the simulator has no Ringostat campaign ${CAMPAIGN}`);
  return campaign.received;
}

/** Distinct Vodafone Ukraine mobiles, +38050 and seven random digits, in the seed's order. */
function numbersFor(random: () => number): string[] {
  const numbers = new Set<string>();
  while (numbers.size < ROWS) numbers.add(`+38050${String(Math.floor(random() * 1e7)).padStart(7, '0')}`);
  return [...numbers];
}

/** The draws for every kill, in the seed's order: uniform in GROWTH, drawn again until they fit the budget. */
function growthsFor(random: () => number): number[] {
  for (;;) {
    const growths = Array.from({ length: KILLS }, () => GROWTH.min + Math.floor(random() * (GROWTH.max - GROWTH.min + 1)));
    if (growths.reduce((sum, g) => sum + g, 0) <= GROWTH_BUDGET) return growths;
  }
}

/** Resolves once the simulator has taken `growth` more numbers than `from`, or the child has ended. */
async function grownOrExited(child: Child, from: number, growth: number): Promise<'grown' | Ran> {
  let ended: Ran | undefined;
  void child.exited.then((ran) => (ended = ran));
  for (;;) {
    if (ledger().total - from >= growth) return 'grown';
    if (ended !== undefined) return ended;
    await new Promise((wake) => setTimeout(wake, 1));
  }
}

async function jobIdOf(child: Child): Promise<string> {
  const said = /Job (j\d{8}-\d{6}-[0-9a-f]{6}) started: 2000 numbers to Ringostat campaign 456/.exec(child.stderr)?.[1];
  if (said !== undefined) return said;
  // The line may still be in the pipe; the jobs folder holds the one job there is.
  const ids = await readdir(join(dir, 'data', 'jobs'));
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`expected one job, found ${ids.join(', ') || 'none'}; stderr: ${child.stderr}`);
  return ids[0];
}

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'out', 'main', 'cli.js')), 'run `npm run build` before the smoke tests').toBe(true);
  dir = await mkdtemp(join(tmpdir(), 'dialsheet-kill-'));
  sim = await startSimulator({ faults: { latencyMs: 8, providers: ['ringostat'] } });
  env = { ...process.env, DIALSHEET_DATA_DIR: join(dir, 'data'), DIALSHEET_SIMULATOR_RATE: String(RATE) };
  const profile = { ...demoProfileFiles(sim).ringostat, options: { concurrency: 8, requestsPerSecond: 10 } };
  await writeFile(join(dir, 'ringostat.json'), JSON.stringify(profile, null, 2));
});

afterAll(async () => {
  await sim?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('a job killed over and over', () => {
  it(`reaches the provider once per number, whatever the kills (DIALSHEET_KILL_SEED=${SEED})`, { timeout: 150_000 }, async () => {
    console.log(`jobs-kill: seed ${SEED} (DIALSHEET_KILL_SEED=${SEED} repeats it)`);
    const random = seededRandom(SEED);
    const numbers = numbersFor(random);
    const growths = growthsFor(random);
    await writeFile(join(dir, 'list.csv'), ['Phone', ...numbers].join('\r\n'));

    const started = Date.now();
    const kills: { readonly growth: number; readonly grew: number; readonly ledgerAt: number }[] = [];
    let id: string | undefined;
    for (const [kill, growth] of growths.entries()) {
      const from = ledger().total;
      const child =
        id === undefined
          ? dialsheet(['upload', 'list.csv', '--profile', 'ringostat.json', '--campaign', String(CAMPAIGN)])
          : dialsheet(['jobs', 'resume', id, '--leave-unknown']);
      const outcome = await grownOrExited(child, from, growth);
      if (outcome !== 'grown') throw new Error(`seed ${SEED}: run ${kill + 1} ended by itself (${outcome.code ?? outcome.signal}) before it was killed:\n${outcome.stderr}`);
      child.process.kill('SIGKILL');
      const ran = await child.exited;
      expect(ran.signal, `seed ${SEED}: run ${kill + 1} was not killed`).toBe('SIGKILL');
      kills.push({ growth, grew: ledger().total - from, ledgerAt: ledger().total });
      id ??= await jobIdOf(child);
    }
    if (id === undefined) throw new Error('no job was started');

    const last = await dialsheet(['jobs', 'resume', id, '--leave-unknown']).exited;
    expect([0, 3], `seed ${SEED}: the last resume failed:\n${last.stderr}\n${last.stdout}`).toContain(last.code);
    const shown = await dialsheet(['jobs', 'show', id, '--json']).exited;
    expect(shown.code, shown.stderr).toBe(0);
    const { job, rows } = JSON.parse(shown.stdout) as { job: JobSummary; rows: JobRow[] };
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `jobs-kill: seed ${SEED}, ${kills.length} kills after ${kills.map((k) => k.grew).join(', ')} numbers; ` +
        `receipt ${JSON.stringify(job.counts)}; simulator ${ledger().distinct} numbers, ${ledger().total} arrivals; ${seconds.toFixed(1)} s`,
    );

    // The kills happened mid-sending: each after the simulator took at least its draw, none after the end.
    expect(kills).toHaveLength(KILLS);
    for (const k of kills) {
      expect(k.grew).toBeGreaterThanOrEqual(k.growth);
      expect(k.ledgerAt).toBeLessThan(ROWS);
    }
    // Every row is in the receipt, settled.
    expect(job.state).toBe('finished');
    expect(Object.values(job.counts).reduce((sum, n) => sum + n, 0)).toBe(ROWS);
    expect(job.counts.waiting).toBe(0);
    expect(job.undecided).toBe(0);
    expect(rows).toHaveLength(ROWS);
    expect(rows.filter((r) => r.status === 'waiting')).toEqual([]);
    // Every number reached the simulator exactly once, but the unknown ones at most once.
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    const wrong: string[] = [];
    for (const number of numbers) {
      const dialled = number.slice(1);
      const row = byNumber.get(dialled);
      const arrivals = ledger().arrivals(dialled);
      if (row?.status === 'imported' && arrivals === 1) continue;
      if (row?.status === 'unknown' && arrivals <= 1) continue;
      wrong.push(`${dialled}: ${row?.status ?? 'no receipt row'}, arrived ${arrivals} time(s)`);
    }
    expect(wrong, `seed ${SEED}`).toEqual([]);
    expect(ledger().repeats()).toEqual([]);
    expect(ledger().total).toBe(ledger().distinct);
    const inFile = new Set(numbers.map((n) => n.slice(1)));
    expect(ledger().numbers().filter((n) => !inFile.has(n))).toEqual([]);
    const storedUnknown = rows.filter((r) => r.status === 'unknown' && ledger().arrivals(r.number) === 1).length;
    expect(job.counts.imported).toBe(ledger().distinct - storedUnknown);
  });
});
