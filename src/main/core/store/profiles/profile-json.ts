import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

import { z } from 'zod';

import { MAX_SECRET_LENGTH, profileSchema, type UnlockedProfile } from '../../../../shared/profiles/profile-schemas';
import { caPemIssue } from '../../net/tls-pin';
import { UserError } from '../../user-error';
import { describeIssues } from './describe-issues';

/**
 * A profile as a JSON file, for the command line (README: "Profile files"). Secrets sit in the file
 * as text or as {"env": "VAR_NAME"}, read from the environment so the file can be shared or
 * committed without them. The layout is flat, as a person would write it; it maps onto the
 * app's profile (shared/profiles/profile-schemas.ts) and its secrets.
 */

const MAX_PROFILE_FILE_BYTES = 256 * 1024;

/** A secret's value, or the environment variable that holds it. */
export const secretSourceSchema = z.union([
  z.string().min(1, 'is empty'),
  z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'names no environment variable (letters, digits and _ only)') }),
]);
export type SecretSource = z.infer<typeof secretSourceSchema>;

const shared = {
  name: z.string().optional(),
  baseUrl: z.string().optional(),
  defaultCountry: z.string().optional(),
  campaignId: z.unknown().optional(),
  tls: z.unknown().optional(),
  options: z.unknown().optional(),
};

const morFile = z.strictObject({ ...shared, provider: z.literal('mor'), username: z.unknown(), apiSecret: secretSourceSchema });
const ringostatFile = z.strictObject({ ...shared, provider: z.literal('ringostat'), projectId: z.unknown(), authKey: secretSourceSchema });
const sftpFile = z.strictObject({
  host: z.unknown(),
  port: z.unknown().optional(),
  username: z.unknown(),
  remoteDir: z.unknown().optional(),
  hostKeySha256: z.unknown().optional(),
  password: secretSourceSchema.optional(),
  privateKeyPath: z.string().min(1).optional(),
  privateKeyPassphrase: secretSourceSchema.optional(),
});
const isalesFile = z.strictObject({
  ...shared,
  provider: z.literal('isales'),
  vdnId: z.unknown(),
  accessKey: z.unknown(),
  secretKey: secretSourceSchema,
  /** Top level as the README shows it; in the app's profile it belongs to the SFTP server. */
  serverId: z.unknown().optional(),
  signingEncoding: z.unknown().optional(),
  sftp: sftpFile.optional(),
});
const profileFileSchema = z.discriminatedUnion('provider', [morFile, ringostatFile, isalesFile], {
  error: 'says no "provider", or one Dialsheet does not know: use "mor", "ringostat" or "isales"',
});
type ProfileFileContent = z.infer<typeof profileFileSchema>;

export interface ProfileJsonContext {
  /** Where the file is, for messages, the id and name, and private key paths relative to it. */
  readonly path: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Used when the file names no defaultCountry: the --country option or the computer's locale. */
  readonly country: string;
  readonly readKeyFile?: (path: string) => Promise<string>;
}

function problem(context: ProfileJsonContext, detail: string): UserError {
  return new UserError('bad-input', `The profile file ${basename(context.path)} ${detail}. Nothing was sent.`);
}

function resolveSecret(context: ProfileJsonContext, field: string, source: SecretSource): string {
  if (typeof source === 'string') return checkLength(context, field, source);
  const value = context.env[source.env];
  if (value === undefined || value === '') {
    throw problem(context, `takes ${field} from the environment variable ${source.env}, which is not set`);
  }
  return checkLength(context, field, value);
}

function checkLength(context: ProfileJsonContext, field: string, value: string): string {
  if (value.length > MAX_SECRET_LENGTH) throw problem(context, `has a ${field} longer than ${MAX_SECRET_LENGTH / 1024} KB`);
  return value;
}

function idFromPath(path: string): string {
  const stem = basename(path).replace(/\.json$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+/, '').slice(0, 64);
  return stem === '' ? 'profile' : stem;
}

function common(file: ProfileFileContent, context: ProfileJsonContext): Record<string, unknown> {
  const { name, baseUrl, defaultCountry, campaignId, tls, options } = file;
  return {
    id: idFromPath(context.path),
    name: name ?? basename(context.path),
    provider: file.provider,
    defaultCountry: defaultCountry ?? context.country,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(campaignId === undefined ? {} : { campaignId }),
    ...(tls === undefined ? {} : { tls }),
    ...(options === undefined ? {} : { options }),
  };
}

