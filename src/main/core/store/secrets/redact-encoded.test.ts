import { describe, expect, it } from 'vitest';

import { redact, SECRET_PLACEHOLDER as S } from './redact';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('redact: a secret inside longer base64 text', () => {
  it('masks an HTTP Basic header, whose base64 holds the user name too', () => {
    expect(redact(`Authorization: Basic ${b64('admin:s3cr3t-pw')}`, ['s3cr3t-pw'])).toBe(`Authorization: Basic ${S}`);
  });

  it('finds the secret at every offset inside the encoded text', () => {
    const secret = 'PLANTED-S3CRET-7f3a9c';
    for (const prefix of ['', 'a', 'ab', 'abc', 'auth-key: ', 'auth-key: echo-']) {
      const encoded = b64(`${prefix}${secret} and more`);
      expect(redact(`{"debug":"${encoded}"}`, [secret]), prefix).toBe(`{"debug":"${S}"}`);
      expect(redact(`debug ${Buffer.from(`${prefix}${secret}`).toString('base64url')}.`, [secret]), prefix).toBe(`debug ${S}.`);
    }
  });

  it('finds it when the encoded text is glued to other letters', () => {
    const secret = 'k3y-value';
    for (const glue of ['t', 'to', 'tok', 'token']) expect(redact(`${glue}${b64(`x:${secret}`)}`, [secret]), glue).toBe(S);
  });

  it('leaves base64 that holds no secret, and every text when there is no secret, as it was', () => {
    const text = `id ${b64('nothing to see here')} at /work/main/src/file.ts:12:3`;
    expect(redact(text, ['k3y-value'])).toBe(text);
    expect(redact(text, [])).toBe(text);
    expect(redact(`${b64('ab-')}`, ['ab'])).toBe(b64('ab-'));
  });
});
