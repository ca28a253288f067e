import { describe, expect, it } from 'vitest';

import { buildPhoneCorpus } from './phone-corpus';

describe('phone corpus', () => {
  it('is the same for the same seed and different for another', () => {
    const first = buildPhoneCorpus(7, 1);
    expect(buildPhoneCorpus(7, 1)).toEqual(first);
    expect(buildPhoneCorpus(8, 1)).not.toEqual(first);
  });
});
