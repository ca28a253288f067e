import { describe, expect, it } from 'vitest';

import { LineStore } from './line-store';

describe('LineStore', () => {
  it('gives back every row as it was stored, Cyrillic and emoji included', () => {
    const store = new LineStore();
    const rows = Array.from({ length: 50_000 }, (_, i) => `+38093${i}\u001fШевченко Тарас ${i}\u001f${i % 7 === 0 ? '📞' : ''}`);
    rows.forEach((row) => store.push(row));
    expect(store.length).toBe(50_000);
    for (const i of [0, 1, 12_345, 49_999]) expect(store.get(i)).toBe(rows[i]);
  });

  it('keeps a row longer than a block whole, and the rows around it', () => {
    const store = new LineStore();
    const giant = 'ы'.repeat(3_000_000);
    store.push('before');
    store.push(giant);
    store.push('after');
    expect(store.get(0)).toBe('before');
    expect(store.get(1)).toBe(giant);
    expect(store.get(2)).toBe('after');
  });

  it('replaces a row in place of its index and answers nothing outside the rows', () => {
    const store = new LineStore();
    store.push('a');
    store.push('b');
    store.set(0, 'changed');
    expect([store.get(0), store.get(1), store.get(2), store.get(-1)]).toEqual(['changed', 'b', '', '']);
  });
});
