import { decodeXmlAttribute, XmlSyntaxError } from './xml-entities';
import { xlsxErrors } from './xlsx-error';

/**
 * What a part reader does with the markup; element names arrive as indexes into its name table.
 * Everything is offsets into the part's UTF-8 bytes: decode only what is kept (decodeXmlText).
 */
export interface XmlHandler {
  open(name: number, tag: XmlTag): void;
  close(name: number): void;
  /** Raw character data between two tags, still encoded. */
  text(source: Buffer, start: number, end: number): void;
}

/** An element no one asked about. */
export const OTHER_ELEMENT = -1;

const LESS_THAN = 60;
const GREATER_THAN = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;
const COLON = 58;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const SPACE = 32;
const EMPTY = Buffer.alloc(0);

function isWhitespace(code: number | undefined): boolean {
  return code === SPACE || code === 10 || code === 9 || code === 13;
}

/**
 * Bytes that can continue an element or attribute name: everything but whitespace and control
 * bytes, '>', '/' and '='. A table lookup beats a chain of comparisons in the hottest loops.
 */
const NAME_BYTES = new Uint8Array(256).map((_, code) => (code <= SPACE || code === GREATER_THAN || code === SLASH || code === EQUALS ? 0 : 1));

/** The index just past the name starting at `at`; the chunk's length when the name runs off its end. */
function skipName(source: Buffer, at: number): number {
  const length = source.length;
  let end = at;
  while (end < length && NAME_BYTES[source[end] ?? 0] === 1) end++;
  return end;
}

function indexOfByte(source: Buffer, byte: number, from: number): number {
  const length = source.length;
  for (let at = from; at < length; at++) if (source[at] === byte) return at;
  return -1;
}

/**
 * The open tag being reported. One instance is reused for every tag, holding offsets into the
 * source rather than strings, so reading a million cells allocates no attribute objects.
 */
export class XmlTag {
  source: Buffer = EMPTY;
  private count = 0;
  private spans = new Int32Array(64);

  reset(source: Buffer): void {
    this.source = source;
    this.count = 0;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const at = this.count * 4;
    if (at + 4 > this.spans.length) {
      const grown = new Int32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[at] = nameStart;
    this.spans[at + 1] = nameEnd;
    this.spans[at + 2] = valueStart;
    this.spans[at + 3] = valueEnd;
    this.count++;
  }

  /** Index of the attribute whose local name (after any prefix, so "r:id" is "id") matches, or -1. */
  find(localName: string): number {
    const { source, spans } = this;
    const length = localName.length;
    for (let index = 0; index < this.count; index++) {
      const nameStart = spans[index * 4] ?? 0;
      const localStart = (spans[index * 4 + 1] ?? 0) - length;
      if (localStart < nameStart || (localStart !== nameStart && source[localStart - 1] !== COLON)) continue;
      if (matchesAscii(source, localStart, localName)) return index;
    }
    return -1;
  }

  valueStart(index: number): number {
    return this.spans[index * 4 + 2] ?? 0;
  }

  valueEnd(index: number): number {
    return this.spans[index * 4 + 3] ?? 0;
  }

  attribute(localName: string): string | undefined {
    const index = this.find(localName);
    return index < 0 ? undefined : decodeXmlAttribute(this.source, this.valueStart(index), this.valueEnd(index));
  }

  /** Every attribute as [qualified name, decoded value]; for diagnostics, not for hot paths. */
  entries(): Array<[string, string]> {
    return Array.from({ length: this.count }, (_, index) => [
      this.source.toString('utf8', this.spans[index * 4], this.spans[index * 4 + 1]),
      decodeXmlAttribute(this.source, this.valueStart(index), this.valueEnd(index)),
    ]);
  }
}

/** Whether the ASCII `name` is at `start` of the bytes. */
function matchesAscii(source: Buffer, start: number, name: string): boolean {
  for (let offset = 0; offset < name.length; offset++) {
    if (source[start + offset] !== name.charCodeAt(offset)) return false;
  }
  return true;
}

/** Finds a local element name in a handler's table without making a string of it. */
class NameTable {
  private readonly names: readonly string[];
  /** Indexes of the names starting with each byte. */
  private readonly byFirstByte: (readonly number[] | undefined)[] = [];

  constructor(names: readonly string[]) {
    this.names = names;
    names.forEach((name, index) => {
      const first = name.charCodeAt(0);
      this.byFirstByte[first] = [...(this.byFirstByte[first] ?? []), index];
    });
  }

