import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { MAX_ROWS_PER_CHANGE } from '../../shared/limits';
import type { ProgressEvent } from './intake/intake-service';
import { dispatch } from './rpc/dispatch';
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

  it('removes and restores rows by index and by filter and reason, through the contract, and lists the rows of one reason', async () => {
    const handlers = testHandlers();
    const call = (name: string, input: unknown) => dispatch(handlers, name, input, () => undefined);
    const { sheetId, summary } = await handlers.openSheetBytes({ name: 'a.csv', dataBase64: base64('phone\n0931234567\n12\n+380931234567\nhello\n34\n') });
    expect(summary).toMatchObject({ rows: 5, valid: 1, invalid: 3, duplicate: 1, removed: 0, byReason: { 'too-short': 2, duplicate: 1 } });

    const short = await call('sheetRows', { sheetId, offset: 0, limit: 10, filter: 'all', reason: 'too-short' });
    expect(short).toMatchObject({ ok: true, value: { total: 2, rows: [{ index: 1 }, { index: 4 }] } });

    const removed = await call('removeRows', { sheetId, indexes: [0] });
    expect(removed).toMatchObject({ ok: true, value: { changed: 1, rows: [{ index: 0, status: 'removed' }], summary: { valid: 1, duplicate: 0, removed: 1 } } });
    const invalid = await call('removeRows', { sheetId, filter: 'invalid' });
    expect(invalid).toMatchObject({ ok: true, value: { changed: 3, rows: [], summary: { rows: 5, valid: 1, invalid: 0, removed: 4, byReason: {} } } });
    const restored = await call('restoreRows', { sheetId, filter: 'removed', reason: 'not-a-number' });
    expect(restored).toMatchObject({ ok: true, value: { changed: 1, summary: { invalid: 1, removed: 3 } } });

    // Both forms at once, an empty list, a list past the bound, and an unknown reason are refused before the intake sees them.
    for (const input of [
      { sheetId, indexes: [0], filter: 'all' },
      { sheetId, indexes: [] },
      { sheetId, indexes: new Array<number>(MAX_ROWS_PER_CHANGE + 1).fill(0) },
      { sheetId, filter: 'all', reason: 'nope' },
      { sheetId, indexes: [-1] },
    ]) {
      expect(await call('removeRows', input)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(await call('restoreRows', { sheetId, indexes: [99] })).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/no data row 100/) as unknown } });
  });

  it('answers with the name, version, countries and default country', async () => {
    const info = await testHandlers().appInfo({});
    expect(info.name).toBe('Dialsheet');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.countries).toContain('UA');
    expect(info.defaultCountry).toBe('UA');
  });
});
