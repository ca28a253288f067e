import { z } from 'zod';

import { getCountries } from 'libphonenumber-js/min';
import { isLoopbackHost } from './loopback';
import { tlsPinSchema } from './tls-pin';

export const PROVIDERS = ['mor', 'ringostat', 'isales'] as const;
export type Provider = (typeof PROVIDERS)[number];

/**
 * The fields that are secrets, per provider. They are never part of a profile object: they are
 * passed to ProfileStore.save separately, stored encrypted, and shown as "set" / "not set".
 * iSales: the AK is an identifier, not a secret. It travels in clear text in every request's
 * Authorization header (auth-v2/AK/...), like a user name, and the user needs to read it back to
 * tell profiles apart. The SK is the secret: it keys the HMAC and never leaves this machine.
 * The SFTP key passphrase is listed because an encrypted private key is useless without it.
 */
export const SECRET_FIELDS = {
  mor: ['apiSecret'],
  ringostat: ['authKey'],
  isales: ['secretKey', 'sftpPassword', 'sftpPrivateKey', 'sftpKeyPassphrase'],
} as const satisfies Record<Provider, readonly string[]>;
export type SecretField<P extends Provider = Provider> = (typeof SECRET_FIELDS)[P][number];

/** A private key file is the longest secret; 16 KB holds an RSA-8192 key in OpenSSH form. */
export const MAX_SECRET_LENGTH = 16 * 1024;

const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(getCountries());

export const profileIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'A profile id is 1-64 letters, digits, "-" or "_".');

/**
 * https, or http only to loopback where the simulator listens. No user:password@ part: that would
 * put a credential in the profile in clear text. No query or fragment: clients build those.
 * Stored without a trailing slash so clients can append "/api/...".
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a full address such as https://dialer.example.com.' });
      return z.NEVER;
    }
    const problem = baseUrlProblem(url);
    if (problem !== null) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  });

function baseUrlProblem(url: URL): string | null {
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'Use https://. Plain http is allowed only for 127.0.0.1, localhost and ::1, where the simulator runs.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The address must start with https://.';
  if (url.username !== '' || url.password !== '') return 'Leave the user name and password out of the address; enter them in their own fields.';
  if (url.search !== '' || url.hash !== '') return 'Leave out the part after "?" or "#": give the server address only.';
  return null;
}

const countrySchema = z
  .string()
  .trim()
  .transform((text) => text.toUpperCase())
  .refine((code) => KNOWN_COUNTRIES.has(code), 'Give a country as its two-letter ISO code, such as UA or GB.');

const nameSchema = z.string().trim().min(1, 'Give the profile a name.').max(80, 'Keep the name under 80 characters.');
const positiveId = z.int().positive().max(Number.MAX_SAFE_INTEGER);
/** A campaign as a job names it; it goes into URL paths, so no "/", "?", "%" or spaces to escape or abuse. */
export const campaignIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A campaign id is 1-64 letters, digits, "-" or "_".');

/**
 * The campaign used when a job names none, and the one Test connection checks. A job chooses its
 * campaign (the CLI's --campaign, the window's target step), so a profile is an account, not a list.
 */
const defaultCampaign = <T extends z.ZodType>(id: T) => id.nullable().default(null);

/**
 * How an upload travels, each field checked once: the profile's defaults and one upload's own
 * choices (the window's target step, the command line) both go through these.
 */
export const MAX_NUMBERS_PER_FILE = 1_000_000;
export const MAX_CONCURRENCY = 8;
export const MIN_REQUESTS_PER_SECOND = 0.1;
export const MAX_REQUESTS_PER_SECOND = 10;

/** MOR: numbers per uploaded CSV file. MOR documents no limit; big lists are split so one failed upload costs one file, not all. */
export const numbersPerFileSchema = z
  .int('Give the numbers per MOR file as a whole number.')
  .min(1, 'A MOR file holds at least 1 number.')
  .max(MAX_NUMBERS_PER_FILE, `A MOR file holds at most ${MAX_NUMBERS_PER_FILE.toLocaleString('en')} numbers.`);

/** Ringostat: numbers sent at once (one number per request). */
export const concurrencySchema = z
  .int('Give how many numbers Ringostat sends at once as a whole number.')
  .min(1, 'Ringostat sends at least 1 number at once.')
  .max(MAX_CONCURRENCY, `Ringostat sends at most ${MAX_CONCURRENCY} numbers at once.`);

/** Ringostat: requests a second, capped so a typo cannot flood the API. */
export const requestsPerSecondSchema = z
  .number('Give the Ringostat requests a second as a number.')
  .min(MIN_REQUESTS_PER_SECOND, `Ringostat gets at least ${MIN_REQUESTS_PER_SECOND} requests a second (one every ${1 / MIN_REQUESTS_PER_SECOND} seconds).`)
  .max(MAX_REQUESTS_PER_SECOND, `Ringostat gets at most ${MAX_REQUESTS_PER_SECOND} requests a second.`);

const common = {
  id: profileIdSchema,
  name: nameSchema,
  baseUrl: baseUrlSchema,
  defaultCountry: countrySchema,
  tls: tlsPinSchema,
};

/** A TLS pin on an http address would silently do nothing; say so instead. */
function pinNeedsHttps(profile: { baseUrl: string; tls: unknown }): boolean {
  return profile.tls === null || profile.baseUrl.startsWith('https:');
}
const PIN_NEEDS_HTTPS = { message: 'A TLS pin applies only to an https address.', path: ['tls'] };

