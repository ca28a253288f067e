import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';

import { describe, expect, it } from 'vitest';

import { KeyFileSecretBox, SECRET_KEY_ENV } from '../secrets/key-file-secret-box';
import { profileSchema, type Profile } from '../../../../shared/profiles/profile-schemas';
import { openSecret, sealSecret, secretBinding } from './secret-seal';
import { ISALES_INPUT, MOR_INPUT } from '../../../../shared/profiles/testing/profile-inputs';

const box = new KeyFileSecretBox({ dataDir: tmpdir(), env: { [SECRET_KEY_ENV]: randomBytes(32).toString('base64') } });
const mor = profileSchema.parse(MOR_INPUT);
const isales = profileSchema.parse(ISALES_INPUT);

describe('secret sealing', () => {
  it('opens what it sealed for the same profile and field', () => {
    expect(openSecret(box, mor, 'apiSecret', sealSecret(box, mor, 'apiSecret', 'v'))).toBe('v');
  });

  it('refuses to open for another field, profile, address or TLS pin', () => {
    const sealed = sealSecret(box, mor, 'apiSecret', 'v');
    const moved: Profile[] = [
      { ...mor, id: 'other' },
      { ...mor, baseUrl: 'https://other.example.com' },
      { ...mor, tls: { sha256: Array(32).fill('AB').join(':') } },
    ];
    for (const profile of moved) expect(() => openSecret(box, profile, 'apiSecret', sealed)).toThrow(/does not belong to its current settings/);
    expect(() => openSecret(box, mor, 'authKey', sealed)).toThrow(/does not belong/);
  });

  it('binds to where SFTP secrets go, and not to settings that do not move them', () => {
    if (isales.provider !== 'isales' || isales.sftp === null) throw new Error('fixture needs SFTP');
    const base = secretBinding(isales);
    expect(secretBinding({ ...isales, sftp: { ...isales.sftp, host: 'evil.example.com' } })).not.toBe(base);
    expect(secretBinding({ ...isales, sftp: { ...isales.sftp, hostKeySha256: null, port: 2222 } })).not.toBe(base);
    expect(secretBinding({ ...isales, name: 'Renamed', campaignId: '5' })).toBe(base);
  });

  it('never puts the value in its error text', () => {
    const sealed = sealSecret(box, mor, 'apiSecret', 'the-value-itself');
    let message = '';
    try {
      openSecret(box, { ...mor, id: 'x' }, 'apiSecret', sealed);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/API secret/);
    expect(message).not.toContain('the-value-itself');
  });
});
