import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A profile file with some fields changed, written beside the original, as a user might have edited it. */
export async function writeProfileWith(original: string, changes: Record<string, unknown>): Promise<string> {
  const path = join(dirname(original), `changed-${Object.keys(changes).join('-')}.json`);
  const fields = JSON.parse(await readFile(original, 'utf8')) as Record<string, unknown>;
  await writeFile(path, JSON.stringify({ ...fields, ...changes }));
  return path;
}
