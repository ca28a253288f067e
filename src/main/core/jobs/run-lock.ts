import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

import { UserError } from '../user-error';
import { RUN_LOCK } from './job-folder';

const lockSchema = z.object({ pid: z.number().int(), host: z.string() });

export interface RunLockHolder {
  readonly pid: number;
  readonly host: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** Who holds the job's run lock now, if anybody alive does. */
export async function runLockHolder(dir: string): Promise<RunLockHolder | undefined> {
  const text = await readFile(join(dir, RUN_LOCK), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let holder: RunLockHolder | undefined;
  try {
    const parsed = lockSchema.safeParse(JSON.parse(text));
    holder = parsed.success ? parsed.data : undefined;
  } catch {
    holder = undefined;
  }
  // A lock from another computer (a shared folder) cannot be checked, so it is believed.
  if (holder === undefined) return undefined;
  return holder.host !== hostname() || alive(holder.pid) ? holder : undefined;
}

/**
 * Takes the job's run lock, so two Dialsheets (the window and the command line) never send the
 * same job at once. A lock left by a process that died is taken over. Resolves to its release.
 */
export async function acquireRunLock(dir: string, jobId: string): Promise<() => Promise<void>> {
  const path = join(dir, RUN_LOCK);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, mine, { flag: 'wx', mode: 0o600 });
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      const holder = await runLockHolder(dir);
      if (holder !== undefined) {
        const who = holder.pid === process.pid && holder.host === hostname() ? 'this Dialsheet' : `another Dialsheet (process ${holder.pid} on ${holder.host})`;
        throw new UserError('refused', `Job ${jobId} is being sent by ${who}. Nothing was sent twice; wait for it, or pause it there.`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new UserError('refused', `Job ${jobId}'s run lock could not be taken; try again.`);
}
