/** How much of an answer body an error may quote: enough to recognise it, not enough to flood a receipt. */
export const EXCERPT_MAX_CHARS = 200;

// Bounds the work done on a hostile or huge body; the excerpt never needs more than this.
const SCAN_LIMIT = 8192;

export interface ExcerptOptions {
  /** Characters to keep, counting the ellipsis. */
  readonly max?: number;
  /**
   * Values that must never be quoted (API keys a server might echo back in a debug page).
   * They are masked before anything is cut, so a key can't survive half-truncated.
   */
  readonly redact?: readonly string[];
}

function redactAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('***');
  }
  return out;
}

/** True when a body opens like a web page (an XML declaration before it is tolerated). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])/i.test(text);
}

// A web server's error page is mostly markup; its words ("502 Bad Gateway") are what helps.
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&amp;/gi, '&');
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Never leave half of a surrogate pair at the cut.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * A short, single-line, secret-free quote of an answer body for error text and receipts.
 * Control characters and runs of whitespace become single spaces.
 */
export function bodyExcerpt(body: string, options: ExcerptOptions = {}): string {
  const max = options.max ?? EXCERPT_MAX_CHARS;
  const redacted = redactAll(body, options.redact ?? []);
  const head = redacted.slice(0, SCAN_LIMIT);
  const readable = looksLikeHtml(head) ? htmlToText(head) : head;
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const flat = readable.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  // Again after entity decoding, which can rebuild a key the first pass could not see.
  return truncate(redactAll(flat, options.redact ?? []), max);
}
