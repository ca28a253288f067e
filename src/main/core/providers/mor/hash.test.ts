import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { cliAddHash, cliAddHashedFields, ivrPollResultsHash, morHash, uploadNumbersHash } from './hash';

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

describe('MOR hash', () => {
  it('reproduces the autodialer_upload_numbers wiki example (id 1, secret "secret")', () => {
    expect(uploadNumbersHash({ id: 1 }, 'secret')).toBe('bc2f114099d16656d37e45fd9e8744cb9386d462');
    expect(uploadNumbersHash({ id: '1' }, 'secret')).toBe('bc2f114099d16656d37e45fd9e8744cb9386d462');
  });

  it('joins values with no separator and puts the secret last', () => {
    expect(morHash(['a', 'b'], 'k')).toBe(sha1('abk'));
    expect(morHash(['a', 'b'], 'k')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('hashes IVR poll results as u then id', () => {
    expect(ivrPollResultsHash({ u: 'some_user', id: 2 }, '456789')).toBe(sha1('some_user2456789'));
    expect(ivrPollResultsHash({ u: 'some_user', id: 2 }, '456789')).not.toBe(sha1('2some_user456789'));
  });

  it('hashes cli_add in its listed order without u, turning banned into 1/0', () => {
    const params = {
      deviceId: 2,
      cliNumber: '1234678',
      cliDescription: 'description',
      comment: 'comment',
      banned: true,
      ivrId: 2,
    };
    expect(cliAddHash(params, '456789')).toBe(sha1('21234678descriptioncomment12' + '456789'));
    expect(cliAddHash({ ...params, banned: false }, '456789')).toBe(sha1('21234678descriptioncomment02' + '456789'));
  });

  it('leaves absent cli_add parameters out, and reports the fields in hash order', () => {
    expect(cliAddHashedFields({ deviceId: 7, ivrId: 3, cliNumber: '555' })).toEqual([
      ['device_id', '7'],
      ['cli_number', '555'],
      ['ivr_id', '3'],
    ]);
    expect(cliAddHash({ deviceId: 7, cliNumber: '555' }, 's')).toBe(sha1('7555s'));
  });

  it('changes with the secret, so a wrong key shows up as "Incorrect hash", not as success', () => {
    expect(uploadNumbersHash({ id: 1 }, 'secret')).not.toBe(uploadNumbersHash({ id: 1 }, 'Secret'));
  });
});
