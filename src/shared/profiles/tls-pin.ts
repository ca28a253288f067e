import { z } from 'zod';

/**
 * What a profile may say about trusting its server's TLS certificate. There is deliberately no
 * third kind such as "insecure": every variant still verifies something (see pinned-fetch.ts).
 * - caPem: the server's chain must verify against this CA (on-premises PKI); host name checked.
 * - sha256: the server's own (leaf) certificate must have exactly this SHA-256 fingerprint.
 * - null: the usual public-CA verification.
 */
export type TlsPin = { readonly caPem: string } | { readonly sha256: string } | null;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
const MAX_PEM_LENGTH = 64 * 1024;

/**
 * Colon-separated upper-case hex, the form Node, browsers and `openssl x509 -fingerprint` show, so
 * a user can compare by eye. Accepts it with or without colons or spaces, any case, and with a
 * leading "SHA256:" or "sha256 Fingerprint=" as tools print it. Null when it is not 32 bytes of hex.
 */
export function normaliseFingerprint(text: string): string | null {
  const hex = text
    .trim()
    .replace(/^sha-?256(\s+fingerprint)?\s*[:=]?\s*/i, '')
    .replace(/[:\s]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return (hex.match(/[0-9A-F]{2}/g) ?? []).join(':');
}

/** What is wrong with a pasted CA text by its shape; the window words each kind in its own language. */
export type CaPemShape = 'too-long' | 'private-key' | 'not-pem';

const CA_PEM_SHAPE_PROBLEMS: Readonly<Record<CaPemShape, string>> = {
  'too-long': 'The CA certificate text is too long (over 64 KB); paste only the CA certificate.',
  'private-key': 'This is a private key, not a certificate. Paste the CA certificate (BEGIN CERTIFICATE) instead, and keep the key private.',
  'not-pem': 'Paste the CA certificate in PEM form: text starting with -----BEGIN CERTIFICATE-----.',
};

/** Why a pasted CA text cannot be a certificate bundle, judged by its PEM blocks alone, as a kind. */
export function caPemShape(pem: string): CaPemShape | null {
  if (pem.length > MAX_PEM_LENGTH) return 'too-long';
  const blocks = [...pem.matchAll(PEM_BLOCK)];
  if (blocks.some((block) => block[1]?.includes('PRIVATE KEY'))) return 'private-key';
  if (blocks.length === 0 || blocks.some((block) => block[1] !== 'CERTIFICATE')) return 'not-pem';
  return null;
}

/**
 * caPemShape in the core's words (the window can run this too). The main process also parses
 * each certificate: see core/net/tls-pin.ts.
 */
export function caPemShapeProblem(pem: string): string | null {
  const shape = caPemShape(pem);
  return shape === null ? null : CA_PEM_SHAPE_PROBLEMS[shape];
}

/** Each PEM certificate block of a bundle, as text. */
export function pemBlocks(pem: string): string[] {
  return [...pem.matchAll(PEM_BLOCK)].map((block) => block[0]);
}

/** A certificate's SHA-256 fingerprint as a user or a prompt gives it, normalised (see above). */
export const fingerprintSchema = z.string().transform((text, ctx) => {
  const normalised = normaliseFingerprint(text);
  if (normalised === null) {
    ctx.addIssue({ code: 'custom', message: 'A SHA-256 fingerprint is 64 hexadecimal digits (colons optional).' });
    return z.NEVER;
  }
  return normalised;
});

const caPemSchema = z.string().superRefine((pem, ctx) => {
  const problem = caPemShapeProblem(pem);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

export const tlsPinSchema = z
  .union([z.strictObject({ caPem: caPemSchema }), z.strictObject({ sha256: fingerprintSchema }), z.null()])
  .default(null);
