import { deflateRawSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { isXlsxError, XlsxError, type XlsxErrorReason } from './xlsx-error';
import { buildZip } from './xlsx-test-zip';
import { ZipArchive } from './zip-reader';

const MIB = 1024 * 1024;

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

function reasonOf(run: () => unknown): XlsxErrorReason | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (isXlsxError(error)) return error.reason;
    throw error;
  }
}

async function reasonOfAsync(run: () => Promise<unknown>): Promise<XlsxErrorReason | 'no error'> {
  try {
    await run();
    return 'no error';
  } catch (error) {
    if (isXlsxError(error)) return error.reason;
    throw error;
  }
}

/** Looks like a repeating sheet, but not so regular that it compresses past the ratio limit. */
function sheetLikeText(bytes: number): string {
  let text = '';
  for (let row = 1; text.length < bytes; row++) text += `<row r="${row}"><c r="A${row}"><v>${(row * 7919) % 100003}</v></c></row>`;
  return text.slice(0, bytes);
}

describe('ZipArchive.open', () => {
  it('lists the entries of the central directory', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'a.txt', data: 'alpha' }, { name: 'dir/b.xml', data: '<b/>', method: 0 }]));
    expect(zip.entries.map((entry) => [entry.name, entry.method, entry.uncompressedSize])).toEqual([
      ['a.txt', 8, 5],
      ['dir/b.xml', 0, 4],
    ]);
  });

  it('finds parts case-insensitively, with or without a leading slash, and with backslashes', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'xl\\SharedStrings.xml', data: 'x' }]));
    expect(zip.find('/xl/sharedStrings.xml')?.name).toBe('xl/SharedStrings.xml');
    expect(zip.find('xl/styles.xml')).toBeUndefined();
  });

  it('reads a ZIP64 archive', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'one.txt', data: 'first' }, { name: 'two.txt', data: 'second' }], { zip64: true }));
    expect(zip.entries.map((entry) => [entry.name, entry.uncompressedSize])).toEqual([
      ['one.txt', 5],
      ['two.txt', 6],
    ]);
    const two = zip.find('two.txt');
    if (two === undefined) throw new Error('missing entry');
    expect(zip.readSync(two).toString()).toBe('second');
  });

  it('reads a zip with a trailing archive comment', () => {
    const zip = buildZip([{ name: 'a.txt', data: 'alpha' }]);
    const comment = Buffer.from('written by a tool that adds comments');
    zip.writeUInt16LE(comment.length, zip.length - 2);
    expect(ZipArchive.open(Buffer.concat([zip, comment])).entries).toHaveLength(1);
  });

  it('calls a zip with its end cut off truncated', () => {
    const zip = buildZip([{ name: 'a.txt', data: 'alpha'.repeat(100) }]);
    expect(reasonOf(() => ZipArchive.open(zip.subarray(0, zip.length - 30)))).toBe('truncated');
    expect(reasonOf(() => ZipArchive.open(zip.subarray(0, 40)))).toBe('truncated');
  });

  it('refuses more entries than the limit before reading them', () => {
    const zip = buildZip(Array.from({ length: 12 }, (_, index) => ({ name: `f${index}`, data: '' })));
    expect(reasonOf(() => ZipArchive.open(zip, { maxEntries: 10 }))).toBe('zip-bomb');
  });

  it('calls bytes that are no zip at all not-a-zip', () => {
    expect(reasonOf(() => ZipArchive.open(Buffer.from('Phone;Name\n380931234567;Ivan\n')))).toBe('not-a-zip');
  });
});