  /** Matches the local name, so a workbook written with a namespace prefix ("x:row") still reads. */
  indexOf(source: Buffer, start: number, end: number): number {
    // Names in the table have no prefix, so the whole name is tried first: it is almost always it.
    const whole = this.exactly(source, start, end);
    if (whole !== OTHER_ELEMENT) return whole;
    for (let at = end - 1; at > start; at--) {
      if (source[at] === COLON) return this.exactly(source, at + 1, end);
    }
    return OTHER_ELEMENT;
  }

  private exactly(source: Buffer, start: number, end: number): number {
    const candidates = this.byFirstByte[source[start] ?? 0];
    if (candidates === undefined) return OTHER_ELEMENT;
    const length = end - start;
    for (const index of candidates) {
      const name = this.names[index] ?? '';
      if (name.length === length && matchesAscii(source, start, name)) return index;
    }
    return OTHER_ELEMENT;
  }
}

export interface XmlTokenizerOptions {
  /** Part name, for error messages. */
  part: string;
  /** Local element names the handler cares about; others are reported as OTHER_ELEMENT. */
  names: readonly string[];
  /** Longest single tag or text run; a file that breaks this is built to exhaust memory. */
  maxTokenBytes: number;
}

/**
 * A streaming scanner for the XML that Excel writes: tags, attributes and text, no DOM, no
 * validation beyond what reading needs. It works on the raw UTF-8 bytes, which V8 scans about
 * twice as fast as a string and which need no decoding except for the text that is kept.
 * Chunks may split anything anywhere; an unfinished token is carried into the next chunk.
 * Not a general XML parser: there is no DTD support (none is allowed in XLSX) and CDATA
 * content is skipped, as exceljs skips it.
 */
export class XmlTokenizer {
  private readonly handler: XmlHandler;
  private readonly part: string;
  private readonly maxTokenBytes: number;
  private readonly names: NameTable;
  private readonly tag = new XmlTag();
  /** The bytes of a token cut off at the end of the last chunk. */
  private carry: Buffer = EMPTY;

  constructor(handler: XmlHandler, options: XmlTokenizerOptions) {
    this.handler = handler;
    this.part = options.part;
    this.maxTokenBytes = options.maxTokenBytes;
    this.names = new NameTable(options.names);
  }

  write(chunk: Buffer): void {
    try {
      const from = this.finishCarry(chunk);
      const source = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
      this.carry = source.subarray(this.scan(source, this.carry.length === 0 ? from : 0));
    } catch (error) {
      if (error instanceof XmlSyntaxError) throw xlsxErrors.badXml(this.part, error.message);
      throw error;
    }
    if (this.carry.length > this.maxTokenBytes) {
      throw xlsxErrors.badXml(this.part, `one element is longer than ${this.maxTokenBytes} bytes`);
    }
  }

  /**
   * Completes the token cut off by the last chunk from the start of this one, so only those few
   * bytes are copied rather than the whole chunk. Returns where scanning of the chunk resumes;
   * leaves the carry in place when the token goes on further (the caller then joins it all).
   */
  private finishCarry(chunk: Buffer): number {
    const carry = this.carry;
    if (carry.length === 0) return 0;
    if (carry[0] !== LESS_THAN) {
      const lessThan = indexOfByte(chunk, LESS_THAN, 0);
      if (lessThan < 0) return 0;
      const text = Buffer.concat([carry, chunk.subarray(0, lessThan)]);
      this.carry = EMPTY;
      this.handler.text(text, 0, text.length);
      return lessThan;
    }
    // Usually a tag: it ends at the first '>' unless that sits in a quoted value or a comment.
    const greaterThan = indexOfByte(chunk, GREATER_THAN, 0);
    if (greaterThan < 0) return 0;
    const token = Buffer.concat([carry, chunk.subarray(0, greaterThan + 1)]);
    const stop = this.scan(token, 0);
    if (stop === 0) return 0;
    // The carry held no complete token, so the first one can only end at that first '>'.
    if (stop !== token.length) throw new Error('XmlTokenizer: a carried token ended early');
    this.carry = EMPTY;
    return greaterThan + 1;
  }

