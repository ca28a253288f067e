import { describe, expect, it } from 'vitest';

import { MAX_SESSION_ID_LENGTH, sessionIdsFor } from './calldata-session-id';

describe('sessionIdsFor', () => {
  it('gives the same id for the same load and row, so a retry matches the first run', () => {
    const id = sessionIdsFor('may-leads')(1042);
    expect(id).toMatch(/^may-leads-[0-9a-f]{8}-1042$/);
    expect(sessionIdsFor('may-leads')(1042)).toBe(id);
  });

  it('gives every row its own id', () => {
    const next = sessionIdsFor('may-leads');
    const ids = new Set(Array.from({ length: 10_000 }, (_, i) => next(i + 1)));
    expect(ids.size).toBe(10_000);
  });

  it('keeps two loads apart even when their names differ only past the cut', () => {
    const long = 'campaign-2024-05-spring-reactivation';
    const a = sessionIdsFor(`${long}-part-a`)(2);
    const b = sessionIdsFor(`${long}-part-b`)(2);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(MAX_SESSION_ID_LENGTH);
  });

  it('stays within 32 characters for any row, keeping the whole row number', () => {
    const id = sessionIdsFor('x'.repeat(100))(Number.MAX_SAFE_INTEGER);
    expect(id.length).toBeLessThanOrEqual(MAX_SESSION_ID_LENGTH);
    expect(id.endsWith(`-${Number.MAX_SAFE_INTEGER}`)).toBe(true);
  });

  it('uses only letters, digits and "-", dropping a stem with nothing readable', () => {
    expect(sessionIdsFor('Ліди травень.xlsx')(7)).toMatch(/^[0-9a-f]{8}-7$/);
    expect(sessionIdsFor('leads (copy) #2')(7)).toMatch(/^leads-copy-2-[0-9a-f]{8}-7$/);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses sourceRow %s', (row) => {
    expect(() => sessionIdsFor('a')(row)).toThrow(RangeError);
  });
});
