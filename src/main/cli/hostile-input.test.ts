import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { inspectFile } from './inspect-command';
import { createIntakeService } from '../core/intake/create-intake-service';
import { type HostileCase, writeHostileCorpus } from '../core/intake/testing/hostile-corpus';

let corpus: (HostileCase & { path: string })[] = [];

beforeAll(async () => {
  corpus = await writeHostileCorpus(await mkdtemp(join(tmpdir(), 'dialsheet-hostile-')));
});

describe('hostile files', () => {
  it('covers every kind of bad file the intake must survive', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(14);
  });

  it('each gets its clear message through the command line path, never a crash', async () => {
    for (const file of corpus) {
      const attempt = inspectFile({ file: file.path, country: 'UA', mode: 'e164', dataDir: null });
      if (file.outcome === 'refused') {
        await expect(attempt, file.name).rejects.toThrow(file.message);
      } else {
        const report = await attempt;
        if (file.rows !== undefined) expect(report.rows, file.name).toBe(file.rows);
      }
    }
    // Twenty files, some of megabytes: a few seconds on a shared machine.
  }, 30_000);

  it('each read file carries its note in the view the window shows', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of corpus.filter((f) => f.outcome === 'read')) {
      const intake = createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
      const opened = await intake.open(file.name, await readFile(file.path));
      await intake.finished(opened.sheetId);
      expect(intake.view(opened.sheetId).notes.map((note) => note.text).join('\n'), file.name).toMatch(file.message);
    }
  }, 30_000);
});
