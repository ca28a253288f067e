import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';

import { explainNotAZip } from './explain-not-a-zip';
import { XlsxError, xlsxErrors } from './xlsx-error';

export interface ZipLimits {
  /** Everything inflated from one archive, all entries together. */
  maxTotalUncompressedBytes: number;
  /** Inflated size over compressed size, enforced once an entry is past `ratioFreeBytes`. */
  maxCompressionRatio: number;
  /** Tiny parts compress far better than 200:1 (a sheet of identical rows), so the ratio waits until here. */
  ratioFreeBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioFreeBytes: 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** A cap on one entry beyond the archive-wide limits, with the error to raise when it is passed. */
export interface EntryCap {
  maxBytes: number;
  error: () => XlsxError;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const ZIP64_EXTRA_ID = 0x0001;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x0001;
/** Big enough that a 60 MB sheet is ~240 round trips to the zlib thread, small enough to stay cache-friendly. */
const INFLATE_CHUNK_BYTES = 256 * 1024;

const ZIP_ENCRYPTED_MESSAGE =
  'This workbook is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again.';

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw xlsxErrors.corrupt('a size in the zip directory is impossibly large');
  return Number(value);
}

interface DirectoryLocation {
  entryCount: number;
  offset: number;
  size: number;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = buffer.length - EOCD_SIZE; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + buffer.readUInt16LE(at + 20) <= buffer.length) return at;
  }
  return -1;
}

function readZip64Location(buffer: Buffer, eocd: number): DirectoryLocation {
  const locator = eocd - 20;
  if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) throw xlsxErrors.corrupt('the ZIP64 directory is missing');
  const record = safeNumber(buffer.readBigUInt64LE(locator + 8));
  if (record + 56 > locator) throw xlsxErrors.truncated();
  if (buffer.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) throw xlsxErrors.corrupt('the ZIP64 directory is damaged');
  return {
    entryCount: safeNumber(buffer.readBigUInt64LE(record + 32)),
    size: safeNumber(buffer.readBigUInt64LE(record + 40)),
    offset: safeNumber(buffer.readBigUInt64LE(record + 48)),
  };
}

function locateCentralDirectory(buffer: Buffer): DirectoryLocation {
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) throw xlsxErrors.truncated();
  if (buffer.readUInt16LE(eocd + 4) !== 0 || buffer.readUInt16LE(eocd + 6) !== 0) {
    throw xlsxErrors.unsupported('a zip split over several files');
  }
  const location = {
    entryCount: buffer.readUInt16LE(eocd + 10),
    size: buffer.readUInt32LE(eocd + 12),
    offset: buffer.readUInt32LE(eocd + 16),
  };
  const needsZip64 = location.entryCount === 0xffff || location.size === 0xffffffff || location.offset === 0xffffffff;
  const found = needsZip64 ? readZip64Location(buffer, eocd) : location;
  if (found.offset + found.size > eocd) throw xlsxErrors.truncated();
  return found;
}

interface Zip64Fields {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** ZIP64 keeps a field in the extra block only where the 32-bit one is 0xFFFFFFFF, in this fixed order. */
function applyZip64Extra(buffer: Buffer, extraStart: number, extraEnd: number, fields: Zip64Fields): Zip64Fields {
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = buffer.readUInt16LE(at);
    const size = buffer.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw xlsxErrors.corrupt('a ZIP64 size is missing');
        const value = safeNumber(buffer.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      const uncompressedSize = fields.uncompressedSize === 0xffffffff ? next() : fields.uncompressedSize;
      const compressedSize = fields.compressedSize === 0xffffffff ? next() : fields.compressedSize;
      const localHeaderOffset = fields.localHeaderOffset === 0xffffffff ? next() : fields.localHeaderOffset;
      return { uncompressedSize, compressedSize, localHeaderOffset };
    }
    at += 4 + size;
  }
  return fields;
}

