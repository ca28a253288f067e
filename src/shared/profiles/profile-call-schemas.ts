import { z } from 'zod';

import {
  MAX_SECRET_LENGTH,
  SECRET_FIELDS,
  campaignIdSchema,
  hostKeySha256Schema,
  isalesProfileSchema,
  morProfileSchema,
  profileIdSchema,
  ringostatProfileSchema,
  type ProfileInput,
} from './profile-schemas';
import { fingerprintSchema } from './tls-pin';

/**
 * The profile calls' shapes. Every answer schema is strict and has no field that could hold a
 * secret's value: a secret is only ever "set" or "not set", so an answer that carried one by
 * mistake would break the contract and be refused by dispatch rather than reach the window.
 */

const secretState = z.enum(['set', 'not set']);
const listedExtras = { builtIn: z.boolean() };

export const listedProfileSchema = z.discriminatedUnion('provider', [
  morProfileSchema.extend({ ...listedExtras, secrets: z.strictObject({ apiSecret: secretState }) }),
  ringostatProfileSchema.extend({ ...listedExtras, secrets: z.strictObject({ authKey: secretState }) }),
  isalesProfileSchema.extend({
    ...listedExtras,
    secrets: z.strictObject({ secretKey: secretState, sftpPassword: secretState, sftpPrivateKey: secretState, sftpKeyPassphrase: secretState }),
  }),
]);

const ALL_SECRET_FIELDS = [...SECRET_FIELDS.mor, ...SECRET_FIELDS.ringostat, ...SECRET_FIELDS.isales] as const;

/** Secret values to save: a field left out keeps the stored value, '' clears it. */
export const secretInputSchema = z.partialRecord(
  z.enum(ALL_SECRET_FIELDS),
  z.string().max(MAX_SECRET_LENGTH, `A secret is at most ${MAX_SECRET_LENGTH / 1024} KB of text.`),
);

/**
 * Only "an object" here: the profile store checks it with the provider's schema and says which
 * fields are wrong in its own words ("The profile was not saved: …").
 */
const profileInputSchema = z.custom<ProfileInput>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'The profile must be an object with its fields.',
);

export const saveProfileInputSchema = z.strictObject({ profile: profileInputSchema, secrets: secretInputSchema.optional() });

export const VERDICT_KINDS = [
  'ok',
  'network',
  'timeout',
  'tls',
  'credentials-rejected',
  'not-authorised',
  'campaign-not-found',
  /** The SFTP server's host key has not been pinned yet: nothing was sent to it, see the prompt. */
  'host-key-not-pinned',
  'host-key-changed',
  'unexpected',
] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/**
 * What the window may offer after a test: pin the exact key or certificate that was seen, once the
 * user has compared it with what the server's administrator says. Never "trust anything".
 */
export const pinPromptSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pin-host-key'), fingerprint: z.string(), keyType: z.string() }),
  z.strictObject({
    kind: z.literal('pin-certificate'),
    sha256: z.string(),
    subject: z.string(),
    issuer: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    selfSigned: z.boolean(),
  }),
]);
export type PinPrompt = z.infer<typeof pinPromptSchema>;

export const testVerdictSchema = z.strictObject({
  kind: z.enum(VERDICT_KINDS),
  message: z.string(),
  /** The provider's own words, when it answered. */
  providerText: z.string().optional(),
  prompt: pinPromptSchema.optional(),
});
export type TestVerdict = z.infer<typeof testVerdictSchema>;

export const testConnectionInputSchema = z.strictObject({
  profileId: profileIdSchema,
  /** Overrides the profile's default campaign; with neither, only the credentials are tested. */
  campaignId: campaignIdSchema.optional(),
});

export const pinHostKeyInputSchema = z.strictObject({ profileId: profileIdSchema, fingerprint: hostKeySha256Schema });
export const pinCertificateInputSchema = z.strictObject({ profileId: profileIdSchema, sha256: fingerprintSchema });
