import type { Delimiter } from '../../../../shared/intake-options';

export type { Delimiter };

export interface DelimiterGuess {
  delimiter: Delimiter;
  confidence: number;
}

/**
 * Tie order, most telling first: a tab or a pipe almost never occurs inside a value, a
 * semicolon rarely, a comma often (decimal commas in ru-RU/uk-UA files, "Surname, Name").
 * So when two candidates split a file equally well, the rarer character is the delimiter.
 */
const CANDIDATES: readonly Delimiter[] = ['\t', '|', ';', ','];
const SAMPLE_RECORDS = 50;
/** An unclosed quote would otherwise make the scan read the whole file as one field. */
const SAMPLE_CHARS = 64 * 1024;
/** Below this share of records agreeing on a column count, the splits are accidental. */
const MIN_AGREEMENT = 0.5;
/** A one-column file has no delimiter to find; ',' is only a harmless default for it. */
const ONE_COLUMN_CONFIDENCE = 0.1;
/** When another delimiter splits the file almost as well, the choice is a coin toss between two. */
const CLOSE_RIVAL_FACTOR = 0.6;
const CLOSE_RIVAL_GAP = 0.1;

interface RecordScan {
  fieldCounts: number[];
  fields: number;
  inQuotes: boolean;
  atFieldStart: boolean;
  hasContent: boolean;
}

function endRecord(scan: RecordScan): void {
  if (scan.hasContent) scan.fieldCounts.push(scan.fields);
  scan.fields = 1;
  scan.atFieldStart = true;
  scan.hasContent = false;
}

/**
 * Field count of each non-blank record, reading quotes as RFC 4180 does: a quote opens a
 * field only at its start, "" inside it is a quote, and delimiters and line breaks inside it
 * belong to the value. Run once per candidate, since where a field starts depends on it.
 */
function countFields(text: string, delimiter: Delimiter): number[] {
  const scan: RecordScan = { fieldCounts: [], fields: 1, inQuotes: false, atFieldStart: true, hasContent: false };
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && scan.fieldCounts.length < SAMPLE_RECORDS; i += 1) {
    const char = text.charAt(i);
    if (scan.inQuotes) {
      if (char === '"' && text.charAt(i + 1) === '"') i += 1;
      else if (char === '"') scan.inQuotes = false;
    } else if (char === '"' && scan.atFieldStart) {
      scan.inQuotes = true;
      scan.atFieldStart = false;
      scan.hasContent = true;
    } else if (char === delimiter) {
      scan.fields += 1;
      scan.atFieldStart = true;
      scan.hasContent = true;
    } else if (char === '\n' || char === '\r') {
      endRecord(scan);
    } else if (char.trim() !== '') {
      scan.atFieldStart = false;
      scan.hasContent = true;
    }
  }
  if (scan.fieldCounts.length < SAMPLE_RECORDS) endRecord(scan);
  return scan.fieldCounts;
}

interface CandidateFit {
  delimiter: Delimiter;
  records: number;
  /** The column count most records share; ties go to the wider one, the real table. */
  columns: number;
  /** Share of records with exactly that count: a title line above the header lowers it a little. */
  agreement: number;
}

function mostCommonCount(counts: readonly number[]): { value: number; times: number } {
  const tally = new Map<number, number>();
  for (const count of counts) tally.set(count, (tally.get(count) ?? 0) + 1);
  let top = { value: 1, times: 0 };
  for (const [value, times] of tally) {
    if (times > top.times || (times === top.times && value > top.value)) top = { value, times };
  }
  return top;
}

function fit(text: string, delimiter: Delimiter): CandidateFit {
  const counts = countFields(text, delimiter);
  const mode = mostCommonCount(counts);
  return {
    delimiter,
    records: counts.length,
    columns: mode.value,
    agreement: counts.length === 0 ? 0 : mode.times / counts.length,
  };
}

function splitsTable(candidate: CandidateFit): boolean {
  return candidate.columns > 1 && candidate.agreement >= MIN_AGREEMENT;
}

/** A handful of lines is weaker evidence than fifty. */
function evidence(records: number): number {
  return Math.min(1, 0.5 + records / 10);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** "12,5" and "1,234": every comma has a digit on each side, as decimal and thousands separators do. */
function commasLookNumeric(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  const commas = sample.match(/,/g)?.length ?? 0;
  const numericCommas = sample.match(/\d,(?=\d)/g)?.length ?? 0;
  return commas > 0 && commas === numericCommas;
}

/**
 * A ru-RU or uk-UA Excel writes ';' because ',' is its decimal mark; if the commas in such a
 * file are all inside numbers, a row with one amount splits on them as evenly as on ';'.
 */
function dropDecimalCommas(fits: readonly CandidateFit[], text: string): CandidateFit[] {
  if (fits.length < 2 || !commasLookNumeric(text)) return [...fits];
  return fits.filter((candidate) => candidate.delimiter !== ',');
}

export function detectDelimiter(text: string): DelimiterGuess {
  const splitting = CANDIDATES.map((delimiter) => fit(text, delimiter)).filter(splitsTable);
  const fits = dropDecimalCommas(splitting, text);
  // Stable sort: equal agreement keeps CANDIDATES order, so the rarer character wins ties.
  const [winner, rival] = fits.sort((a, b) => b.agreement - a.agreement);
  if (winner === undefined) return { delimiter: ',', confidence: ONE_COLUMN_CONFIDENCE };
  const rivalFactor = rival !== undefined && winner.agreement - rival.agreement < CLOSE_RIVAL_GAP ? CLOSE_RIVAL_FACTOR : 1;
  return { delimiter: winner.delimiter, confidence: round2(winner.agreement * evidence(winner.records) * rivalFactor) };
}
