import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** jiti's command line: how every bench file runs, TypeScript and all. */
export const jitiCli = join(dirname(createRequire(import.meta.url).resolve('jiti/package.json')), 'lib', 'jiti-cli.mjs');

/** Runs Node with `args` in a fresh process and parses the last line it printed as JSON. */
function lastJsonLine<T>(args: string[], failure: string): T {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || last === '') throw new Error(`${failure} (${child.status}):\n${child.stderr}`);
  return JSON.parse(last) as T;
}

/** Runs a bench file in a child process under jiti and returns the last line it printed, parsed as JSON. */
export function runBenchChild<T>(file: string, args: string[]): T {
  return lastJsonLine<T>([jitiCli, file, ...args], 'bench child failed');
}

export interface WorkerRun {
  ms: number;
  rows: number;
  maxRssMb: number;
}

/** Reads `file` with the built intake worker in a fresh process: the app's own path, measured alone. */
export function measureIntakeWorker(file: string): WorkerRun {
  const workerFile = join(import.meta.dirname, '..', '..', 'out', 'main', 'intake-worker.js');
  const rssChild = join(import.meta.dirname, 'intake-worker-rss.cjs');
  return lastJsonLine<WorkerRun>([rssChild, workerFile, file], 'intake worker run failed; run npm run build first');
}