async function toProfileAndSecrets(file: ProfileFileContent, context: ProfileJsonContext): Promise<{ input: Record<string, unknown>; secrets: Record<string, string> }> {
  const base = common(file, context);
  switch (file.provider) {
    case 'mor':
      return { input: { ...base, username: file.username }, secrets: { apiSecret: resolveSecret(context, 'apiSecret', file.apiSecret) } };
    case 'ringostat':
      return { input: { ...base, projectId: file.projectId }, secrets: { authKey: resolveSecret(context, 'authKey', file.authKey) } };
    case 'isales':
      return isalesParts(file, base, context);
  }
}

async function isalesParts(
  file: z.infer<typeof isalesFile>,
  base: Record<string, unknown>,
  context: ProfileJsonContext,
): Promise<{ input: Record<string, unknown>; secrets: Record<string, string> }> {
  const secrets: Record<string, string> = { secretKey: resolveSecret(context, 'secretKey', file.secretKey) };
  const options = file.signingEncoding === undefined ? base.options : { ...(base.options as object | undefined), signingEncoding: file.signingEncoding };
  const input: Record<string, unknown> = { ...base, vdnId: file.vdnId, accessKey: file.accessKey, ...(options === undefined ? {} : { options }) };
  if (file.sftp === undefined) {
    if (file.serverId !== undefined) throw problem(context, 'gives a serverId but no "sftp" server to put the files on');
    return { input, secrets };
  }
  const { password, privateKeyPath, privateKeyPassphrase, ...server } = file.sftp;
  if (password === undefined && privateKeyPath === undefined) throw problem(context, 'gives the SFTP server neither a "password" nor a "privateKeyPath"');
  if (password !== undefined) secrets.sftpPassword = resolveSecret(context, 'sftp.password', password);
  if (privateKeyPath !== undefined) secrets.sftpPrivateKey = await readPrivateKey(context, privateKeyPath);
  if (privateKeyPassphrase !== undefined) secrets.sftpKeyPassphrase = resolveSecret(context, 'sftp.privateKeyPassphrase', privateKeyPassphrase);
  input.sftp = { ...server, serverId: file.serverId };
  return { input, secrets };
}

async function readPrivateKey(context: ProfileJsonContext, keyPath: string): Promise<string> {
  const full = resolve(dirname(context.path), keyPath);
  const read = context.readKeyFile ?? ((path: string) => readFile(path, 'utf8'));
  let text: string;
  try {
    text = await read(full);
  } catch {
    throw problem(context, `names the private key file ${keyPath}, which could not be read`);
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) throw problem(context, `names ${keyPath} as the private key, but it holds no private key in PEM or OpenSSH form`);
  return checkLength(context, 'sftp.privateKeyPath', text);
}

/** Parses a profile file's text; every message names the field, never a secret's value. */
export async function parseProfileJson(text: string, context: ProfileJsonContext): Promise<UnlockedProfile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw problem(context, 'is not valid JSON');
  }
  const file = profileFileSchema.safeParse(json);
  if (!file.success) throw problem(context, `is not a profile: ${describeIssues(file.error.issues)}`);
  const { input, secrets } = await toProfileAndSecrets(file.data, context);
  const profile = profileSchema.safeParse(input);
  if (!profile.success) throw problem(context, `is not a usable profile: ${describeIssues(profile.error.issues)}`);
  const ca = caPemIssue(profile.data);
  if (ca !== null) throw problem(context, `is not a usable profile: ${describeIssues([ca])}`);
  return { profile: profile.data, secrets } as UnlockedProfile;
}

/** Reads a profile file named on the command line. */
export async function readProfileJson(path: string, context: Omit<ProfileJsonContext, 'path'>): Promise<UnlockedProfile> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_PROFILE_FILE_BYTES) throw new RangeError('too large');
    text = bytes.toString('utf8');
  } catch (error) {
    const why = error instanceof RangeError ? `is larger than ${MAX_PROFILE_FILE_BYTES / 1024} KB` : 'could not be read (is the path right?)';
    throw new UserError('not-found', `The profile file ${path} ${why}. Nothing was sent.`);
  }
  return parseProfileJson(text, { ...context, path });
}
