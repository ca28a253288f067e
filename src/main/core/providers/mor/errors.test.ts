import { describe, expect, it } from 'vitest';

import { classifyMorError, morError } from './errors';

describe('classifyMorError', () => {
  it('ignores surrounding whitespace and letter case', () => {
    expect(classifyMorError('\n  incorrect HASH \n')).toBe('incorrect-hash');
  });

  it('accepts text MOR appends after a known error', () => {
    expect(classifyMorError('Campaign was not found: 42')).toBe('campaign-not-found');
  });

  it('does not match a known text in the middle of another error', () => {
    expect(classifyMorError('Reseller says: Access Denied')).toBe('other');
  });
});

describe('morError', () => {
  it('keeps the provider words apart from the advice', () => {
    const error = morError('incorrect-hash', 'Incorrect hash');
    expect(error.providerText).toBe('Incorrect hash');
    expect(error.message).toMatch(/API secret key/);
  });
});
