import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const jitiCli = join(dirname(createRequire(import.meta.url).resolve('jiti/package.json')), 'lib', 'jiti-cli.mjs');

/** Runs a bench file in a child process under jiti and returns the last line it printed, parsed as JSON. */
export function runBenchChild<T>(file: string, args: string[]): T {
  const child = spawnSync(process.execPath, [jitiCli, file, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || last === '') throw new Error(`bench child failed (${child.status}):\n${child.stderr}`);
  return JSON.parse(last) as T;
}

export interface WorkerRun {
  ms: number;
  rows: number;
  maxRssMb: number;
}

/** Reads `file` with the built intake worker in a fresh process: the app's own path, measured alone. */
export function measureIntakeWorker(file: string): WorkerRun {
  const root = join(dirname(import.meta.dirname), '..');
  const workerFile = join(root, 'out', 'main', 'intake-worker.js');
  const child = spawnSync(process.execPath, [join(import.meta.dirname, 'intake-worker-rss.cjs'), workerFile, file], { encoding: 'utf8' });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || last === '') throw new Error(`intake worker run failed (${child.status}); run npm run build first.\n${child.stderr}`);
  return JSON.parse(last) as WorkerRun;
}