function readCentralDirectory(buffer: Buffer, location: DirectoryLocation): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const end = location.offset + location.size;
  let at = location.offset;
  for (let index = 0; index < location.entryCount; index++) {
    if (at + CENTRAL_HEADER_SIZE > end || buffer.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
      throw xlsxErrors.corrupt('the zip directory is damaged');
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const nameStart = at + CENTRAL_HEADER_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) throw xlsxErrors.corrupt('the zip directory is damaged');
    const sizes = applyZip64Extra(buffer, extraStart, extraStart + extraLength, {
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    });
    entries.push({
      // Some Windows zippers write backslashes; OPC part names always use '/'.
      name: buffer.toString('utf8', nameStart, extraStart).replace(/\\/g, '/'),
      method: buffer.readUInt16LE(at + 10),
      encrypted: (buffer.readUInt16LE(at + 8) & FLAG_ENCRYPTED) !== 0,
      crc32: buffer.readUInt32LE(at + 16),
      ...sizes,
    });
    at = next;
  }
  return entries;
}

function startsLikeZip(buffer: Buffer): boolean {
  if (buffer.length < 4) return false;
  const signature = buffer.readUInt32LE(0);
  return signature === LOCAL_HEADER_SIGNATURE || signature === EOCD_SIGNATURE;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function tooLargeForDirectory(entry: ZipEntry): XlsxError {
  return xlsxErrors.corrupt(`${entry.name} is larger than the zip directory says`);
}

function isZlibError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

function inflateFailure(error: unknown, name: string): XlsxError {
  if (error instanceof XlsxError) return error;
  if (isZlibError(error) && error.code === 'Z_BUF_ERROR') return xlsxErrors.truncated();
  return xlsxErrors.corrupt(`${name} cannot be decompressed`);
}

/**
 * A zip archive held in memory. Parts are inflated one at a time under hard limits, counted as
 * they come out of zlib, so a bomb is stopped after at most one chunk past a limit.
 */
export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  private readonly buffer: Buffer;
  private readonly limits: ZipLimits;
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(buffer: Buffer, entries: ZipEntry[], limits: ZipLimits) {
    this.buffer = buffer;
    this.entries = entries;
    this.limits = limits;
    // OPC part names are case-insensitive; the first of two same-named entries wins, as in Excel.
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  static open(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipArchive {
    const buffer = toBuffer(bytes);
    const fullLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
    if (!startsLikeZip(buffer)) throw explainNotAZip(buffer);
    const location = locateCentralDirectory(buffer);
    if (location.entryCount > fullLimits.maxEntries) {
      throw xlsxErrors.zipBomb(`it holds ${location.entryCount} parts, more than the ${fullLimits.maxEntries} allowed`);
    }
    return new ZipArchive(buffer, readCentralDirectory(buffer, location), fullLimits);
  }

  /** Bytes inflated so far from this archive, all entries together. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  find(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, '').toLowerCase());
  }

  /** Inflates a small part in one call; zlib itself stops at the cap, so no more than the cap is ever allocated. */
  readSync(entry: ZipEntry, cap?: EntryCap): Buffer {
    const data = this.compressedData(entry);
    const limit = this.checkBeforeInflating(entry, cap);
    let output: Buffer;
    if (entry.method === STORED) {
      output = data;
    } else {
      // One byte past the declared size is enough to catch a liar, so that is all zlib may make.
      const declaredIsTighter = entry.uncompressedSize < limit.maxBytes;
      const maxOutputLength = Math.max(1, declaredIsTighter ? entry.uncompressedSize + 1 : limit.maxBytes);
      try {
        output = inflateRawSync(data, { maxOutputLength });
      } catch (error) {
        if (isZlibError(error) && error.code === 'ERR_BUFFER_TOO_LARGE') throw declaredIsTighter ? tooLargeForDirectory(entry) : limit.error();
        throw inflateFailure(error, entry.name);
      }
    }
    this.count(entry, output.length, limit);
    this.verify(entry, output.length, crc32(output));
    return output;
  }

  /** Inflates a part as a stream of chunks, so a 100 MB sheet is never held whole. */
  async *readChunks(entry: ZipEntry, cap?: EntryCap): AsyncGenerator<Buffer, void, undefined> {
    const data = this.compressedData(entry);
    const limit = this.checkBeforeInflating(entry, cap);
    const source = entry.method === STORED ? storedChunks(data) : inflateChunks(data);
    let produced = 0;
    let checksum = 0;
    try {
      for await (const chunk of source) {
        produced += chunk.length;
        this.count(entry, produced, limit, chunk.length);
        checksum = crc32(chunk, checksum);
        yield chunk;
      }
    } catch (error) {
      throw inflateFailure(error, entry.name);
    }
    this.verify(entry, produced, checksum);
  }

  private compressedData(entry: ZipEntry): Buffer {
    if (entry.encrypted) throw new XlsxError('encrypted', ZIP_ENCRYPTED_MESSAGE);
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw xlsxErrors.unsupported(`a compression method (number ${entry.method}) other than the one Excel uses`);
    }
    const header = entry.localHeaderOffset;
    if (header + LOCAL_HEADER_SIZE > this.buffer.length) throw xlsxErrors.truncated();
    if (this.buffer.readUInt32LE(header) !== LOCAL_HEADER_SIGNATURE) throw xlsxErrors.corrupt(`the header of ${entry.name} is damaged`);
    const start = header + LOCAL_HEADER_SIZE + this.buffer.readUInt16LE(header + 26) + this.buffer.readUInt16LE(header + 28);
    const end = start + entry.compressedSize;
    if (end > this.buffer.length) throw xlsxErrors.truncated();
    return this.buffer.subarray(start, end);
  }

  /** The tightest of the limits for this entry; an entry that admits to breaking one is refused unopened. */
  private checkBeforeInflating(entry: ZipEntry, cap: EntryCap | undefined): EntryCap {
    const { maxTotalUncompressedBytes, maxCompressionRatio, ratioFreeBytes } = this.limits;
    const remaining = maxTotalUncompressedBytes - this.inflated;
    const byRatio = Math.max(ratioFreeBytes, entry.compressedSize * maxCompressionRatio);
    let limit: EntryCap = {
      maxBytes: byRatio,
      error: () => xlsxErrors.zipBomb(`${entry.name} expands more than ${maxCompressionRatio} times`),
    };
    if (remaining < limit.maxBytes) {
      limit = { maxBytes: remaining, error: () => xlsxErrors.zipBomb(`it expands to more than ${mib(maxTotalUncompressedBytes)}`) };
    }
    if (cap !== undefined && cap.maxBytes < limit.maxBytes) limit = cap;
    if (entry.uncompressedSize > limit.maxBytes) throw limit.error();
    return limit;
  }

  private count(entry: ZipEntry, produced: number, limit: EntryCap, added = produced): void {
    this.inflated += added;
    if (produced > limit.maxBytes) throw limit.error();
    if (produced > entry.uncompressedSize) throw tooLargeForDirectory(entry);
  }

  private verify(entry: ZipEntry, produced: number, checksum: number): void {
    if (produced !== entry.uncompressedSize) throw xlsxErrors.corrupt(`${entry.name} is shorter than the zip directory says`);
    if (checksum !== entry.crc32) throw xlsxErrors.corrupt(`the checksum of ${entry.name} does not match`);
  }
}

async function* storedChunks(data: Buffer): AsyncGenerator<Buffer, void, undefined> {
  for (let at = 0; at < data.length; at += INFLATE_CHUNK_BYTES) yield data.subarray(at, at + INFLATE_CHUNK_BYTES);
}

/**
 * zlib inflates on the libuv pool while the caller parses the previous chunk, and pauses when
 * its output buffer is full, so memory stays at a few chunks whatever the entry's size.
 */
async function* inflateChunks(data: Buffer): AsyncGenerator<Buffer, void, undefined> {
  const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES });
  inflater.end(data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) yield chunk;
  } finally {
    inflater.destroy();
  }
}
