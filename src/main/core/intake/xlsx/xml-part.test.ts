import { describe, expect, it } from 'vitest';

import { parseXmlPartInChunks, parseXmlPartSync } from './xml-part';
import { DEFAULT_XLSX_LIMITS } from './xlsx-limits';
import { buildZip } from './xlsx-test-zip';
import { decodeXmlText } from './xml-entities';
import type { XmlHandler } from './xml-tokenizer';
import { ZipArchive } from './zip-reader';

class Texts implements XmlHandler {
  readonly texts: string[] = [];
  open(): void {}
  close(): void {}
  text(source: Buffer, start: number, end: number): void {
    this.texts.push(decodeXmlText(source, start, end));
  }
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('parseXmlPartSync and parseXmlPartInChunks', () => {
  it('skip a UTF-8 byte order mark and read the rest', async () => {
    const body = `<a>${'Ї'.repeat(200_000)}</a>`;
    const zip = ZipArchive.open(buildZip([{ name: 'p.xml', data: Buffer.concat([BOM, Buffer.from(body)]) }]));
    const entry = zip.find('p.xml');
    if (entry === undefined) throw new Error('missing entry');
    const whole = new Texts();
    parseXmlPartSync(zip, entry, whole, ['a'], DEFAULT_XLSX_LIMITS);
    expect(whole.texts).toEqual(['Ї'.repeat(200_000)]);
    const chunked = new Texts();
    const progress: number[] = [];
    for await (const done of parseXmlPartInChunks(zip, entry, chunked, ['a'], DEFAULT_XLSX_LIMITS)) progress.push(done);
    expect(chunked.texts).toEqual(whole.texts);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(entry.uncompressedSize);
  });
});
