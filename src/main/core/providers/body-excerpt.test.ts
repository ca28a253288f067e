import { describe, expect, it } from 'vitest';

import { EXCERPT_MAX_CHARS, bodyExcerpt } from './body-excerpt';

describe('bodyExcerpt', () => {
  it('keeps a short body as it is', () => {
    expect(bodyExcerpt('{"result":false}')).toBe('{"result":false}');
  });

  it('cuts a long body to the limit and marks the cut', () => {
    const out = bodyExcerpt('x'.repeat(1000));
    expect(out).toHaveLength(EXCERPT_MAX_CHARS);
    expect(out.endsWith('…')).toBe(true);
  });

  it('honours a smaller limit', () => {
    expect(bodyExcerpt('abcdefghij', { max: 5 })).toBe('abcd…');
  });

  it('flattens line breaks, tabs and control characters into single spaces', () => {
    expect(bodyExcerpt('  a\r\n\tb\u0000\u0007c  ')).toBe('a b c');
  });

  it('quotes the words of an HTML error page, not its markup', () => {
    const page =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>' +
      '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    expect(bodyExcerpt(page)).toBe('502 Bad Gateway 502 Bad Gateway nginx');
  });

  it('masks a secret the server echoed back, even past the scan window', () => {
    const key = 'sk-1234567890';
    expect(bodyExcerpt(`bad key ${key} given`, { redact: [key] })).toBe('bad key *** given');
    const far = `${'y'.repeat(8188)}${key}`;
    expect(bodyExcerpt(far, { redact: [key], max: 100_000 })).not.toContain('sk-1');
  });

  it('masks a secret rebuilt by decoding HTML entities', () => {
    const page = '<html><body>key was a&amp;b</body></html>';
    expect(bodyExcerpt(page, { redact: ['a&b'] })).toBe('key was ***');
  });

  it('ignores an empty redaction value instead of mangling the text', () => {
    expect(bodyExcerpt('abc', { redact: [''] })).toBe('abc');
  });

  it('does not split a surrogate pair at the cut', () => {
    const out = bodyExcerpt(`abc${'😀'.repeat(10)}`, { max: 5 });
    expect(out).toBe('abc…');
  });
});
