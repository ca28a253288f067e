import type { DelimiterReason, EncodingReason, HeaderReason, SheetNote } from '../../../shared/sheet-notes';
import type { Messages } from './messages/en';

/**
 * The intake's notes and reasons in the window's language, from their codes and figures; the
 * English `text` they carry is the command line's.
 */
export function noteText(t: Messages, note: SheetNote): string {
  const words = t.notes;
  switch (note.code) {
    case 'phone-column-from-header':
      return words.phoneColumnFromHeader(note.columns.join(', '));
    case 'phone-column-from-header-and-contents':
      return words.phoneColumnFromHeaderAndContents(note.columns.join(', '));
    case 'phone-column-from-contents':
      return words.phoneColumnFromContents(note.column);
    case 'no-phone-column':
      return words.noPhoneColumn;
    case 'rows-above-header-skipped':
      return words.rowsAboveHeaderSkipped(note.count, note.row, note.content);
    case 'blank-rows-skipped':
      return words.blankRowsSkipped(note.count);
    case 'no-data-rows':
      return words.noDataRows;
    case 'several-sheets':
      return words.severalSheets(note.fileName, note.count, note.sheet);
    case 'wide-row':
      return words.wideRow(note.row, note.limit);
    case 'unclosed-quote':
      return words.unclosedQuote(note.row);
    case 'nul-bytes-removed':
      return words.nulBytesRemoved(note.count);
    case 'reading-stopped':
      // The reader's message is English wherever it is shown: it is made deep in the reader.
      return note.message === null ? words.readingStoppedUnexplained(note.row) : words.readingStopped(note.row, note.message);
    case 'removed-rows-back':
      return words.removedRowsBack(note.count);
  }
}

export function encodingReasonText(t: Messages, reason: EncodingReason): string {
  const words = t.guessReasons.encoding;
  const label = t.fileSettings.encodings;
  switch (reason.code) {
    case 'byte-order-mark':
      return words.byteOrderMark(label[reason.encoding]);
    case 'utf16-zero-bytes':
      return words.utf16ZeroBytes(label[reason.encoding]);
    case 'ascii-only':
      return words.asciiOnly;
    case 'valid-utf8':
      return words.validUtf8(reason.characters);
    case 'mostly-utf8':
      return words.mostlyUtf8(reason.characters, reason.invalidBytes);
    case 'code-page': {
      const next = reason.runnerUp === null ? '' : words.nextBest(label[reason.runnerUp]);
      return `${words.codePage(label[reason.encoding], reason.plausible, reason.nonAscii)}${next}`;
    }
  }
}

export function delimiterReasonText(t: Messages, reason: DelimiterReason): string {
  return reason.code === 'one-column' ? t.guessReasons.delimiter.oneColumn : t.guessReasons.delimiter.splitsEvenly(reason.confidence);
}

export function headerReasonText(t: Messages, reason: HeaderReason): string {
  const words = t.guessReasons.header;
  const title = (from: number | null): string => (from === null ? '' : words.titleAbove(from));
  switch (reason.code) {
    case 'chosen':
      return words.chosen;
    case 'first-rows-blank':
      return words.firstRowsBlank(reason.rows);
    case 'phone-in-first-row':
      return words.phoneInFirstRow(reason.row, reason.number);
    case 'names-columns':
      return `${words.namesColumns(reason.row, reason.cells.map(words.cell).join(', '))}${title(reason.titleFrom)}`;
    case 'no-header-found':
      return words.noHeaderFound(reason.rows);
    case 'text-above-numbers':
      return `${words.textAboveNumbers(reason.row, reason.numbersFrom)}${title(reason.titleFrom)}`;
  }
}
