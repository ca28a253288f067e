/** Thrown by the XML layer; the tokenizer turns it into an XlsxError naming the part. */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const AMPERSAND = 38;
const CARRIAGE_RETURN = 13;
const LINE_FEED = 10;
const TAB = 9;
const MAX_ENTITY_LENGTH = 12;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isAllowedCodePoint(code: number): boolean {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
}

function decodeCharacterReference(body: string): string {
  const hex = body[1] === 'x';
  const digits = body.slice(hex ? 2 : 1);
  const valid = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
  const code = valid ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
  if (!isAllowedCodePoint(code)) throw new XmlSyntaxError(`bad character reference &${body};`);
  return String.fromCodePoint(code);
}

function decodeEntity(body: string): string {
  if (body.startsWith('#')) return decodeCharacterReference(body);
  const named = NAMED_ENTITIES[body];
  // XLSX parts never declare a DTD, so any other name is undefined (as it is to a conforming parser).
  if (named === undefined) throw new XmlSyntaxError(`unknown entity &${body};`);
  return named;
}

/** Entities and XML end-of-line handling, for text known to need them. */
function decodeEntitiesAndNewlines(source: string): string {
  const end = source.length;
  let out = '';
  let from = 0;
  for (let at = 0; at < end; at++) {
    const code = source.charCodeAt(at);
    if (code === CARRIAGE_RETURN) {
      // XML end-of-line handling: CR LF and a lone CR both become LF.
      out += source.slice(from, at) + '\n';
      if (source.charCodeAt(at + 1) === LINE_FEED) at++;
      from = at + 1;
    } else if (code === AMPERSAND) {
      const semicolon = source.indexOf(';', at + 1);
      if (semicolon < 0 || semicolon - at > MAX_ENTITY_LENGTH) throw new XmlSyntaxError('an & that starts no entity');
      out += source.slice(from, at) + decodeEntity(source.slice(at + 1, semicolon));
      at = semicolon;
      from = at + 1;
    }
  }
  return out + source.slice(from, end);
}

const NEEDS_ENTITY_DECODING = 1;
const NEEDS_UTF8_DECODING = 2;
const HAS_LITERAL_WHITESPACE = 4;

function scanSpan(source: Uint8Array, start: number, end: number): number {
  let needs = 0;
  for (let at = start; at < end; at++) {
    const code = source[at] ?? 0;
    if (code === AMPERSAND || code === CARRIAGE_RETURN) needs |= NEEDS_ENTITY_DECODING;
    if (code === CARRIAGE_RETURN || code === LINE_FEED || code === TAB) needs |= HAS_LITERAL_WHITESPACE;
    else if (code >= 0x80) needs |= NEEDS_UTF8_DECODING;
  }
  return needs;
}

function spanToString(source: Buffer, start: number, end: number, needs: number): string {
  // For pure ASCII, latin1 is the same text and decodes a little faster.
  return source.toString((needs & NEEDS_UTF8_DECODING) !== 0 ? 'utf8' : 'latin1', start, end);
}

/** Character data between tags (UTF-8 bytes), decoded as a conforming parser (saxes, under exceljs) decodes it. */
export function decodeXmlText(source: Buffer, start: number, end: number): string {
  const needs = scanSpan(source, start, end);
  const text = spanToString(source, start, end, needs);
  return (needs & NEEDS_ENTITY_DECODING) !== 0 ? decodeEntitiesAndNewlines(text) : text;
}

/** An attribute value: as text, plus the spec's normalisation of literal tabs and newlines to spaces. */
export function decodeXmlAttribute(source: Buffer, start: number, end: number): string {
  const needs = scanSpan(source, start, end);
  let text = spanToString(source, start, end, needs);
  // Normalise the literal whitespace first, so a newline written as &#10; survives as a newline.
  if ((needs & HAS_LITERAL_WHITESPACE) !== 0) text = text.replace(/\r\n?|[\t\n]/g, ' ');
  return (needs & NEEDS_ENTITY_DECODING) !== 0 ? decodeEntitiesAndNewlines(text) : text;
}

/**
 * exceljs runs its own xmlDecode over inline and formula strings after the XML parser has
 * already decoded them, so "&amp;lt;" reaches the user as "<". Mirrored to give the same values.
 */
export function exceljsSecondDecode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (match, name: string) => {
    const named = name === 'lt' || name === 'gt' || name === 'amp' || name === 'apos' || name === 'quot' ? NAMED_ENTITIES[name] : undefined;
    return named ?? match;
  });
}
