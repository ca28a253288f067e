import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { contentTypeOf, resolveInside } from './resolve-inside';

const root = resolve('/srv/renderer');

describe('resolveInside', () => {
  it.each([
    ['/', join(root, 'index.html')],
    ['/index.html', join(root, 'index.html')],
    ['/assets/index-abc.js', join(root, 'assets/index-abc.js')],
  ])('maps %s inside the root', (path, expected) => {
    expect(resolveInside(root, path)).toBe(expected);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%5c..%5cwindows',
    '/a%00.html',
    '/%E0%A4%A',
    '/..',
    '/assets/../index.html',
  ])('refuses %s', (path) => {
    expect(resolveInside(root, path)).toBeNull();
  });
});

describe('contentTypeOf', () => {
  it('knows the renderer file types and falls back to bytes', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/blob')).toBe('application/octet-stream');
  });
});
