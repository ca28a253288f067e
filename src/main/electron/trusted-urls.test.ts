import { describe, expect, it } from 'vitest';

import { isAppUrl, isSafeExternalUrl } from './trusted-urls';

describe('isAppUrl', () => {
  it('trusts the app origin', () => {
    expect(isAppUrl('app://dialsheet/index.html')).toBe(true);
    expect(isAppUrl('app://dialsheet/assets/x.js')).toBe(true);
  });

  it.each([
    'app://dialsheet.evil/index.html',
    'app://evil/index.html',
    'app://user:pw@dialsheet/index.html',
    'https://dialsheet/index.html',
    'file:///app/out/renderer/index.html',
    'http://localhost:5173/',
    'not a url',
    '',
    undefined,
    42,
  ])('does not trust %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('trusts the dev server only by exact origin', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('lets web pages open in the system browser', () => {
    expect(isSafeExternalUrl('https://help.ringostat.com/en/articles/1')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://u:p@example.com', '', null])(
    'refuses %s',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(false);
    },
  );
});
