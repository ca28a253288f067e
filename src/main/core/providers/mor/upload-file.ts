/** One number bound for MOR, with the source row it came from so the receipt can name it. */
export interface UploadEntry {
  readonly sourceRow: number;
  readonly number: string;
}

export interface UploadFile {
  /** Ends in .csv: MOR refuses other names with "Please provide CSV file". */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The numbers in this file, in line order. */
  readonly entries: readonly UploadEntry[];
}

export interface UploadFileOptions {
  /** MOR documents no limit; smaller files make a failed request cost less to redo. */
  readonly numbersPerFile?: number;
  /**
   * Name stem. Each run of characters outside [A-Za-z0-9._-] becomes one underscore, so the
   * name needs no escaping in a multipart header.
   */
  readonly baseName?: string;
}

export const DEFAULT_NUMBERS_PER_FILE = 10_000;

// A line break or separator inside a value could make MOR read more (or other) numbers than
// this file records, and then "N out of M" could no longer be matched to rows. Other format
// rules (digits only, dialing format) belong to the MOR number rules, not to the file writer.
const CSV_BREAKING = /[\r\n,;"\t]/;

function checkEntry(entry: UploadEntry): void {
  if (entry.number === '' || entry.number.trim() !== entry.number || CSV_BREAKING.test(entry.number)) {
    throw new RangeError(
      `Row ${entry.sourceRow}: the number is empty, has spaces around it, or holds a quote, comma, semicolon, tab or line break, ` +
        'so it cannot go into the MOR upload file as one line.',
    );
  }
}

function safeStem(baseName: string | undefined): string {
  const stem = (baseName ?? 'numbers')
    .replace(/\.csv$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return stem === '' ? 'numbers' : stem;
}

function fileName(stem: string, index: number, count: number): string {
  const width = Math.max(3, String(count).length);
  return `${stem}-${String(index + 1).padStart(width, '0')}.csv`;
}

/**
 * The CSV files for autodialer_upload_numbers: one number per line, as the wiki's example file.
 * Lines are joined with "\n" and the last line has no break after it, so no importer can count
 * a trailing empty line as a number; whether MOR cares either way is not documented.
 * Throws RangeError for an entry that would break the one-number-per-line layout.
 */
export function buildUploadFiles(entries: readonly UploadEntry[], options: UploadFileOptions = {}): UploadFile[] {
  const perFile = options.numbersPerFile ?? DEFAULT_NUMBERS_PER_FILE;
  if (!Number.isSafeInteger(perFile) || perFile < 1) {
    throw new RangeError(`numbersPerFile must be a whole number of at least 1, not ${perFile}.`);
  }
  entries.forEach(checkEntry);
  const stem = safeStem(options.baseName);
  const count = Math.ceil(entries.length / perFile);
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, index) => {
    const chunk = entries.slice(index * perFile, (index + 1) * perFile);
    const text = chunk.map((entry) => entry.number).join('\n');
    return { name: fileName(stem, index, count), bytes: encoder.encode(text), entries: chunk };
  });
}
