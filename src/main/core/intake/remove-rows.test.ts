import { describe, expect, it } from 'vitest';

import { ISSUE_REASONS, type RowStatus } from '../../../shared/intake-options';
import type { Summary } from '../../../shared/sheet-schemas';
import { seededRandom } from '../random/seeded-random';
import { createIntakeService } from './create-intake-service';
import type { IntakeService } from './intake-service';

const service = (): IntakeService => createIntakeService({ dataDir: null, defaultCountry: 'UA', emitProgress: () => undefined });
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function openCsv(intake: IntakeService, lines: readonly string[], header = 'Phone,Name'): Promise<string> {
  const view = await intake.open('list.csv', utf8(`${header}\n${lines.join('\n')}\n`));
  await intake.finished(view.sheetId);
  return view.sheetId;
}

const statuses = (intake: IntakeService, id: string): RowStatus[] => intake.rows(id, 0, 1000, 'all').rows.map((r) => r.status);

/** What every summary must say of itself, and what sheetRows must agree with. */
function expectConsistent(intake: IntakeService, id: string, summary: Summary): void {
  expect(summary.rows).toBe(summary.valid + summary.invalid + summary.duplicate + summary.removed);
  for (const filter of ['valid', 'invalid', 'duplicate', 'removed'] as const) {
    expect(intake.rows(id, 0, 1, filter).total, filter).toBe(summary[filter]);
  }
  for (const reason of ISSUE_REASONS) {
    expect(intake.rows(id, 0, 1, 'all', reason).total, reason).toBe(summary.byReason[reason] ?? 0);
  }
}

