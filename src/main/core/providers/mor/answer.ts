import { gunzipSync } from 'node:zlib';

import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { bodyExcerpt, looksLikeHtml } from '../body-excerpt';
import { classifyMorError, morError, type MorError } from './errors';

export type MorAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: MorError };

/** The element MOR answers with (usually `<page>`), as parsed XML. Tag values stay strings. */
export type MorContent = Readonly<Record<string, unknown>>;

export interface MorDecoded {
  readonly content: MorContent;
  /** The XML text, after gunzip; for logs and for quoting an unexpected answer. */
  readonly text: string;
}

/** No limit is documented; this bounds memory for an IVR poll of a very large campaign. */
export const MOR_MAX_ANSWER_BYTES = 128 * 1024 * 1024;

export interface MorDecodeOptions {
  readonly maxBytes?: number;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Numbers must stay text: "00380…" or a long CLI would lose digits as a JS number.
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const fail = (error: MorError): { readonly ok: false; readonly error: MorError } => ({ ok: false, error });

type Unpacked = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: MorError };

// cli_add is documented to answer with a gzipped file; whether MOR sets Content-Encoding is
// unknown, so the magic bytes decide, whatever the headers said.
function unpack(body: Uint8Array, maxBytes: number): Unpacked {
  // Neither case has words worth quoting: the body is binary or was never read.
  if (body.length > maxBytes) return fail(morError('too-large', ''));
  if (body[0] !== 0x1f || body[1] !== 0x8b) return { ok: true, bytes: body };
  try {
    return { ok: true, bytes: gunzipSync(body, { maxOutputLength: maxBytes }) };
  } catch (error) {
    const tooLarge = error instanceof RangeError || (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
    return fail(morError(tooLarge ? 'too-large' : 'bad-gzip', ''));
  }
}

// "XML API Extension" on the MOR server wraps the XML in an HTML tag; the <page> inside is
// the answer, so it is cut out before validation. Without <page> the whole text is used.
function xmlPart(text: string): string {
  const start = text.search(/<page[\s/>]/);
  const end = text.lastIndexOf('</page>');
  return start >= 0 && end > start ? text.slice(start, end + '</page>'.length) : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Every piece of text in a parsed value; an <error> is plain text on every documented page,
// but a nested one should still be quoted rather than lost.
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('; ');
  if (isRecord(value)) return Object.values(value).map(textOf).filter(Boolean).join(' ');
  return '';
}

function parseXml(text: string): unknown {
  const xml = xmlPart(text);
  if (XMLValidator.validate(xml) !== true) return undefined;
  try {
    return parser.parse(xml) as unknown;
  } catch {
    // The parser refuses names such as __proto__; for us that is simply "not MOR XML".
    return undefined;
  }
}

function unreadable(text: string): MorError {
  return morError(looksLikeHtml(text) ? 'html-page' : 'not-xml', bodyExcerpt(text));
}

/**
 * Reads any MOR answer. MOR says HTTP 200 even for errors, so only the XML decides: an
 * `<error>` anywhere at the top (inside `<page>` or alone) is a failure. Never throws.
 */
export function decodeMorAnswer(body: Uint8Array, options: MorDecodeOptions = {}): MorAnswer<MorDecoded> {
  const unpacked = unpack(body, options.maxBytes ?? MOR_MAX_ANSWER_BYTES);
  if (!unpacked.ok) return unpacked;
  const text = new TextDecoder('utf-8').decode(unpacked.bytes);
  if (text.trim() === '') return fail(morError('empty-body', ''));

  const doc = parseXml(text);
  if (!isRecord(doc) || 'html' in doc) return fail(unreadable(text));
  const root = 'page' in doc ? doc.page : doc;
  if (!isRecord(root) || Object.keys(root).length === 0) {
    return fail(morError('unexpected-answer', bodyExcerpt(text)));
  }
  if ('error' in root) {
    const words = textOf(root.error);
    return fail(morError(classifyMorError(words), bodyExcerpt(words)));
  }
  return { ok: true, value: { content: root, text } };
}

function unexpected(decoded: MorDecoded): { readonly ok: false; readonly error: MorError } {
  return fail(morError('unexpected-answer', bodyExcerpt(decoded.text)));
}

export interface UploadResult {
  readonly imported: number;
  /** How many numbers MOR says the file held ("M" in "N out of M"). */
  readonly offered: number;
  /** offered − imported: refused or duplicates. MOR does not say which, or why. */
  readonly notImported: number;
  readonly text: string;
}

// Documented: "7 out of 7 numbers were imported". The singular forms are a guess at how a
// one-number file is worded.
const UPLOAD_COUNTS = /(\d+)\s+out\s+of\s+(\d+)\s+numbers?\s+(?:were|was)\s+imported/i;

/** autodialer_upload_numbers. Errors ("File is empty", "Please provide CSV file", …) arrive typed. */
export function parseUploadResult(body: Uint8Array, options: MorDecodeOptions = {}): MorAnswer<UploadResult> {
  const decoded = decodeMorAnswer(body, options);
  if (!decoded.ok) return decoded;
  const status = decoded.value.content.status;
  const text = isRecord(status) && typeof status.success === 'string' ? status.success : undefined;
  const match = text === undefined ? null : UPLOAD_COUNTS.exec(text);
  if (text === undefined || match === null) return unexpected(decoded.value);
  const imported = Number(match[1]);
  const offered = Number(match[2]);
  if (imported > offered) return unexpected(decoded.value);
  return { ok: true, value: { imported, offered, notImported: offered - imported, text } };
}

export interface IvrPollResults {
  /** The `ivr_poll_results_string` as MOR sent it (outer whitespace trimmed by the XML reader). */
  readonly raw: string;
  /**
   * One entry per non-blank line, split on commas. The wiki shows only an example (`1111` and
   * `2222,2020-01-01 01:01:01,2090-12-31 23:59:59` on two lines) and names no fields, so rows
   * have no fixed width and no column meanings; keep `raw` for anything that must be exact.
   */
  readonly rows: readonly (readonly string[])[];
}

export function splitIvrPollResults(raw: string): string[][] {
  return raw
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

/** autodialer_get_campaign_ivr_poll_results. */
export function parseIvrPollResults(body: Uint8Array, options: MorDecodeOptions = {}): MorAnswer<IvrPollResults> {
  const decoded = decodeMorAnswer(body, options);
  if (!decoded.ok) return decoded;
  const status = decoded.value.content.status;
  const raw = isRecord(status) ? status.ivr_poll_results_string : undefined;
  if (typeof raw !== 'string') return unexpected(decoded.value);
  return { ok: true, value: { raw, rows: splitIvrPollResults(raw) } };
}

export interface CliAddResult {
  readonly text: string;
}

/**
 * cli_add: documented success is `<page><status>CLI successfully created</status></page>`
 * (gzipped). Any other status text is reported as unexpected rather than assumed to be success.
 */
export function parseCliAddResult(body: Uint8Array, options: MorDecodeOptions = {}): MorAnswer<CliAddResult> {
  const decoded = decodeMorAnswer(body, options);
  if (!decoded.ok) return decoded;
  const status = decoded.value.content.status;
  if (typeof status !== 'string' || !/successfully created/i.test(status)) return unexpected(decoded.value);
  return { ok: true, value: { text: status } };
}
