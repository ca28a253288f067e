export const SECRET_PLACEHOLDER = '[secret]';
export const PATH_PLACEHOLDER = '[folder]';

/**
 * Secrets shorter than this are left alone. A 1-2 character "secret" occurs by chance in almost
 * any text, so replacing it would wreck every log line while protecting nothing: such a value can
 * be guessed in a few hundred tries whether or not it is logged. The profile forms ask for real
 * keys; this guard is only against a placeholder value making the logs unreadable.
 */
const MIN_SECRET_LENGTH = 3;
/** "/" or "C:" would match everywhere; a real user folder is longer. */
const MIN_PATH_LENGTH = 3;

interface Span {
  start: number;
  end: number;
  secret: boolean;
}

/** RFC 3986 percent-encoding: encodeURIComponent leaves !'()* alone, some encoders do not. */
function strictPercentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function lowerHexEscapes(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

function base64Forms(text: string): string[] {
  const standard = Buffer.from(text, 'utf8').toString('base64');
  const urlSafe = Buffer.from(text, 'utf8').toString('base64url');
  return [standard, standard.replace(/=+$/, ''), urlSafe];
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** The ways a secret shows up in a URL, a form body, a JSON or XML text or an auth header. */
function secretForms(secret: string): string[] {
  const percent = [encodeURIComponent(secret), strictPercentEncode(secret)];
  const form = percent.map((encoded) => encoded.replace(/%20/g, '+'));
  const encoded = [...percent, ...form];
  return [
    secret,
    secret.trim(),
    ...encoded,
    ...encoded.map(lowerHexEscapes),
    JSON.stringify(secret).slice(1, -1),
    secret.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c),
    ...base64Forms(secret),
  ];
}

function trimSeparators(path: string): string {
  return path.replace(/[\\/]+$/, '');
}

/**
 * A folder as it appears in messages: either slash, JSON-escaped, or inside a file URL. Built by
 * hand rather than with pathToFileURL, which would resolve a Windows path against the current
 * folder on POSIX (and so redact the wrong thing), and which needs the path to exist on this OS.
 */
function pathForms(path: string): string[] {
  const bare = trimSeparators(path.trim());
  if (bare.length < MIN_PATH_LENGTH) return [];
  const forward = bare.replace(/\\/g, '/');
  return [bare, forward, bare.replace(/\//g, '\\'), JSON.stringify(bare).slice(1, -1), encodeURI(forward)];
}

/** Every occurrence, overlapping ones included, so "aaa" inside "aaaa" leaves nothing behind. */
function exactSpans(text: string, needle: string, secret: boolean): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    spans.push({ start: at, end: at + needle.length, secret });
  }
  return spans;
}

/** Folders are matched ignoring case: Windows and macOS treat C:\Users\Ann and c:\users\ann alike. */
function caselessSpans(text: string, needle: string): Span[] {
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length, secret: false }));
}

/** A run of base64 or base64url characters long enough to carry a secret. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{4,}={0,2}/g;

/**
 * A secret inside a longer base64 text (an HTTP Basic header, a server's debug dump of "auth-key:
 * <key>") is none of the secret's own base64 forms. Each run is decoded whole at each of the four
 * ways it can be aligned, and masked whole when a secret is in it. (The planted-secret test found
 * a server's base64 echo of the key reaching the receipt.)
 */
function encodedSpans(text: string, secrets: readonly string[]): Span[] {
  const spans: Span[] = [];
  if (secrets.length === 0) return spans;
  for (const match of text.matchAll(BASE64_RUN)) {
    for (let shift = 0; shift < 4; shift += 1) {
      const decoded = Buffer.from(match[0].slice(shift), 'base64').toString('utf8');
      if (secrets.some((secret) => decoded.includes(secret))) {
        spans.push({ start: match.index, end: match.index + match[0].length, secret: true });
        break;
      }
    }
  }
  return spans;
}

/** Overlapping or touching spans become one, so no fragment of a secret survives between two. */
function merge(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.secret ||= span.secret;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/**
 * Replaces every secret (and its URL-encoded, JSON, XML and base64 forms, and any base64 text that
 * decodes to something holding it) with [secret] and every given user folder with [folder]. Run
 * on anything bound for a log or an error text. It matches text, not meaning: a secret split
 * across lines is not found, so callers should not log such values at all.
 */
export function redact(text: string, secrets: readonly string[], paths: readonly string[] = []): string {
  const spans: Span[] = [];
  const hidden = secrets.filter((secret) => secret.trim().length >= MIN_SECRET_LENGTH);
  for (const secret of hidden) {
    for (const form of new Set(secretForms(secret))) {
      if (form.length >= MIN_SECRET_LENGTH) spans.push(...exactSpans(text, form, true));
    }
  }
  spans.push(...encodedSpans(text, hidden));
  for (const path of paths) {
    for (const form of new Set(pathForms(path))) {
      if (form.length >= MIN_PATH_LENGTH) spans.push(...caselessSpans(text, form));
    }
  }
  let result = '';
  let at = 0;
  for (const span of merge(spans)) {
    result += text.slice(at, span.start) + (span.secret ? SECRET_PLACEHOLDER : PATH_PLACEHOLDER);
    at = span.end;
  }
  return result + text.slice(at);
}
