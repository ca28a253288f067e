import type { SheetNote, Unworded } from '../../../shared/sheet-notes';

const english = (n: number, one: string, other: string): string => (n === 1 ? one : other);

/** The English sentence of a note: what the command line prints; the window words the code itself. */
function noteText(note: Unworded<SheetNote>): string {
  switch (note.code) {
    case 'phone-column-from-header':
      return `Phone column chosen because the header says so (${note.columns.join(', ')}).`;
    case 'phone-column-from-header-and-contents':
      return `Phone column chosen because its header and its contents look like numbers (${note.columns.join(', ')}).`;
    case 'phone-column-from-contents':
      return `Phone column chosen because most of its cells look like phone numbers (${note.column}).`;
    case 'no-phone-column':
      return 'No column looks like phone numbers: choose one.';
    case 'rows-above-header-skipped':
      return `${note.count} ${english(note.count, 'row', 'rows')} above the header ${english(note.count, 'was', 'were')} skipped (row ${note.row}: “${note.content}”).`;
    case 'blank-rows-skipped':
      return `${note.count} blank ${english(note.count, 'row was', 'rows were')} skipped.`;
    case 'no-data-rows':
      return 'The file has a header but no rows under it: there are no numbers to check.';
    case 'several-sheets':
      return `${note.fileName} has ${note.count} sheets; showing “${note.sheet}”. Choose another under File.`;
    case 'wide-row': {
      const limit = note.limit.toLocaleString('en');
      return `Row ${note.row} has more than ${limit} columns; only the first ${limit} are kept.`;
    }
    case 'unclosed-quote':
      return `Row ${note.row} opens a quoted value (") that is never closed, so everything after it was read as one cell. Fix the quote in the file, or choose another separator.`;
    case 'nul-bytes-removed':
      return `${note.count} NUL ${english(note.count, 'byte was', 'bytes were')} removed from the text; everything else was kept.`;
    case 'reading-stopped':
      return `Reading stopped after row ${note.row}: ${note.message ?? 'the rest of the file could not be read'} The rows before it are kept.`;
    case 'removed-rows-back':
      return `${note.count === 1 ? 'The row you removed is' : `The ${note.count} rows you removed are`} back: the file was read again with other settings, so its rows may not be the same ones. Remove them again if needed.`;
  }
}

/** A note as the view carries it: its code and figures, and the English sentence. */
export function sheetNote<N extends Unworded<SheetNote>>(note: N): N & { text: string } {
  return { ...note, text: noteText(note) };
}

/**
 * A reader's notes as it adds them while it reads on: coded for the intake's view, and the same
 * notes' English sentences for a caller that only prints them (the CLIs sheet).
 */
export class ReaderNotes {
  readonly coded: SheetNote[] = [];
  readonly texts: string[] = [];

  add(note: Unworded<SheetNote>): void {
    const worded = sheetNote(note);
    this.coded.push(worded);
    this.texts.push(worded.text);
  }
}
