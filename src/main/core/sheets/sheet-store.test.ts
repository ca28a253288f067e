import { describe, expect, it } from 'vitest';

import { SheetStore } from './sheet-store';

const sheet = (fileName: string) => ({ fileName, encoding: 'UTF-8', delimiter: ',', columns: ['phone'], rows: [], notes: [] });

describe('SheetStore', () => {
  it('lets the oldest sheet go past its capacity', () => {
    const store = new SheetStore(2);
    const first = store.add(sheet('a.csv'));
    const second = store.add(sheet('b.csv'));
    const third = store.add(sheet('c.csv'));
    expect(store.size).toBe(2);
    expect(() => store.get(first)).toThrow(/no longer open/);
    expect(store.get(second).fileName).toBe('b.csv');
    expect(store.get(third).fileName).toBe('c.csv');
  });
});
