import type { HeaderReason, Unworded } from '../../../../shared/sheet-notes';
import { looksLikePhoneData } from './phone-like-cell';

export interface HeaderGuess {
  /** 0-based index into the rows; null when there is no header and data starts at row 0. */
  headerRow: number | null;
  /** A code the window words, and one English sentence for the supervisor, with 1-based row numbers as a spreadsheet shows them. */
  reason: HeaderReason;
}

/** Headers sit at the top; titles and notes above them take a few rows at most. */
const SCAN_ROWS = 30;
/** A header cell is a short label; longer text is a title, a note or a comment. */
const MAX_HEADER_CELL_CHARS = 40;
const MAX_HEADER_CELL_WORDS = 4;

/** Column words matched whole: as prefixes they would match ordinary words ("тело", "nobody"). */
const EXACT_WORDS = new Set([
  'tel', 'тел', 'mob', 'моб', 'cell', 'fax', 'факс', 'no', 'nr', '№', '#', 'id', 'код', 'code',
  'піб', 'фіо', 'фио', 'ім\'я', 'имя', 'name', 'names', 'email', 'e-mail', 'дата', 'date',
  'city', 'сума', 'сумма', 'sum',
]);

/** Column-word stems in English, Ukrainian and Russian, matched as prefixes so that inflections and "Телефон 2" count. */
const STEMS = [
  'phone', 'telephone', 'телефон', 'mobile', 'мобіл', 'мобил', 'number', 'номер', 'msisdn',
  'firstname', 'lastname', 'surname', 'fullname', 'прізвищ', 'фамил', 'по-батькові', 'отчеств',
  'comment', 'коментар', 'комментар', 'примітк', 'примечан', 'note', 'client', 'customer',
  'клієнт', 'клиент', 'contact', 'контакт', 'абонент', 'subscriber', 'address', 'адрес',
  'місто', 'город', 'region', 'регіон', 'регион', 'област', 'company', 'компані', 'компани',
  'організац', 'организац', 'status', 'статус', 'operator', 'оператор', 'пошт', 'почт',
  'amount', 'борг', 'долг', 'country', 'країн', 'стран',
];

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function filledCells(row: readonly string[]): string[] {
  return row.map((cell) => cell.trim()).filter((cell) => cell !== '');
}

const LATIN_LOOKALIKES: Readonly<Record<string, string>> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у' };

/** Ukrainian keyboards make "ПIБ" with a Latin I easy to type; inside a Cyrillic word it means "ПІБ". */
function unmixLookalikes(word: string): string {
  if (!/\p{Script=Cyrillic}/u.test(word)) return word;
  return word.replace(/[aceiopxy]/g, (letter) => LATIN_LOOKALIKES[letter] ?? letter);
}

