import { describe, expect, it } from 'vitest';

import { parseCsvText } from './parse-csv';

describe('parseCsvText', () => {
  it('splits the header from the rows and keeps every cell as text', async () => {
    const table = await parseCsvText('phone,name\n0930000001,Іван\n+380930000002,"Шевченко, Тарас"\n');
    expect(table.header).toEqual(['phone', 'name']);
    expect(table.rows).toEqual([
      ['0930000001', 'Іван'],
      ['+380930000002', 'Шевченко, Тарас'],
    ]);
    expect(table.delimiter).toBe(',');
  });

  it('skips blank lines and handles mixed line endings', async () => {
    const table = await parseCsvText('phone;name\r\n\r\n1;a\n\n2;b\r\n   \n');
    expect(table.rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(table.delimiter).toBe(';');
  });

  it('reports progress for a big text, ending with every row read', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `3809300${String(i).padStart(5, '0')},name ${i}`);
    const seen: number[] = [];
    const table = await parseCsvText(`phone,name\n${lines.join('\n')}`, (p) => seen.push(p.rowsRead));
    expect(table.rows).toHaveLength(60_000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(60_001);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('refuses a file of blank lines', async () => {
    await expect(parseCsvText('\n\n  \n')).rejects.toThrow(/only blank lines/);
  });
});
