import { describe, expect, it } from 'vitest';

import { decodeXmlAttribute, decodeXmlText, exceljsSecondDecode, XmlSyntaxError } from './xml-entities';

function text(xml: string): string {
  const bytes = Buffer.from(`>${xml}<`, 'utf8');
  return decodeXmlText(bytes, 1, bytes.length - 1);
}

function attribute(xml: string): string {
  const bytes = Buffer.from(xml, 'utf8');
  return decodeXmlAttribute(bytes, 0, bytes.length);
}

describe('decodeXmlText', () => {
  it('returns plain ASCII and UTF-8 text as is', () => {
    expect(text('380931234567')).toBe('380931234567');
    expect(text('Шевченко Тарас 📞')).toBe('Шевченко Тарас 📞');
  });

  it('decodes the five named entities and character references', () => {
    expect(text('&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos;')).toBe('<b> & "q" \'a\'');
    expect(text('&#x0406;&#1074;&#x430;&#x43D; &#x1F4DE;')).toBe('Іван 📞');
  });

  it('decodes once: an escaped entity stays an entity', () => {
    expect(text('&amp;lt;')).toBe('&lt;');
  });

  it('normalises CR LF and lone CR to LF, as XML requires', () => {
    expect(text('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('refuses entities a DTD would have to define, and broken references', () => {
    expect(() => text('&nbsp;')).toThrow(XmlSyntaxError);
    expect(() => text('&#0;')).toThrow(XmlSyntaxError);
    expect(() => text('&#xD800;')).toThrow(XmlSyntaxError);
    expect(() => text('a & b')).toThrow(XmlSyntaxError);
  });

  it('decodes only the span it is given', () => {
    const bytes = Buffer.from('<v>12</v><v>Іван</v>', 'utf8');
    expect(decodeXmlText(bytes, 3, 5)).toBe('12');
    expect(decodeXmlText(bytes, 12, bytes.indexOf('</v>', 12))).toBe('Іван');
  });
});

describe('decodeXmlAttribute', () => {
  it('turns literal tabs and newlines into spaces but keeps encoded ones', () => {
    expect(attribute('a\tb\r\nc\nd')).toBe('a b c d');
    expect(attribute('a&#10;b&#9;c')).toBe('a\nb\tc');
    expect(attribute('R&amp;D')).toBe('R&D');
  });
});

describe('exceljsSecondDecode', () => {
  it('decodes the five named entities a second time, as exceljs does for inline strings', () => {
    expect(exceljsSecondDecode('&lt;x&gt; &amp; &quot;&apos;')).toBe('<x> & "\'');
    expect(exceljsSecondDecode('&#65; &nbsp; no entities')).toBe('&#65; &nbsp; no entities');
  });
});
