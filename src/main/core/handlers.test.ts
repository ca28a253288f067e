import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { EventPayload } from '../../shared/contract';
import { createHandlers } from './handlers';

function setup() {
  const events: EventPayload<'sheetProgress'>[] = [];
  const handlers = createHandlers({ emit: (_event, payload) => events.push(payload) });
  return { handlers, events };
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('createHandlers', () => {
  it('opens a CSV sent as bytes and answers with its summary and first rows', async () => {
    const { handlers, events } = setup();
    const summary = await handlers.openSheetBytes({ name: 'list.csv', dataBase64: base64('phone,name\n0930000001,Іван\n0930000002,Петро\n') });
    expect(summary).toMatchObject({
      fileName: 'list.csv',
      encoding: 'UTF-8',
      delimiter: ',',
      columns: ['phone', 'name'],
      rowCount: 2,
      preview: [
        ['0930000001', 'Іван'],
        ['0930000002', 'Петро'],
      ],
    });
    expect(summary.sheetId).toMatch(/^sheet-[0-9a-f]{16}$/);
    expect(events.at(-1)).toMatchObject({ fileName: 'list.csv', done: true, rowsRead: 3 });
  });

  it('opens a file by its path and serves windows of its rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dialsheet-'));
    const path = join(dir, 'numbers.csv');
    const lines = Array.from({ length: 250 }, (_, i) => `38093${String(i).padStart(7, '0')}`);
    await writeFile(path, `phone\n${lines.join('\n')}\n`);
    const { handlers } = setup();
    const summary = await handlers.openSheetPath({ path });
    expect(summary.rowCount).toBe(250);
    expect(summary.preview).toHaveLength(100);
    const window = await handlers.sheetRows({ sheetId: summary.sheetId, offset: 240, limit: 50 });
    expect(window).toEqual({ offset: 240, rowCount: 250, rows: lines.slice(240).map((n) => [n]) });
  });

  it('says which file is missing, without its folder', async () => {
    const { handlers } = setup();
    await expect(handlers.openSheetPath({ path: '/home/someone/private/missing.csv' })).rejects.toThrow(
      /^missing\.csv could not be opened/,
    );
    await expect(handlers.openSheetPath({ path: '/home/someone/private/missing.csv' })).rejects.not.toThrow(/someone/);
  });

  it('forgets a closed sheet', async () => {
    const { handlers } = setup();
    const { sheetId } = await handlers.openSheetBytes({ name: 'a.csv', dataBase64: base64('phone\n1\n') });
    expect(await handlers.closeSheet({ sheetId })).toEqual({ closed: true });
    await expect(handlers.sheetRows({ sheetId, offset: 0, limit: 1 })).rejects.toThrow(/no longer open/);
  });

  it('answers with the name and version from package.json', async () => {
    const { handlers } = setup();
    const info = await handlers.appInfo({});
    expect(info.name).toBe('Dialsheet');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
