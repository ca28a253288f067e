import type { RichTextRun, SharedString } from './cell-value';
import { decodeXmlText } from './xml-entities';
import { type XmlHandler, type XmlTag } from './xml-tokenizer';

export const SHARED_STRING_NAMES = ['si', 't', 'r', 'rPh'] as const;
const SI = 0;
const T = 1;
const R = 2;
const RPH = 3;

/**
 * Builds the shared-strings table the way exceljs's WorkbookReader does: text accumulates from
 * every text node and restarts at each <t>, each </r> ends a rich-text run, and an item with runs
 * becomes { richText }. One deliberate difference: phonetic guides (<rPh>, the furigana of East
 * Asian text) are skipped, where exceljs lets their reading replace the cell's own text.
 */
export class SharedStringsBuilder implements XmlHandler {
  readonly strings: SharedString[] = [];
  private pending: string | null = null;
  private runs: RichTextRun[] = [];
  private phoneticDepth = 0;

  open(name: number, _tag: XmlTag): void {
    if (name === RPH) this.phoneticDepth++;
    if (this.phoneticDepth > 0) return;
    if (name === SI) {
      this.runs = [];
      this.pending = null;
    } else if (name === T) {
      this.pending = null;
    }
  }

  close(name: number): void {
    if (name === RPH) {
      this.phoneticDepth = Math.max(0, this.phoneticDepth - 1);
      return;
    }
    if (this.phoneticDepth > 0) return;
    if (name === R) {
      this.runs.push({ text: this.pending ?? '' });
      this.pending = null;
    } else if (name === SI) {
      // Frozen because every cell that names this index gets the same object.
      this.strings.push(this.runs.length > 0 ? Object.freeze({ richText: Object.freeze(this.runs) }) : this.pending);
      this.runs = [];
      this.pending = null;
    }
  }

  text(source: Buffer, start: number, end: number): void {
    if (this.phoneticDepth > 0) return;
    const decoded = decodeXmlText(source, start, end);
    this.pending = this.pending === null ? decoded : this.pending + decoded;
  }
}
