import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JournalWriter, readJournal } from './journal-file';
import { tempJobsDir } from './testing/jobs-fixture';

let folder: Awaited<ReturnType<typeof tempJobsDir>>;
let path: string;
beforeEach(async () => {
  folder = await tempJobsDir();
  path = join(folder.dir, 'journal.jsonl');
});
afterEach(async () => {
  await folder.remove();
});

describe('the journal file', () => {
  it('reads nothing from a journal not yet written', async () => {
    expect(await readJournal(path)).toEqual({ records: [], wholeBytes: 0, damaged: [] });
  });

  it('appends records as JSON lines and reads them back in order', async () => {
    const writer = await JournalWriter.open(path, 0);
    await writer.write({ k: 'run', at: '2026-11-27T10:00:00.000Z', pid: 1 });
    await writer.write({ k: 'send', n: [0, 1] });
    await writer.close();
    const read = await readJournal(path);
    expect(read.records).toEqual([
      { k: 'run', at: '2026-11-27T10:00:00.000Z', pid: 1 },
      { k: 'send', n: [0, 1] },
    ]);
    expect(read.damaged).toEqual([]);
  });

  it('leaves out a last line a killed process did not finish, and cuts it off before appending', async () => {
    await writeFile(path, '{"k":"send","n":[0]}\n{"k":"end","n":[0],"s":"imp');
    const read = await readJournal(path);
    expect(read.records).toEqual([{ k: 'send', n: [0] }]);
    const writer = await JournalWriter.open(path, read.wholeBytes);
    await writer.write({ k: 'free', n: [0] });
    await writer.close();
    expect(await readFile(path, 'utf8')).toBe('{"k":"send","n":[0]}\n{"k":"free","n":[0]}\n');
  });

  it('reports a damaged line by number instead of guessing at it, and reads the rest', async () => {
    await writeFile(path, '{"k":"send","n":[0]}\nnot json\n{"k":"send","n":[-1]}\n{"k":"free","n":[0]}\n');
    const read = await readJournal(path);
    expect(read.damaged).toEqual([2, 3]);
    expect(read.records).toEqual([
      { k: 'send', n: [0] },
      { k: 'free', n: [0] },
    ]);
  });

  it('writes outcomes queued together as one line when they end alike (a whole MOR file)', async () => {
    const writer = await JournalWriter.open(path, 0);
    for (const key of [0, 1, 2]) writer.queue({ k: 'end', n: [key], s: 'imported', m: 'MOR: "3 out of 3"', t: 5 });
    writer.queue({ k: 'end', n: [3], s: 'rejected', m: 'no', t: 5 });
    await writer.close();
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    // The first record may have gone to disk on its own before the others were queued.
    const keys = (await readJournal(path)).records.flatMap((r) => (r.k === 'end' ? r.n : []));
    expect(keys).toEqual([0, 1, 2, 3]);
    expect(lines.length).toBeLessThanOrEqual(3);
  });

  it('gives every queued record to the disk before write() of a later one resolves', async () => {
    const writer = await JournalWriter.open(path, 0);
    for (let key = 0; key < 50; key += 1) writer.queue({ k: 'end', n: [key], s: 'imported', m: `m${key}`, t: key });
    await writer.write({ k: 'send', n: [99] });
    const onDisk = (await readJournal(path)).records;
    expect(onDisk).toHaveLength(51);
    expect(onDisk.at(-1)).toEqual({ k: 'send', n: [99] });
    await writer.close();
  });

  it('appends after lines another run wrote', async () => {
    await appendFile(path, '{"k":"send","n":[0]}\n');
    const writer = await JournalWriter.open(path, (await readJournal(path)).wholeBytes);
    await writer.write({ k: 'send', n: [1] });
    await writer.close();
    expect((await readJournal(path)).records).toHaveLength(2);
  });
});

describe('the journal writer under steady load', () => {
  it('resolves a write once its own flush is done, without waiting for the writer to go quiet', async () => {
    const path = join(folder.dir, 'busy.jsonl');
    const writer = await JournalWriter.open(path, 0);
    let keepBusy = true;
    // Another worker keeps queueing outcomes the whole time.
    const busy = (async () => {
      for (let key = 0; keepBusy; key += 1) {
        writer.queue({ k: 'end', n: [key], s: 'imported', m: `m${key}`, t: key });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A writer that waited for quiet would never get here: the other worker never stops on its own.
    await writer.write({ k: 'send', n: [1_000_000] });
    const onDisk = (await readJournal(path)).records;
    expect(onDisk.some((r) => r.k === 'send')).toBe(true);
    keepBusy = false;
    await busy;
    await writer.close();
  });
});
