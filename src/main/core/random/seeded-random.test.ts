import { describe, expect, it } from 'vitest';

import { seededRandom } from './seeded-random';

const draw = (seed: number, count: number): number[] => {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => next());
};

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42, 20)).toEqual(draw(42, 20));
  });

  it('gives a different sequence for another seed', () => {
    expect(draw(42, 20)).not.toEqual(draw(43, 20));
  });

  it('stays in [0, 1) and spreads evenly enough for fault shares', () => {
    const values = draw(7, 10_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const belowTenth = values.filter((value) => value < 0.1).length;
    expect(belowTenth).toBeGreaterThan(850);
    expect(belowTenth).toBeLessThan(1150);
  });
});