/** Typographic apostrophes are common in Ukrainian ("ім’я") and must not split the word. */
function words(cell: string): string[] {
  return cell
    .toLowerCase()
    .replace(/[’ʼ`]/g, '\'')
    .split(/[^\p{L}\p{N}'№#-]+/u)
    .map((word) => unmixLookalikes(word.replace(/^[-']+|[-']+$/g, '')))
    .filter((word) => word !== '');
}

function isColumnWord(word: string): boolean {
  return EXACT_WORDS.has(word) || STEMS.some((stem) => word.startsWith(stem));
}

export function isHeaderCell(cell: string): boolean {
  const text = cell.trim();
  if (text === '' || text.length > MAX_HEADER_CELL_CHARS || looksLikePhoneData(text)) return false;
  const cellWords = words(text);
  return cellWords.length <= MAX_HEADER_CELL_WORDS && cellWords.some(isColumnWord);
}

interface RowInfo {
  index: number;
  filled: string[];
  headerCells: string[];
}

function rowInfo(index: number, row: readonly string[]): RowInfo {
  const filled = filledCells(row);
  return { index, filled, headerCells: filled.filter(isHeaderCell) };
}

/** Most column words wins; then the wider row; then the one nearer the data, as titles sit above headers. */
function betterHeader(a: RowInfo, b: RowInfo): RowInfo {
  if (a.headerCells.length !== b.headerCells.length) return a.headerCells.length > b.headerCells.length ? a : b;
  if (a.filled.length !== b.filled.length) return a.filled.length > b.filled.length ? a : b;
  return a.index > b.index ? a : b;
}

function quoted(cells: readonly string[]): string {
  return cells.map((cell) => `"${cell}"`).join(', ');
}

/** The row a title above the header starts at, 1-based; null when the header is the first row. */
function titleFrom(header: RowInfo, firstFilled: RowInfo): number | null {
  return header.index === firstFilled.index ? null : firstFilled.index + 1;
}

function titleText(from: number | null): string {
  return from === null ? '' : ` The text above it (from row ${from}) is taken as a title, not data.`;
}

function reasonText(reason: Unworded<HeaderReason>): string {
  switch (reason.code) {
    case 'chosen':
      return 'Chosen by you.';
    case 'first-rows-blank':
      return `The first ${reason.rows} rows are blank, so there is no header to find.`;
    case 'phone-in-first-row':
      return `Row ${reason.row} already holds a phone number ("${reason.number}"), so the file has no header row.`;
    case 'names-columns':
      return `Row ${reason.row} names the columns (${quoted(reason.cells)}).${titleText(reason.titleFrom)}`;
    case 'no-header-found':
      return `No row in the first ${reason.rows} names a column or holds a phone number, so the data is read from the first row.`;
    case 'text-above-numbers':
      return (
        `No row uses a known column name, but row ${reason.row} holds text right above the first phone number ` +
        `(row ${reason.numbersFrom}), so it is taken as the header.${titleText(reason.titleFrom)}`
      );
  }
}

/** A header reason with its English sentence. */
export function headerReason(reason: Unworded<HeaderReason>): HeaderReason {
  return { ...reason, text: reasonText(reason) };
}

/**
 * In a table of several columns a row with one filled cell is a title ("Клієнти, березень"),
 * even when it contains a column word; it is only kept when no wider row could be the header.
 */
function withoutTitles(candidates: readonly RowInfo[], all: readonly RowInfo[]): RowInfo[] {
  if (!all.some((info) => info.filled.length > 1)) return [...candidates];
  const wide = candidates.filter((info) => info.filled.length > 1);
  return wide.length > 0 ? wide : [...candidates];
}

export function detectHeaderRow(rows: readonly (readonly string[])[]): HeaderGuess {
  const filled = rows
    .slice(0, SCAN_ROWS)
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => !isBlank(row))
    .map(({ row, index }) => rowInfo(index, row));
  const first = filled[0];
  if (first === undefined) {
    return { headerRow: null, reason: headerReason({ code: 'first-rows-blank', rows: SCAN_ROWS }) };
  }
  const firstData = filled.find((info) => info.filled.some(looksLikePhoneData));
  if (firstData === first) {
    const number = first.filled.find(looksLikePhoneData) ?? '';
    return { headerRow: null, reason: headerReason({ code: 'phone-in-first-row', row: first.index + 1, number }) };
  }
  const above = withoutTitles(filled.filter((info) => firstData === undefined || info.index < firstData.index), filled);
  const named = above.filter((info) => info.headerCells.length > 0);
  const header = named.reduce<RowInfo | undefined>((top, info) => (top === undefined ? info : betterHeader(top, info)), undefined);
  if (header !== undefined) {
    return {
      headerRow: header.index,
      reason: headerReason({ code: 'names-columns', row: header.index + 1, cells: header.headerCells, titleFrom: titleFrom(header, first) }),
    };
  }
  return headerAboveData(above, firstData, first);
}

/**
 * No row uses a known column word. If phone numbers start further down, the row just above
 * them is still not data: reading it as the header keeps it out of the load.
 */
function headerAboveData(above: readonly RowInfo[], firstData: RowInfo | undefined, first: RowInfo): HeaderGuess {
  const nearest = above.at(-1);
  if (firstData === undefined || nearest === undefined) {
    return {
      headerRow: null,
      reason: headerReason({ code: 'no-header-found', rows: SCAN_ROWS }),
    };
  }
  return {
    headerRow: nearest.index,
    reason: headerReason({ code: 'text-above-numbers', row: nearest.index + 1, numbersFrom: firstData.index + 1, titleFrom: titleFrom(nearest, first) }),
  };
}