describe('removing and restoring rows', () => {
  it('keeps a removed row in place with its data, counts it as removed, and never lists its number', async () => {
    const intake = service();
    const id = await openCsv(intake, ['0931234567,Olena', 'hello,Petro', '0671234567,Ivan']);
    const change = intake.removeRows(id, { indexes: [0] });
    expect(change.changed).toBe(1);
    expect(change.rows).toMatchObject([{ index: 0, row: 2, status: 'removed', cells: ['0931234567', 'Olena'] }]);
    expect(change.summary).toMatchObject({ rows: 3, valid: 1, invalid: 1, duplicate: 0, removed: 1, numbers: 1 });
    expect(intake.uniqueNumbers(id)).toEqual(['+380671234567']);
    expect(intake.rows(id, 0, 10, 'removed').rows.map((r) => r.index)).toEqual([0]);
    expect(intake.removeRows(id, { indexes: [0] }).changed).toBe(0);
    expectConsistent(intake, id, change.summary);
  });

  it('finds duplicates again as if a removed row were not there, and restoring brings them back', async () => {
    const intake = service();
    const id = await openCsv(intake, ['0931234567,First', '+380931234567,Second', '093 123 45 67,Third']);
    expect(statuses(intake, id)).toEqual(['valid', 'duplicate', 'duplicate']);

    const removed = intake.removeRows(id, { indexes: [0] });
    expect(statuses(intake, id)).toEqual(['removed', 'valid', 'duplicate']);
    expect(removed.summary).toMatchObject({ valid: 1, duplicate: 1, removed: 1, numbers: 1, byReason: { duplicate: 1 } });
    expect(intake.rows(id, 2, 1, 'all').rows[0]?.numbers[0]).toMatchObject({ duplicateOf: 3, issue: { reason: 'duplicate' } });
    // A removed row is nobody's duplicate, and not the first of its number either.
    expect(intake.rows(id, 0, 1, 'all').rows[0]?.numbers[0]).toMatchObject({ duplicateOf: null, issue: null });

    const restored = intake.restoreRows(id, { filter: 'removed' });
    expect(restored.changed).toBe(1);
    expect(statuses(intake, id)).toEqual(['valid', 'duplicate', 'duplicate']);
    expect(restored.summary).toMatchObject({ valid: 1, duplicate: 2, removed: 0, byReason: { duplicate: 2 } });
  });

  it('removes every row of a status or reason at once, exactly the rows sheetRows lists', async () => {
    const intake = service();
    const id = await openCsv(intake, ['0931234567,a', '12,b', 'hello,c', '0931234567,d', ',e', '0671234567,f', '34,g']);
    const shortRows = intake.rows(id, 0, 100, 'all', 'too-short').rows.map((r) => r.index);
    expect(shortRows).toEqual([1, 6]);

    const short = intake.removeRows(id, { filter: 'all', reason: 'too-short' });
    expect(short).toMatchObject({ changed: 2, rows: [], summary: { removed: 2, invalid: 2 } });
    expect(short.summary.byReason['too-short']).toBeUndefined();
    expect(intake.rows(id, 0, 100, 'all', 'too-short').total).toBe(0);
    expect(intake.rows(id, 0, 100, 'removed', 'too-short').rows.map((r) => r.index)).toEqual([1, 6]);

    const invalid = intake.removeRows(id, { filter: 'invalid' });
    expect(invalid.changed).toBe(2);
    expect(invalid.summary).toMatchObject({ rows: 7, valid: 2, invalid: 0, duplicate: 1, removed: 4 });
    expectConsistent(intake, id, invalid.summary);

    // Put back only the too-short ones: the rows the removed tab lists for that reason.
    const back = intake.restoreRows(id, { filter: 'removed', reason: 'too-short' });
    expect(back.changed).toBe(2);
    expect(intake.rows(id, 0, 100, 'removed').rows.map((r) => r.index)).toEqual([2, 4]);
    expectConsistent(intake, id, back.summary);
  });

  it('refuses to remove by filter while the file is still being read, and does it once it is read', async () => {
    const intake = service();
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 10 === 0 ? 'hello' : `+38093${String(i).padStart(7, '0')}`));
    const view = await intake.open('big.csv', utf8(`Phone\n${lines.join('\n')}\n`));
    expect(view.progress.done).toBe(false);
    expect(() => intake.removeRows(view.sheetId, { filter: 'invalid' })).toThrow(/still being read .*nothing was removed/);
    expect(intake.removeRows(view.sheetId, { indexes: [1] }).changed).toBe(1);
    await intake.finished(view.sheetId);
    expect(intake.removeRows(view.sheetId, { filter: 'invalid' })).toMatchObject({ changed: 10_000, summary: { removed: 10_001, invalid: 0 } });
  });

  it('refuses an index past the last row and changes nothing', async () => {
    const intake = service();
    const id = await openCsv(intake, ['0931234567,a', '0671234567,b']);
    expect(() => intake.removeRows(id, { indexes: [0, 2] })).toThrow(/no data row 3 .*nothing was removed/);
    expect(intake.view(id).summary.removed).toBe(0);
  });

  it('keeps removals through edits, a new mapping and new check options; a file read again puts them back with a note', async () => {
    const intake = service();
    const id = await openCsv(intake, ['0931234567,0671234567', 'hello,0501234567', '0931234567,0631234567'], 'Phone,Other');
    intake.removeRows(id, { indexes: [0] });

    // An edited removed row stays removed; its new number claims nothing.
    const edited = intake.edit(id, 0, 0, '0631234567');
    expect(edited.row.status).toBe('removed');
    expect(statuses(intake, id)).toEqual(['removed', 'invalid', 'valid']);

    await intake.setMapping(id, { phone: [1], name: null, caller: null, custom: [] });
    expect(statuses(intake, id)).toEqual(['removed', 'valid', 'valid']);
    const options = intake.setOptions(id, { country: 'UA', mode: 'digits', mobileOnly: false, noPremium: false });
    expect(options.summary).toMatchObject({ removed: 1, valid: 2 });
    expectConsistent(intake, id, options.summary);

    const reopened = await intake.reopen(id, { headerRow: null });
    expect(reopened.summary).toMatchObject({ rows: 4, removed: 0 });
    expect(reopened.notes).toContainEqual(expect.objectContaining({ code: 'removed-rows-back', count: 1 }));
    expect(reopened.notes.map((note) => note.text).join(' ')).toMatch(/The row you removed is back: the file was read again with other settings/);
  });

  it('agrees with a sheet made of the kept rows alone, whatever is removed, restored or edited', async () => {
    const random = seededRandom(20261127);
    const pool = ['0931234567', '0671234567', '+380501234567', '12', 'hello', '', '0931234567; 0671234567', '380631234567', '0000'];
    const lines = Array.from({ length: 120 }, () => pool[Math.floor(random() * pool.length)] ?? '');
    const cellsOf = (line: string): string => `"${line}",x`;
    const intake = service();
    const id = await openCsv(intake, lines.map(cellsOf));
    const current = [...lines];
    for (let step = 0; step < 40; step += 1) {
      const roll = random();
      const index = Math.floor(random() * lines.length);
      if (roll < 0.4) intake.removeRows(id, { indexes: [index, Math.floor(random() * lines.length)] });
      else if (roll < 0.6) intake.restoreRows(id, { indexes: [index] });
      else if (roll < 0.75) intake.removeRows(id, { filter: 'all', reason: ISSUE_REASONS[Math.floor(random() * ISSUE_REASONS.length)] ?? 'empty' });
      else if (roll < 0.85) intake.restoreRows(id, { filter: 'removed' });
      else {
        const value = pool[Math.floor(random() * pool.length)] ?? '';
        intake.edit(id, index, 0, value);
        current[index] = value;
      }
      const summary = intake.view(id).summary;
      expectConsistent(intake, id, summary);

      const all = intake.rows(id, 0, 1000, 'all').rows;
      const kept = all.filter((r) => r.status !== 'removed');
      const fresh = service();
      const freshId = await openCsv(fresh, kept.map((r) => cellsOf(current[r.index] ?? '')));
      const freshSummary = fresh.view(freshId).summary;
      expect(kept.map((r) => r.status), `step ${step}`).toEqual(statuses(fresh, freshId));
      expect({ ...summary, removed: 0, rows: summary.rows - summary.removed }, `step ${step}`).toEqual(freshSummary);
      expect(intake.uniqueNumbers(id)).toEqual(fresh.uniqueNumbers(freshId));
    }
  });
});
