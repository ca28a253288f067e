import { join } from 'node:path';

import { z } from 'zod';

import { type ColumnMapping, columnMappingSchema } from '../../../../shared/sheet-schemas';
import { readJsonFile, writeJsonFile } from '../../store/json-file';

const MAX_ENTRIES = 500;

const fileSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.object({ mapping: columnMappingSchema, usedAt: z.string() })),
});
type MemoryFile = z.infer<typeof fileSchema>;

/** Same headers, same meaning: the key is the profile and the header row, not the file name. */
export function headerSignature(profileId: string, columns: readonly string[]): string {
  return `${profileId}\u0001${columns.map((c) => c.trim().toLowerCase()).join('\u0002')}`;
}

/** The column mappings a user chose, per profile and header row, kept in the app's data folder. */
export class MappingMemory {
  private cache: MemoryFile | undefined;
  constructor(private readonly path: string | null) {}

  static inFolder(dataDir: string | null): MappingMemory {
    return new MappingMemory(dataDir === null ? null : join(dataDir, 'column-mappings.json'));
  }

  async recall(signature: string): Promise<ColumnMapping | null> {
    return (await this.load()).entries[signature]?.mapping ?? null;
  }

  async remember(signature: string, mapping: ColumnMapping): Promise<void> {
    const memory = await this.load();
    memory.entries[signature] = { mapping, usedAt: new Date().toISOString() };
    const keys = Object.keys(memory.entries);
    if (keys.length > MAX_ENTRIES) {
      const oldest = keys.sort((a, b) => (memory.entries[a]?.usedAt ?? '').localeCompare(memory.entries[b]?.usedAt ?? ''));
      for (const key of oldest.slice(0, keys.length - MAX_ENTRIES)) delete memory.entries[key];
    }
    if (this.path !== null) await writeJsonFile(this.path, memory);
  }

  private async load(): Promise<MemoryFile> {
    if (this.cache) return this.cache;
    const parsed = fileSchema.safeParse(this.path === null ? undefined : await readJsonFile(this.path));
    this.cache = parsed.success ? parsed.data : { version: 1, entries: {} };
    return this.cache;
  }
}
