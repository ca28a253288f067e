import type { ProfileOf, Provider, SecretValues, UnlockedOf, UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { createPinnedFetch, type PinnedFetch } from '../net/pinned-fetch';
import { UserError } from '../user-error';
import { IsalesClient } from './isales/isales-client';
import { MorClient } from './mor/mor-client';
import { RingostatClient } from './ringostat/ringostat-client';
import type { SftpAuth } from './sftp/sftp-session';

/** Runs `work` with the client and always closes its connections afterwards. */
export async function withConnection<C, T>(connected: Connected<C>, work: (client: C) => Promise<T>): Promise<T> {
  try {
    return await work(connected.client);
  } finally {
    await connected.close();
  }
}

/**
 * A provider client made from a profile with its secrets, over a fetch that obeys the profile's
 * TLS pin. `close` ends its kept-alive connections; call it when the work is done.
 */
export interface Connected<C> {
  readonly client: C;
  readonly close: () => Promise<void>;
}

function missing(profile: { name: string }, what: string): UserError {
  return new UserError('bad-input', `The profile "${profile.name}" has no ${what} set. Enter it in the profile and try again; nothing was sent.`);
}

function need(profile: { name: string }, value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw missing(profile, what);
  return value;
}

function withFetch<C>(profile: { tls: ProfileOf<'mor'>['tls'] }, make: (fetchFn: PinnedFetch) => C): Connected<C> {
  const fetchFn = createPinnedFetch(profile.tls);
  return { client: make(fetchFn), close: () => fetchFn.close() };
}

export function connectMor(profile: ProfileOf<'mor'>, secrets: SecretValues<'mor'>): Connected<MorClient> {
  const apiSecret = need(profile, secrets.apiSecret, 'MOR API secret');
  return withFetch(profile, (fetchFn) => new MorClient({ baseUrl: profile.baseUrl, user: profile.username, apiSecret }, fetchFn));
}

export function connectRingostat(profile: ProfileOf<'ringostat'>, secrets: SecretValues<'ringostat'>): Connected<RingostatClient> {
  const authKey = need(profile, secrets.authKey, 'Ringostat Auth-key');
  return withFetch(profile, (fetchFn) => new RingostatClient({ baseUrl: profile.baseUrl, projectId: profile.projectId, authKey }, fetchFn));
}

export function connectIsales(profile: ProfileOf<'isales'>, secrets: SecretValues<'isales'>): Connected<IsalesClient> {
  const secretKey = need(profile, secrets.secretKey, 'CC-iSales secret key (SK)');
  return withFetch(
    profile,
    (fetchFn) => new IsalesClient({ baseUrl: profile.baseUrl, vdnId: profile.vdnId, accessKey: profile.accessKey, secretKey, encoding: profile.options.signingEncoding }, fetchFn),
  );
}

/** How to log in to the profile's SFTP server: the private key when one is set, else the password. */
export function sftpAuth(profile: ProfileOf<'isales'>, secrets: SecretValues<'isales'>): SftpAuth {
  if (secrets.sftpPrivateKey !== undefined && secrets.sftpPrivateKey !== '') {
    return { privateKey: secrets.sftpPrivateKey, ...(secrets.sftpKeyPassphrase ? { passphrase: secrets.sftpKeyPassphrase } : {}) };
  }
  return { password: need(profile, secrets.sftpPassword, 'SFTP password or private key') };
}

/** The profile as the provider it must be for a command, or a message saying what it is instead. */
export function expectProvider<P extends Provider>(unlocked: UnlockedProfile, provider: P, doing: string): UnlockedOf<P> {
  if (unlocked.profile.provider !== provider) {
    throw new UserError('bad-input', `${doing} needs a ${PROVIDER_NAMES[provider]} profile; "${unlocked.profile.name}" is a ${PROVIDER_NAMES[unlocked.profile.provider]} profile.`);
  }
  return unlocked as UnlockedOf<P>;
}

export const PROVIDER_NAMES: Readonly<Record<Provider, string>> = {
  mor: 'Kolmisoft MOR',
  ringostat: 'Ringostat',
  isales: 'Huawei CC-iSales',
};
