import { describe, expect, it } from 'vitest';

import { isXlsxError } from './xlsx-error';
import { decodeXmlText } from './xml-entities';
import { OTHER_ELEMENT, type XmlHandler, type XmlTag, XmlTokenizer } from './xml-tokenizer';

const NAMES = ['row', 'c', 'v', 't', 'rPh'];

/** Logs every event as text, so two runs can be compared whole. */
class Recorder implements XmlHandler {
  readonly events: string[] = [];

  open(name: number, tag: XmlTag): void {
    const label = name === OTHER_ELEMENT ? '?' : NAMES[name];
    this.events.push(`<${label ?? '?'} ${JSON.stringify(tag.entries())}>`);
  }

  close(name: number): void {
    this.events.push(`</${name === OTHER_ELEMENT ? '?' : (NAMES[name] ?? '?')}>`);
  }

  text(source: Buffer, start: number, end: number): void {
    this.events.push(`text ${JSON.stringify(decodeXmlText(source, start, end))}`);
  }
}

function tokenize(chunks: readonly Buffer[], maxTokenBytes = 1 << 20): string[] {
  const recorder = new Recorder();
  const tokenizer = new XmlTokenizer(recorder, { part: 'test.xml', names: NAMES, maxTokenBytes });
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return recorder.events;
}

function splitEvery(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

const DOCUMENT = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- a comment with <tags> -->' +
    '<x:sheet xmlns:x="urn:x"><row r="1" spans=\'1:2\' x14ac:dyDescent="0.25">' +
    '<c r="A1" t="s" data="a>b" ><v>12</v></c><c r="B1"/>' +
    '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> Іван &amp; Co </t><rPh><t>ふりがな</t></rPh></is></c>' +
    '<![CDATA[<ignored>]]><x:row r="2"></x:row></row ></x:sheet>\n',
  'utf8',
);

describe('XmlTokenizer', () => {
  it('reports tags, attributes and text, matching names without their prefix', () => {
    expect(tokenize([DOCUMENT])).toEqual([
      'text "\\n"',
      `<? ${JSON.stringify([['xmlns:x', 'urn:x']])}>`,
      `<row ${JSON.stringify([['r', '1'], ['spans', '1:2'], ['x14ac:dyDescent', '0.25']])}>`,
      `<c ${JSON.stringify([['r', 'A1'], ['t', 's'], ['data', 'a>b']])}>`,
      '<v []>',
      'text "12"',
      '</v>',
      '</c>',
      `<c ${JSON.stringify([['r', 'B1']])}>`,
      '</c>',
      `<c ${JSON.stringify([['r', 'C1'], ['t', 'inlineStr']])}>`,
      '<? []>',
      `<t ${JSON.stringify([['xml:space', 'preserve']])}>`,
      'text " Іван & Co "',
      '</t>',
      '<rPh []>',
      '<t []>',
      'text "ふりがな"',
      '</t>',
      '</rPh>',
      '</?>',
      '</c>',
      `<row ${JSON.stringify([['r', '2']])}>`,
      '</row>',
      '</row>',
      '</?>',
    ]);
  });

  it('gives the same events however the bytes are split into chunks', () => {
    const whole = tokenize([DOCUMENT]);
    for (const size of [1, 2, 3, 5, 7, 16, 64]) expect(tokenize(splitEvery(DOCUMENT, size))).toEqual(whole);
    for (let cut = 1; cut < DOCUMENT.length; cut++) {
      expect(tokenize([DOCUMENT.subarray(0, cut), DOCUMENT.subarray(cut)])).toEqual(whole);
    }
  });

  it('finds attributes by local name', () => {
    const tokenizer = new XmlTokenizer(
      {
        open: (_name, tag) => {
          expect(tag.attribute('id')).toBe('rId7');
          expect(tag.attribute('name')).toBe('Лист 1');
          expect(tag.attribute('sheetId')).toBe('3');
          expect(tag.attribute('d')).toBeUndefined();
          expect(tag.find('Id')).toBe(-1);
        },
        close: () => {},
        text: () => {},
      },
      { part: 'workbook.xml', names: ['sheet'], maxTokenBytes: 1000 },
    );
    tokenizer.write(Buffer.from('<sheet name="Лист 1" sheetId="3" r:id="rId7"/>'));
    tokenizer.end();
  });

  it('refuses a DTD, which could define entity bombs', () => {
    expect(() => tokenize([Buffer.from('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')])).toThrow(/declares a DTD/);
  });

  it('refuses a single token longer than the limit instead of buffering it', () => {
    const huge = Buffer.from(`<c r="A1" data="${'x'.repeat(5000)}"/>`);
    let error: unknown;
    try {
      tokenize(splitEvery(huge, 100), 1000);
    } catch (caught) {
      error = caught;
    }
    expect(isXlsxError(error, 'bad-xml')).toBe(true);
  });

  it('refuses XML that stops inside a tag, and malformed tags', () => {
    expect(() => tokenize([Buffer.from('<row><c r="A1"')])).toThrow(/stops in the middle of a tag/);
    expect(() => tokenize([Buffer.from('<row r=1>')])).toThrow(/without quotes/);
    expect(() => tokenize([Buffer.from('<row r>')])).toThrow(/without a value/);
    expect(() => tokenize([Buffer.from('< row>')])).toThrow(/starts no tag/);
  });
});
