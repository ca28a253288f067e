import { describe, expect, it } from 'vitest';

import { phoneProblem, quoteCell } from './phone-result';

describe('phone result helpers', () => {
  it('quotes a cell and cuts a long one so it cannot swamp the message', () => {
    expect(quoteCell('093 123 45 67')).toBe('"093 123 45 67"');
    const quoted = quoteCell('x'.repeat(100));
    expect(quoted).toHaveLength(42);
    expect(quoted.endsWith('…"')).toBe(true);
  });

  it('builds a problem with its stable reason', () => {
    expect(phoneProblem('too-short', 'm')).toEqual({ ok: false, reason: 'too-short', message: 'm' });
  });
});