describe('ZipArchive.readSync and readChunks', () => {
  it('inflates deflated and stored entries, whole or in chunks', async () => {
    const text = sheetLikeText(700_000);
    const zip = ZipArchive.open(buildZip([{ name: 'big.xml', data: text }, { name: 'raw.xml', data: text, method: 0 }]));
    for (const name of ['big.xml', 'raw.xml']) {
      const entry = zip.find(name);
      if (entry === undefined) throw new Error('missing entry');
      expect(zip.readSync(entry).toString()).toBe(text);
      const chunks: number[] = [];
      for await (const chunk of zip.readChunks(entry)) chunks.push(chunk.length);
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.reduce((sum, length) => sum + length, 0)).toBe(text.length);
    }
  });

  it('refuses an honest bomb from its declared size, before inflating a byte', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'bomb.xml', data: Buffer.alloc(32 * MIB) }]));
    const entry = zip.find('bomb.xml');
    if (entry === undefined) throw new Error('missing entry');
    expect(entry.compressedSize).toBeLessThan(40 * 1024);
    expect(reasonOf(() => zip.readSync(entry))).toBe('zip-bomb');
    expect(zip.inflatedBytes).toBe(0);
  });

  it('refuses a part bigger than the whole-archive budget, however well it compresses', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'bomb.xml', data: Buffer.alloc(2 * MIB) }]), { maxTotalUncompressedBytes: MIB, maxCompressionRatio: 1e9 });
    const entry = zip.find('bomb.xml');
    if (entry === undefined) throw new Error('missing entry');
    expect(reasonOf(() => zip.readSync(entry))).toBe('zip-bomb');
  });

  it('stops a bomb that lies about its size within a chunk of the lie', async () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * MIB));
    const zip = ZipArchive.open(buildZip([{ name: 'bomb.xml', data: Buffer.alloc(64 * MIB), declaredSize: 1000 }]));
    const entry = zip.find('bomb.xml');
    if (entry === undefined) throw new Error('missing entry');
    expect(entry.compressedSize).toBe(bomb.length);
    expect(await reasonOfAsync(() => collect(zip.readChunks(entry)))).toBe('corrupt');
    expect(zip.inflatedBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(reasonOf(() => zip.readSync(entry))).toBe('corrupt');
  });

  it('reports a liar that also runs past the budget as a bomb, stopping at the budget', async () => {
    const zip = ZipArchive.open(buildZip([{ name: 'bomb.xml', data: sheetLikeText(2 * MIB), declaredSize: 299_000 }]), { maxTotalUncompressedBytes: 300_000 });
    const entry = zip.find('bomb.xml');
    if (entry === undefined) throw new Error('missing entry');
    expect(await reasonOfAsync(() => collect(zip.readChunks(entry)))).toBe('zip-bomb');
    expect(zip.inflatedBytes).toBeLessThanOrEqual(300_000 + 256 * 1024);
  });

  it('enforces the ratio only past the free allowance', () => {
    const zeros = Buffer.alloc(900 * 1024);
    const zip = ZipArchive.open(buildZip([{ name: 'small-but-regular.xml', data: zeros }]));
    const entry = zip.find('small-but-regular.xml');
    if (entry === undefined) throw new Error('missing entry');
    expect(entry.uncompressedSize / entry.compressedSize).toBeGreaterThan(200);
    expect(zip.readSync(entry).length).toBe(zeros.length);
  });

  it('counts every entry against the total budget', async () => {
    const text = sheetLikeText(600_000);
    const zip = ZipArchive.open(buildZip([{ name: 'one.xml', data: text }, { name: 'two.xml', data: text }]), { maxTotalUncompressedBytes: 1_000_000 });
    const [one, two] = [zip.find('one.xml'), zip.find('two.xml')];
    if (one === undefined || two === undefined) throw new Error('missing entry');
    await collect(zip.readChunks(one));
    expect(await reasonOfAsync(() => collect(zip.readChunks(two)))).toBe('zip-bomb');
  });

  it('honours a caller cap with the caller error', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'strings.xml', data: sheetLikeText(10_000) }]));
    const entry = zip.find('strings.xml');
    if (entry === undefined) throw new Error('missing entry');
    expect(() => zip.readSync(entry, { maxBytes: 5000, error: () => new XlsxError('too-large', 'over the cap') })).toThrow('over the cap');
    expect(zip.readSync(entry, { maxBytes: 10_000, error: () => new XlsxError('too-large', 'over the cap') }).length).toBe(10_000);
  });

  it('checks the CRC', async () => {
    const zip = buildZip([{ name: 'a.txt', data: 'alpha beta gamma', method: 0 }]);
    const at = zip.indexOf('alpha');
    zip.write('ALPHA', at);
    const archive = ZipArchive.open(zip);
    const entry = archive.find('a.txt');
    if (entry === undefined) throw new Error('missing entry');
    expect(reasonOf(() => archive.readSync(entry))).toBe('corrupt');
    expect(await reasonOfAsync(() => collect(archive.readChunks(entry)))).toBe('corrupt');
  });

  it('calls damaged deflate data corrupt and cut deflate data truncated', async () => {
    const text = sheetLikeText(50_000);
    const zip = buildZip([{ name: 'a.xml', data: text }]);
    const archive = ZipArchive.open(zip);
    const entry = archive.find('a.xml');
    if (entry === undefined) throw new Error('missing entry');
    const dataStart = 30 + 'a.xml'.length;
    const damaged = Buffer.from(zip);
    damaged.fill(0xff, dataStart + 10, dataStart + 40);
    expect(await reasonOfAsync(() => collect(ZipArchive.open(damaged).readChunks(entry)))).toBe('corrupt');
    // A deflate stream that ends before its final block.
    const shortEntry = { ...entry, compressedSize: 100 };
    expect(await reasonOfAsync(() => collect(archive.readChunks(shortEntry)))).toBe('truncated');
  });

  it('says an encrypted entry is password-protected', () => {
    const zip = ZipArchive.open(buildZip([{ name: 'xl/workbook.xml', data: 'x', flags: 1 }]));
    const entry = zip.find('xl/workbook.xml');
    if (entry === undefined) throw new Error('missing entry');
    expect(reasonOf(() => zip.readSync(entry))).toBe('encrypted');
  });

  it('refuses compression methods other than stored and deflate', () => {
    const zip = buildZip([{ name: 'a.txt', data: 'alpha', method: 0 }]);
    zip.writeUInt16LE(14, 8);
    zip.writeUInt16LE(14, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    const archive = ZipArchive.open(zip);
    const entry = archive.find('a.txt');
    if (entry === undefined) throw new Error('missing entry');
    expect(reasonOf(() => archive.readSync(entry))).toBe('unsupported');
  });

  it('stops inflating when the reader stops reading', async () => {
    const zip = ZipArchive.open(buildZip([{ name: 'big.xml', data: sheetLikeText(4 * MIB) }]));
    const entry = zip.find('big.xml');
    if (entry === undefined) throw new Error('missing entry');
    for await (const chunk of zip.readChunks(entry)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(zip.inflatedBytes).toBeLessThan(MIB);
  });
});
