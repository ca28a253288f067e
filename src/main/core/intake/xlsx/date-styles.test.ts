import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';

import { DateStyles, DateStylesBuilder, isDateFormat, STYLE_NAMES } from './date-styles';
import { XmlTokenizer } from './xml-tokenizer';
import { stylesXml } from './xlsx-test-zip';

interface ExceljsInternals {
  isDateFmt(format: string | undefined): boolean;
}
interface DefaultFormats {
  [id: string]: { f?: string } | undefined;
}

// The rule is exceljs's own; its internals are loaded to check ours against them, not copied by eye.
const require = createRequire(import.meta.url);
const exceljsUtils = require('exceljs/lib/utils/utils') as ExceljsInternals;
const exceljsDefaultFormats = require('exceljs/lib/xlsx/defaultnumformats') as DefaultFormats;

function dateStylesOf(xml: string): DateStyles {
  const builder = new DateStylesBuilder();
  const tokenizer = new XmlTokenizer(builder, { part: 'xl/styles.xml', names: STYLE_NAMES, maxTokenBytes: 1 << 20 });
  tokenizer.write(Buffer.from(xml, 'utf8'));
  tokenizer.end();
  return builder.build();
}

const FORMATS = [
  undefined,
  '',
  'General',
  '0',
  '0.00',
  '@',
  '#,##0 ;[Red](#,##0)',
  'dd.mm.yyyy',
  'yyyy-mm-dd hh:mm:ss',
  'mm-dd-yy',
  'h:mm AM/PM',
  '[h]:mm:ss',
  '[$-419]d mmmm yyyy',
  '"Tel:" 0',
  '"day" 0',
  '0 "шт."',
  '# ?/?',
  '0.00E+00',
  'B1 0',
  '[Blue]0;[Red]-0',
  '"yyyy"',
];

describe('isDateFormat', () => {
  it.each(FORMATS)('agrees with exceljs utils.isDateFmt on %j', (format) => {
    expect(isDateFormat(format)).toBe(exceljsUtils.isDateFmt(format));
  });
});

describe('DateStylesBuilder', () => {
  it('knows the built-in formats exceljs knows, and no others', () => {
    const ids = Array.from({ length: 82 }, (_, id) => id);
    const styles = dateStylesOf(stylesXml(ids));
    const expected = ids.map((id) => id !== 0 && exceljsUtils.isDateFmt(exceljsDefaultFormats[id]?.f));
    expect(ids.map((id) => styles.isDate(id))).toEqual(expected);
    expect(expected.filter(Boolean)).toHaveLength(12);
  });

  it('reads custom formats, removes backslash escapes, and lets a custom id replace a built-in one', () => {
    const styles = dateStylesOf(stylesXml([0, 164, 165, 166, 14], { 164: 'dd/mm/yyyy', 165: '0.00', 166: '\\d\\a\\y 0', 14: '0.00' }));
    expect([0, 1, 2, 3, 4].map((index) => styles.isDate(index))).toEqual([false, true, false, true, false]);
  });

  it('counts only the cellXfs entries, not cellStyleXfs or differential formats', () => {
    const xml =
      '<styleSheet><numFmts><numFmt numFmtId="170" formatCode="yyyy"/></numFmts>' +
      '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs><xf numFmtId="0"><alignment wrapText="1"/></xf><xf numFmtId="170" applyNumberFormat="1"/></cellXfs>' +
      '<dxfs><dxf><numFmt numFmtId="0" formatCode="yyyy"/></dxf></dxfs></styleSheet>';
    const styles = dateStylesOf(xml);
    expect([styles.has(0), styles.has(1), styles.has(2)]).toEqual([true, true, false]);
    expect([styles.isDate(0), styles.isDate(1)]).toEqual([false, true]);
  });

  it('treats a missing or unparseable numFmtId as no format, as exceljs does', () => {
    const styles = dateStylesOf('<styleSheet><cellXfs><xf/><xf numFmtId="x"/></cellXfs></styleSheet>');
    expect([styles.has(1), styles.isDate(0), styles.isDate(1)]).toEqual([true, false, false]);
    expect(DateStyles.NONE.has(0)).toBe(false);
  });
});
