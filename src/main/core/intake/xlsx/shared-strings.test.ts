import { describe, expect, it } from 'vitest';

import { SHARED_STRING_NAMES, SharedStringsBuilder } from './shared-strings';
import type { SharedString } from './cell-value';
import { XmlTokenizer } from './xml-tokenizer';

function sharedStrings(items: string, chunkSize = Infinity): SharedString[] {
  const builder = new SharedStringsBuilder();
  const tokenizer = new XmlTokenizer(builder, { part: 'xl/sharedStrings.xml', names: SHARED_STRING_NAMES, maxTokenBytes: 1 << 20 });
  const bytes = Buffer.from(`<?xml version="1.0"?>\n<sst xmlns="x">${items}</sst>`, 'utf8');
  for (let at = 0; at < bytes.length; at += Math.min(chunkSize, bytes.length)) tokenizer.write(bytes.subarray(at, at + chunkSize));
  tokenizer.end();
  return builder.strings;
}

describe('SharedStringsBuilder', () => {
  it('reads plain items in order, decoding entities and UTF-8', () => {
    expect(sharedStrings('<si><t>Phone</t></si><si><t>Шевченко &amp; син</t></si><si><t xml:space="preserve"> 380 </t></si>')).toEqual([
      'Phone',
      'Шевченко & син',
      ' 380 ',
    ]);
  });

  it('gives rich text as runs, the way exceljs does', () => {
    const [rich] = sharedStrings('<si><r><t>Іван </t></r><r><rPr><b/><sz val="11"/></rPr><t>Петренко</t></r></si>');
    expect(rich).toEqual({ richText: [{ text: 'Іван ' }, { text: 'Петренко' }] });
    expect(Object.isFrozen(rich)).toBe(true);
  });

  it('gives null for an item without text, as exceljs does (the cell then reads as empty)', () => {
    expect(sharedStrings('<si><t/></si><si></si><si><t>x</t></si>')).toEqual([null, null, 'x']);
  });

  it('skips phonetic guides instead of letting them replace the text', () => {
    expect(sharedStrings('<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>')).toEqual(['漢字']);
  });

  it('keeps whitespace between tags inside an item, as exceljs does', () => {
    expect(sharedStrings('<si>\n<t>a</t>\n</si>\n<si><t>b</t></si>')).toEqual(['a\n', 'b']);
  });

  it('reads the same table however it is chunked, even through multi-byte characters', () => {
    const items = Array.from({ length: 50 }, (_, index) => `<si><t>Олександр Шевченко ${index} &lt;🙂&gt;</t></si>`).join('');
    const whole = sharedStrings(items);
    expect(whole[7]).toBe('Олександр Шевченко 7 <🙂>');
    for (const size of [1, 3, 7, 100]) expect(sharedStrings(items, size)).toEqual(whole);
  });
});