  /** Text after the last tag is ignored, as a parser ignores whitespace after the root element. */
  end(): void {
    if (this.carry[0] === LESS_THAN) throw xlsxErrors.badXml(this.part, 'the XML stops in the middle of a tag');
    this.carry = EMPTY;
  }

  /** Reports every complete token; returns where the first incomplete one starts. */
  private scan(source: Buffer, from: number): number {
    const length = source.length;
    let position = from;
    while (position < length) {
      const lessThan = indexOfByte(source, LESS_THAN, position);
      if (lessThan < 0) return position;
      if (lessThan > position) this.handler.text(source, position, lessThan);
      const first = source[lessThan + 1];
      let next: number;
      if (first === SLASH) next = this.closeTag(source, lessThan);
      else if (first === QUESTION) next = skipPast(source, '?>', lessThan + 2);
      else if (first === BANG) next = this.declaration(source, lessThan);
      else if (first === undefined) next = -1;
      else next = this.openTag(source, lessThan);
      if (next < 0) return lessThan;
      position = next;
    }
    return position;
  }

  private closeTag(source: Buffer, start: number): number {
    const greaterThan = indexOfByte(source, GREATER_THAN, start + 2);
    if (greaterThan < 0) return -1;
    let nameEnd = greaterThan;
    while (nameEnd > start + 2 && isWhitespace(source[nameEnd - 1])) nameEnd--;
    this.handler.close(this.names.indexOf(source, start + 2, nameEnd));
    return greaterThan + 1;
  }

  private declaration(source: Buffer, start: number): number {
    if (matchesAscii(source, start + 1, '!--')) return skipPast(source, '-->', start + 4);
    if (matchesAscii(source, start + 1, '![CDATA[')) return skipPast(source, ']]>', start + 9);
    if (source.length - start < 9) return -1;
    // A DTD is the door to entity-expansion bombs, and Excel never writes one.
    if (matchesAscii(source, start + 1, '!DOCTYPE')) throw new XmlSyntaxError('it declares a DTD');
    throw new XmlSyntaxError('unknown markup after <!');
  }

  /** Reads an open tag and its attributes; returns the index after it, or -1 if the chunk ends first. */
  private openTag(source: Buffer, start: number): number {
    let at = skipName(source, start + 1);
    if (at >= source.length) return -1;
    if (at === start + 1) throw new XmlSyntaxError('a < that starts no tag');
    const elementNameEnd = at;
    const tag = this.tag;
    tag.reset(source);
    for (;;) {
      let code = source[at];
      while (isWhitespace(code)) code = source[++at];
      if (code === GREATER_THAN) return this.reportOpen(source, start + 1, elementNameEnd, false, at + 1);
      if (code === SLASH) {
        const after = source[at + 1];
        if (after === undefined) return -1;
        if (after !== GREATER_THAN) throw new XmlSyntaxError('a / inside a tag');
        return this.reportOpen(source, start + 1, elementNameEnd, true, at + 2);
      }
      if (code === undefined) return -1;
      at = readAttribute(source, at, tag);
      if (at < 0) return -1;
    }
  }

  private reportOpen(source: Buffer, nameStart: number, nameEnd: number, selfClosing: boolean, next: number): number {
    const name = this.names.indexOf(source, nameStart, nameEnd);
    this.handler.open(name, this.tag);
    if (selfClosing) this.handler.close(name);
    return next;
  }
}

/** Reads one name="value" pair starting at `start`; returns the index after it, or -1 if cut off. */
function readAttribute(source: Buffer, start: number, tag: XmlTag): number {
  let at = skipName(source, start);
  const attributeNameEnd = at;
  let code = source[at];
  while (isWhitespace(code)) code = source[++at];
  if (code === undefined) return -1;
  if (code !== EQUALS || attributeNameEnd === start) throw new XmlSyntaxError('an attribute without a value');
  code = source[++at];
  while (isWhitespace(code)) code = source[++at];
  if (code === undefined) return -1;
  if (code !== DOUBLE_QUOTE && code !== SINGLE_QUOTE) throw new XmlSyntaxError('an attribute value without quotes');
  const valueEnd = indexOfByte(source, code, at + 1);
  if (valueEnd < 0) return -1;
  tag.add(start, attributeNameEnd, at + 1, valueEnd);
  return valueEnd + 1;
}

function skipPast(source: Buffer, terminator: string, from: number): number {
  const found = source.indexOf(terminator, from, 'latin1');
  return found < 0 ? -1 : found + terminator.length;
}
