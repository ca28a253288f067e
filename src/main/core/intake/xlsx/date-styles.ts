import { type XmlHandler, type XmlTag } from './xml-tokenizer';

/**
 * The built-in number formats exceljs knows by id (lib/xlsx/defaultnumformats.js, the entries
 * with an `f`). Ids it has only per-locale codes for (27-36, 50-58) resolve to nothing there,
 * so cells using them stay numbers; mirrored.
 */
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, 'General'],
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy "h":mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

/** exceljs's utils.isDateFmt, to the character: drop [..] and "..", then any of y m d h M s b makes a date. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/**
 * Which cell styles (cellXfs entries, the `s` of a cell) exceljs turns into Dates. Built from
 * styles.xml as exceljs's StylesXform reads it: numFmtId 0 or unparseable means no format;
 * a custom <numFmt> with the id wins over the built-in one; backslash escapes are removed.
 */
export class DateStyles {
  static readonly NONE = new DateStyles(new Uint8Array(0));
  private readonly dates: Uint8Array;

  constructor(dates: Uint8Array) {
    this.dates = dates;
  }

  /** Whether style `index` exists at all: exceljs keeps a row's format when the cell's style is missing. */
  has(index: number): boolean {
    return index >= 0 && index < this.dates.length;
  }

  isDate(index: number): boolean {
    return this.dates[index] === 1;
  }
}

export const STYLE_NAMES = ['numFmts', 'numFmt', 'cellXfs', 'xf'] as const;
const NUM_FMTS = 0;
const NUM_FMT = 1;
const CELL_XFS = 2;
const XF = 3;

export class DateStylesBuilder implements XmlHandler {
  private readonly customFormats = new Map<number, string>();
  private readonly formatIds: number[] = [];
  private inNumFmts = false;
  private inCellXfs = false;
  /** <xf> may hold <alignment> and <protection>; only its own tag is an entry. */
  private xfDepth = 0;

  open(name: number, tag: XmlTag): void {
    if (name === NUM_FMTS) this.inNumFmts = true;
    else if (name === CELL_XFS) this.inCellXfs = true;
    else if (name === NUM_FMT && this.inNumFmts) this.addCustomFormat(tag);
    else if (name === XF && this.inCellXfs && this.xfDepth++ === 0) {
      this.formatIds.push(Number.parseInt(tag.attribute('numFmtId') ?? '', 10));
    }
  }

  close(name: number): void {
    if (name === NUM_FMTS) this.inNumFmts = false;
    else if (name === CELL_XFS) this.inCellXfs = false;
    else if (name === XF && this.inCellXfs) this.xfDepth = Math.max(0, this.xfDepth - 1);
  }

  text(): void {}

  build(): DateStyles {
    const dates = new Uint8Array(this.formatIds.length);
    this.formatIds.forEach((id, index) => {
      // `numFmtId` of 0 or NaN is falsy to exceljs: such a style carries no number format.
      const format = id ? this.customFormats.get(id) || BUILT_IN_FORMATS.get(id) : undefined;
      dates[index] = isDateFormat(format) ? 1 : 0;
    });
    return new DateStyles(dates);
  }

  private addCustomFormat(tag: XmlTag): void {
    const id = Number.parseInt(tag.attribute('numFmtId') ?? '', 10);
    const code = tag.attribute('formatCode');
    if (Number.isNaN(id) || code === undefined) return;
    this.customFormats.set(id, code.replace(/\\(.)/g, '$1'));
  }
}
