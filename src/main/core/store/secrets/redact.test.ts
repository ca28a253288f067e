import { describe, expect, it } from 'vitest';

import { PATH_PLACEHOLDER as F, redact, SECRET_PLACEHOLDER as S } from './redact';

describe('redact: secrets', () => {
  it('replaces every occurrence of a secret', () => {
    expect(redact('key=k3y-Value; again k3y-Value.', ['k3y-Value'])).toBe(`key=${S}; again ${S}.`);
  });

  it('treats regular-expression characters literally', () => {
    const secret = 'a.b*c+(d)[e]$^|\\?{2}';
    expect(redact(`x ${secret} y`, [secret])).toBe(`x ${S} y`);
    // As a regular expression, a.b*c would match aXbbbc; read literally it must not.
    expect(redact('aXbbbc and a.b*c', ['a.b*c'])).toBe(`aXbbbc and ${S}`);
  });

  it('leaves 1-2 character secrets alone, and redacts from 3 characters', () => {
    expect(redact('a b ab abc', ['a', 'ab', ''])).toBe('a b ab abc');
    expect(redact('a b ab abc', ['abc'])).toBe(`a b ab ${S}`);
    expect(redact('x  y', ['  '])).toBe('x  y');
  });

  it('finds the URL-encoded, form-encoded and lower-case-escape forms', () => {
    const secret = "p@ss w/rd&=!'";
    expect(redact(`u=1&hash=${encodeURIComponent(secret)}`, [secret])).toBe(`u=1&hash=${S}`);
    expect(redact('a=p%40ss+w%2Frd%26%3D!\'', [secret])).toBe(`a=${S}`);
    expect(redact('a=p%40ss%20w%2Frd%26%3D%21%27', [secret])).toBe(`a=${S}`);
    expect(redact('a=p%40ss%20w%2frd%26%3d!\'', [secret])).toBe(`a=${S}`);
  });

  it('finds the base64 forms, standard and URL-safe, padded or not', () => {
    const secret = 'ÿÿ?>secret~~';
    const b64 = Buffer.from(secret).toString('base64');
    expect(b64).toMatch(/[+/=]/);
    expect(redact(`Basic ${b64}`, [secret])).toBe(`Basic ${S}`);
    expect(redact(`t=${Buffer.from(secret).toString('base64url')}`, [secret])).toBe(`t=${S}`);
  });

  it('finds a secret as JSON and XML escape it', () => {
    const secret = 'ab"c\\d<e>&';
    expect(redact(JSON.stringify({ key: secret }), [secret])).toBe(`{"key":"${S}"}`);
    expect(redact('<k>ab&quot;c\\d&lt;e&gt;&amp;</k>', [secret])).toBe(`<k>${S}</k>`);
  });

  it('finds a non-ASCII secret raw and percent-encoded', () => {
    const secret = 'пароль123';
    expect(redact(`${secret} / ${encodeURIComponent(secret)}`, [secret])).toBe(`${S} / ${S}`);
  });

  it('leaves no fragment of overlapping secrets or overlapping occurrences', () => {
    expect(redact('xxabcdefghixx', ['abcdef', 'defghi'])).toBe(`xx${S}xx`);
    expect(redact('<aaaaa>', ['aaa'])).toBe(`<${S}>`);
    expect(redact('secret-one-longer', ['secret-one', 'secret-one-longer'])).toBe(S);
  });

  it('changes nothing when there is nothing to hide', () => {
    expect(redact('plain text', [])).toBe('plain text');
    expect(redact('', ['abc'])).toBe('');
  });
});

describe('redact: folders', () => {
  it('replaces a user folder, keeping the rest of the path', () => {
    expect(redact('open /home/ann/.config/dialsheet/profiles.json failed', [], ['/home/ann'])).toBe(
      `open ${F}/.config/dialsheet/profiles.json failed`,
    );
  });

  it('prefers the longest folder given, whatever the order', () => {
    expect(redact('/home/ann/data/x', [], ['/home/ann', '/home/ann/data/'])).toBe(`${F}/x`);
  });

  it('finds a Windows folder with either slash, any case, JSON-escaped and in a file URL', () => {
    const folder = 'C:\\Users\\Ann Lee';
    expect(redact('C:\\Users\\Ann Lee\\AppData', [], [folder])).toBe(`${F}\\AppData`);
    expect(redact('c:\\users\\ann lee\\AppData', [], [folder])).toBe(`${F}\\AppData`);
    expect(redact('C:/Users/Ann Lee/AppData', [], [folder])).toBe(`${F}/AppData`);
    expect(redact('{"p":"C:\\\\Users\\\\Ann Lee\\\\x"}', [], [folder])).toBe(`{"p":"${F}\\\\x"}`);
    expect(redact('file:///C:/Users/Ann%20Lee/x', [], [folder])).toBe(`file:///${F}/x`);
  });

  it('treats regular-expression characters in a folder literally', () => {
    expect(redact('/tmp/a+b (1)/f and /tmp/aab (1)/f', [], ['/tmp/a+b (1)'])).toBe(`${F}/f and /tmp/aab (1)/f`);
  });

  it('ignores a root or empty folder, which would match everywhere', () => {
    expect(redact('/usr/bin and C:\\Windows', [], ['/', '', 'C:\\', '  '])).toBe('/usr/bin and C:\\Windows');
  });

  it('redacts secrets and folders in one pass', () => {
    expect(redact('/home/ann/k: s3cret', ['s3cret'], ['/home/ann'])).toBe(`${F}/k: ${S}`);
  });
});
