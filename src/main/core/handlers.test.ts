import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { ProgressEvent } from './intake/intake-service';
import { testHandlers } from './testing/test-handlers';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('createHandlers', () => {
  it('opens a CSV sent as bytes and answers with its view and first rows', async () => {
    const events: ProgressEvent[] = [];
    const handlers = testHandlers((e) => events.push(e));
    const view = await handlers.openSheetBytes({ name: 'list.csv', dataBase64: base64('phone,name\n0931234567,Іван\n0671234567,Петро\n') });
    expect(view).toMatchObject({
      fileName: 'list.csv',
      format: 'csv',
      columns: ['phone', 'name'],
      mapping: { phone: [0], name: 1 },
      summary: { rows: 2, valid: 2, numbers: 2 },
    });
    expect(view.preview.map((r) => r.numbers[0]?.value)).toEqual(['+380931234567', '+380671234567']);
    expect(view.sheetId).toMatch(/^sheet-[0-9a-f]{16}$/);
    expect(events.at(-1)).toMatchObject({ fileName: 'list.csv', done: true, rowsRead: 2 });
  });

  it('opens a file by its path and serves windows of its rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dialsheet-'));
    const path = join(dir, 'numbers.csv');
    const lines = Array.from({ length: 250 }, (_, i) => `+38093${String(i).padStart(7, '0')}`);
    await writeFile(path, `phone\n${lines.join('\n')}\n`);
    const handlers = testHandlers();
    const view = await handlers.openSheetPath({ path });
    expect(view.summary.rows).toBe(250);
    expect(view.preview).toHaveLength(100);
    const window = await handlers.sheetRows({ sheetId: view.sheetId, offset: 240, limit: 50, filter: 'all' });
    expect(window.total).toBe(250);
    expect(window.rows.map((r) => r.cells[0])).toEqual(lines.slice(240));
    expect(window.rows[0]?.row).toBe(242);
  });

  it('says which file is missing, without its folder', async () => {
    const handlers = testHandlers();
    const attempt = handlers.openSheetPath({ path: '/home/someone/private/missing.csv' });
    await expect(attempt).rejects.toThrow(/^missing\.csv could not be opened/);
    await expect(handlers.openSheetPath({ path: '/home/someone/private/missing.csv' })).rejects.not.toThrow(/someone/);
  });

  it('forgets a closed sheet', async () => {
    const handlers = testHandlers();
    const { sheetId } = await handlers.openSheetBytes({ name: 'a.csv', dataBase64: base64('phone\n0931234567\n') });
    expect(await handlers.closeSheet({ sheetId })).toEqual({ closed: true });
    await expect(handlers.sheetRows({ sheetId, offset: 0, limit: 1, filter: 'all' })).rejects.toThrow(/no longer open/);
  });

  it('answers with the name, version, countries and default country', async () => {
    const info = await testHandlers().appInfo({});
    expect(info.name).toBe('Dialsheet');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.countries).toContain('UA');
    expect(info.defaultCountry).toBe('UA');
  });
});
