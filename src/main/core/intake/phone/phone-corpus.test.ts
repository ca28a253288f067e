import { describe, expect, it } from 'vitest';

import { buildPhoneCorpus, seededRandom } from './phone-corpus';

describe('phone corpus', () => {
  it('is the same for the same seed and different for another', () => {
    const first = buildPhoneCorpus(7, 1);
    expect(buildPhoneCorpus(7, 1)).toEqual(first);
    expect(buildPhoneCorpus(8, 1)).not.toEqual(first);
  });

  it('draws numbers in [0, 1)', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
