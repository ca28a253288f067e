import { type XlsxLimits } from './xlsx-limits';
import { XlsxError } from './xlsx-error';
import { type XmlHandler, XmlTokenizer } from './xml-tokenizer';
import { type EntryCap, type ZipArchive, type ZipEntry } from './zip-reader';

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

function withoutByteOrderMark(bytes: Buffer): Buffer {
  return bytes.subarray(0, 3).equals(BYTE_ORDER_MARK) ? bytes.subarray(3) : bytes;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** A per-part size cap whose error names the part, for parts that are read whole. */
export function partCap(part: string, maxBytes: number): EntryCap {
  return {
    maxBytes,
    error: () =>
      new XlsxError(
        'too-large',
        `This workbook's ${part} is larger than ${megabytes(maxBytes)}, more than Dialsheet reads. Split the workbook into smaller files and try again.`,
      ),
  };
}

/** Parses a small part (workbook, relationships, styles) in one go. */
export function parseXmlPartSync(zip: ZipArchive, entry: ZipEntry, handler: XmlHandler, names: readonly string[], limits: XlsxLimits): void {
  const bytes = zip.readSync(entry, partCap(entry.name, limits.maxMetadataPartBytes));
  const tokenizer = new XmlTokenizer(handler, { part: entry.name, names, maxTokenBytes: limits.maxTokenBytes });
  tokenizer.write(withoutByteOrderMark(bytes));
  tokenizer.end();
}

/**
 * Feeds a big part (a sheet, the shared strings) through the tokenizer a chunk at a time and
 * yields after each chunk, so the caller can hand out what that chunk produced.
 */
export async function* parseXmlPartInChunks(
  zip: ZipArchive,
  entry: ZipEntry,
  handler: XmlHandler,
  names: readonly string[],
  limits: XlsxLimits,
  cap?: EntryCap,
): AsyncGenerator<number, void, undefined> {
  const tokenizer = new XmlTokenizer(handler, { part: entry.name, names, maxTokenBytes: limits.maxTokenBytes });
  let first = true;
  let inflated = 0;
  for await (const chunk of zip.readChunks(entry, cap)) {
    tokenizer.write(first ? withoutByteOrderMark(chunk) : chunk);
    first = first && chunk.length === 0;
    inflated += chunk.length;
    yield inflated;
  }
  tokenizer.end();
}