export const morProfileSchema = z
  .strictObject({
    ...common,
    provider: z.literal('mor'),
    /** MOR's `u`: the simple user who owns the campaign. */
    username: z.string().trim().min(1, 'Enter the MOR user name (u).').max(100),
    campaignId: defaultCampaign(positiveId),
    options: z
      .strictObject({
        numbersPerFile: numbersPerFileSchema.default(100_000),
      })
      .prefault({}),
  })
  .refine(pinNeedsHttps, PIN_NEEDS_HTTPS);

export const ringostatProfileSchema = z
  .strictObject({
    ...common,
    provider: z.literal('ringostat'),
    baseUrl: baseUrlSchema.default('https://api.ringostat.net'),
    /** Sent as the x-project-id header. */
    projectId: z.string().trim().regex(/^\d{1,20}$/, 'The project id is the number after projectId= in the Power Dialer address.'),
    campaignId: defaultCampaign(positiveId),
    options: z
      .strictObject({
        // One number per request and no documented limit: polite defaults, capped so a typo cannot flood the API.
        concurrency: concurrencySchema.default(2),
        requestsPerSecond: requestsPerSecondSchema.default(2),
      })
      .prefault({}),
  })
  .refine(pinNeedsHttps, PIN_NEEDS_HTTPS);

/** OpenSSH's form ("SHA256:" and unpadded base64 of 32 bytes), as `ssh-keygen -lf` prints it. */
export const hostKeySha256Schema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const base64 = text.replace(/^SHA256:/i, '').replace(/=+$/, '');
    // 43 characters carry 258 bits; for 32 bytes the last one's two spare bits must be zero.
    if (!/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]$/.test(base64)) {
      ctx.addIssue({ code: 'custom', message: 'A host key fingerprint looks like SHA256:followed by 43 characters, as ssh-keygen -l shows it.' });
      return z.NEVER;
    }
    return `SHA256:${base64}`;
  });

export const sftpSchema = z.strictObject({
  host: z.string().trim().regex(/^[A-Za-z0-9._:-]{1,253}$/, 'Give the SFTP server as a host name or IP address, without sftp://.'),
  port: z.int().min(1).max(65_535).default(22),
  username: z.string().trim().regex(/^[^\s\p{Cc}]{1,64}$/u, 'Enter the SFTP user name (no spaces).'),
  /** Where the data files are put; the iSales file server entry must point at the same place. */
  remoteDir: z
    .string()
    .trim()
    .regex(/^\/[^\p{Cc}]{0,511}$/u, 'The remote folder is an absolute path such as /upload.')
    .refine((dir) => !dir.split('/').includes('..'), 'The remote folder may not contain "..".')
    .default('/'),
  /** The id iSales gave this server when it was registered (file/addServer); feeds uploadFileServer. */
  serverId: z.string().trim().min(1, 'Enter the iSales file server id.').max(64),
  /** Pinned on first use with the user's explicit yes; null until then. A change is refused. */
  hostKeySha256: hostKeySha256Schema.nullable().default(null),
});

export const isalesProfileSchema = z
  .strictObject({
    ...common,
    provider: z.literal('isales'),
    vdnId: z.int().min(1).max(9999),
    /** The AK: an identifier, see SECRET_FIELDS. */
    accessKey: z.string().trim().min(1, 'Enter the access key (AK).').max(128),
    campaignId: defaultCampaign(campaignIdSchema),
    options: z
      .strictObject({
        // Unconfirmed which one the server expects (provider-apis.md §2.1); a 401 on test means try the other.
        signingEncoding: z.enum(['hex', 'base64']).default('hex'),
      })
      .prefault({}),
    /** Null for users with no SFTP server: they use the JSON add-numbers API. */
    sftp: sftpSchema.nullable().default(null),
  })
  .refine(pinNeedsHttps, PIN_NEEDS_HTTPS);

export const profileSchema = z.discriminatedUnion('provider', [morProfileSchema, ringostatProfileSchema, isalesProfileSchema]);

export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileOf<P extends Provider> = Extract<Profile, { provider: P }>;
export type ProfileInputOf<P extends Provider> = Extract<ProfileInput, { provider: P }>;

export type SecretState = 'set' | 'not set';
export type SecretStates<P extends Provider = Provider> = Record<SecretField<P>, SecretState>;
/** Secret values given to save: undefined keeps the stored one, '' clears it. */
export type SecretInput<P extends Provider = Provider> = Partial<Record<SecretField<P>, string>>;
/** Decrypted secret values, for the main process only; a field not set is absent. */
export type SecretValues<P extends Provider = Provider> = Partial<Record<SecretField<P>, string>>;

/** What list() gives and the renderer may see: the profile, which secrets are set, never their values. */
export type ListedProfile = { [P in Provider]: ProfileOf<P> & { builtIn: boolean; secrets: SecretStates<P> } }[Provider];

/** A profile with its decrypted secrets: for the main process only, never to the renderer or a log. */
export type UnlockedProfile = { [P in Provider]: { profile: ProfileOf<P>; secrets: SecretValues<P> } }[Provider];
export type UnlockedOf<P extends Provider> = Extract<UnlockedProfile, { profile: { provider: P } }>;

export function secretFieldsOf<P extends Provider>(provider: P): readonly SecretField<P>[] {
  return SECRET_FIELDS[provider];
}

export function isSecretField<P extends Provider>(provider: P, field: string): field is SecretField<P> {
  return (SECRET_FIELDS[provider] as readonly string[]).includes(field);
}
