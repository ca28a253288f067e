import { createHash, randomBytes } from 'node:crypto';

import type { Delimiter, Encoding, FileFormat, IssueReason, RowFilter } from '../../../shared/intake-options';
import { PREVIEW_ROWS } from '../../../shared/limits';
import type { DelimiterReason, EncodingReason, SheetNote } from '../../../shared/sheet-notes';
import type {
  CheckOptions,
  ColumnMapping,
  Progress,
  RowSelection,
  RowsChange,
  RowView,
  SheetSettings,
  SheetView,
  Summary,
} from '../../../shared/sheet-schemas';
import { UserError } from '../user-error';
import { createRowChecker, type PhoneTools, type RowChecker } from './check/row-checker';
import { detectHeaderRow, headerReason } from './cells/detect-header';
import { detectMapping } from './mapping/detect-mapping';
import { headerSignature, type MappingMemory } from './mapping/mapping-memory';
import { sniffFileKind } from './source/file-kind';
import { isBlankRecord, type RecordStream } from './source/record-batch';
import { type Guess, openTextSource } from './source/text-source';
import { openXlsxSource, type SheetChoice } from './source/xlsx-source';
import { SheetRows } from './sheet/sheet-rows';
import { sheetNote } from './sheet-note';

export interface ProgressEvent extends Progress {
  sheetId: string;
  fileName: string;
  summary: Summary;
}

export interface IntakeDeps {
  emitProgress: (event: ProgressEvent) => void;
  memory: MappingMemory;
  defaultOptions: () => CheckOptions;
  phoneTools: (options: CheckOptions) => PhoneTools;
  /** Mappings are remembered per profile; until profiles exist every file shares one. */
  profileId?: string;
}

/** Non-blank records looked at before deciding the header row and the mapping. */
const SAMPLE_RECORDS = 60;
const PROGRESS_INTERVAL_MS = 100;
const HEADER_CHOICES = 15;

interface Reading {
  cancelled: boolean;
  finished: Promise<void>;
}

interface OpenSheet {
  id: string;
  fileName: string;
  bytes: Uint8Array;
  /** Of the bytes as opened: a job's history names the exact file it sent. */
  contentSha256: string;
  format: FileFormat;
  settings: SheetSettings;
  encoding: Guess<Encoding, EncodingReason> | null;
  delimiter: Guess<Delimiter, DelimiterReason> | null;
  sheets: SheetChoice[];
  sheet: number;
  header: SheetView['headerRow'];
  headerChoices: SheetView['headerChoices'];
  columns: string[];
  mapping: ColumnMapping;
  mappingSource: SheetView['mappingSource'];
  options: CheckOptions;
  rows: SheetRows;
  progress: Progress;
  notes: SheetNote[];
  reading: Reading;
  lastEmit: number;
}

const columnName = (cell: string | undefined, index: number): string => cell?.trim() || `Column ${index + 1}`;

function quote(record: readonly string[]): string {
  const text = record.map((c) => c.trim()).filter(Boolean).join(' ');
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Files in, checked rows out: decoding, header and mapping detection, the check of every number,
 * duplicates, and windows of rows for the table. Reading streams: the first rows are ready to show
 * while the rest of the file is still being read.
 */
export class IntakeService {
  private readonly sheets = new Map<string, OpenSheet>();
  constructor(private readonly deps: IntakeDeps) {}

  async open(fileName: string, bytes: Uint8Array, settings: SheetSettings = {}): Promise<SheetView> {
    const id = `sheet-${randomBytes(8).toString('hex')}`;
    await this.load(id, fileName, bytes, settings, this.deps.defaultOptions());
    return this.view(id);
  }

  /**
   * Reads the file again with other settings. Its rows may not be the same ones (another header
   * row shifts them, another encoding or delimiter changes them), so removed rows are not carried
   * over: they are back, and a note says so.
   */
  async reopen(id: string, settings: SheetSettings): Promise<SheetView> {
    const sheet = this.get(id);
    sheet.reading.cancelled = true;
    const changedSheet = settings.sheet !== undefined && settings.sheet !== sheet.sheet;
    const merged: SheetSettings = { ...sheet.settings, ...(changedSheet ? { headerRow: undefined } : {}), ...settings };
    const removed = sheet.rows.summary().removed;
    await this.load(id, sheet.fileName, sheet.bytes, merged, sheet.options);
    if (removed > 0) this.get(id).notes.push(sheetNote({ code: 'removed-rows-back', count: removed }));
    return this.view(id);
  }

  async setMapping(id: string, mapping: ColumnMapping): Promise<SheetView> {
    const sheet = this.get(id);
    const width = sheet.columns.length;
    const outside = [...mapping.phone, ...mapping.custom, mapping.name, mapping.caller].filter((c): c is number => c !== null && c >= width);
    if (outside.length > 0) {
      throw new UserError('bad-input', `The file has ${width} columns; column ${outside[0]! + 1} does not exist.`);
    }
    sheet.mapping = mapping;
    sheet.mappingSource = 'chosen';
    if (sheet.header.value !== null) await this.deps.memory.remember(headerSignature(this.profileId, sheet.columns), mapping);
    sheet.rows.recheck(this.checkerFor(sheet));
    return this.view(id);
  }

  setOptions(id: string, options: CheckOptions): SheetView {
    const sheet = this.get(id);
    // The checker first: options it refuses must not stay on the sheet.
    const checker = this.checkerFor({ ...sheet, options });
    sheet.options = options;
    sheet.rows.recheck(checker);
    return this.view(id);
  }

  view(id: string): SheetView {
    const sheet = this.get(id);
    return {
      sheetId: sheet.id,
      fileName: sheet.fileName,
      contentSha256: sheet.contentSha256,
      format: sheet.format,
      encoding: sheet.encoding,
      delimiter: sheet.delimiter,
      sheets: sheet.sheets,
      sheet: sheet.sheet,
      headerRow: sheet.header,
      headerChoices: sheet.headerChoices,
      columns: sheet.columns,
      mapping: sheet.mapping,
      mappingSource: sheet.mappingSource,
      options: sheet.options,
      progress: sheet.progress,
      summary: sheet.rows.summary(),
      notes: sheet.notes,
      preview: sheet.rows.window(0, PREVIEW_ROWS, 'all').rows,
    };
  }

  rows(id: string, offset: number, limit: number, filter: RowFilter, reason?: IssueReason): { offset: number; total: number; rows: RowView[]; done: boolean } {
    const sheet = this.get(id);
    return { offset, ...sheet.rows.window(offset, limit, filter, reason), done: sheet.progress.done };
  }

  /** Takes rows out of what is sent; they keep their place and data and can be restored. */
  removeRows(id: string, selection: RowSelection): RowsChange {
    return this.changeRows(id, selection, true);
  }

  restoreRows(id: string, selection: RowSelection): RowsChange {
    return this.changeRows(id, selection, false);
  }

  edit(id: string, index: number, column: number, value: string): { row: RowView; summary: Summary } {
    const sheet = this.get(id);
    if (index >= sheet.rows.length) throw new UserError('bad-input', `There is no data row ${index + 1} in ${sheet.fileName}.`);
    if (column >= sheet.columns.length) throw new UserError('bad-input', `There is no column ${column + 1} in ${sheet.fileName}.`);
    const row = sheet.rows.edit(index, column, value);
    return { row, summary: sheet.rows.summary() };
  }

  close(id: string): boolean {
    const sheet = this.sheets.get(id);
    if (sheet) sheet.reading.cancelled = true;
    return this.sheets.delete(id);
  }

  /** Resolves when the whole file has been read (the first rows are ready long before). */
  async finished(id: string): Promise<void> {
    await this.get(id).reading.finished;
  }

  /** The usable, unique numbers in file order. */
  uniqueNumbers(id: string): string[] {
    return [...this.get(id).rows.uniqueNumbers()];
  }

  private changeRows(id: string, selection: RowSelection, remove: boolean): RowsChange {
    const sheet = this.get(id);
    if ('indexes' in selection) {
      const indexes = [...new Set(selection.indexes)];
      const outside = indexes.find((index) => index >= sheet.rows.length);
      if (outside !== undefined) {
        throw new UserError('bad-input', `There is no data row ${outside + 1} in ${sheet.fileName}; nothing was ${remove ? 'removed' : 'restored'}.`);
      }
      const changed = sheet.rows.setRemoved(indexes, remove);
      return { changed, summary: sheet.rows.summary(), rows: indexes.map((index) => sheet.rows.view(index)) };
    }
    if (remove && !sheet.progress.done) {
      throw new UserError(
        'refused',
        `${sheet.fileName} is still being read (${sheet.progress.rowsRead} rows so far). Wait for it to finish, then remove the rows; nothing was removed.`,
      );
    }
    const changed = sheet.rows.setRemoved(sheet.rows.indexesFor(selection.filter, selection.reason), remove);
    return { changed, summary: sheet.rows.summary(), rows: [] };
  }

  private get profileId(): string {
    return this.deps.profileId ?? 'default';
  }

  private get(id: string): OpenSheet {
    const sheet = this.sheets.get(id);
    if (!sheet) throw new UserError('not-found', 'That file is no longer open. Open it again.');
    return sheet;
  }

  private checkerFor(sheet: Pick<OpenSheet, 'mapping' | 'options' | 'columns'>): RowChecker {
    return createRowChecker(sheet.mapping, sheet.options, this.deps.phoneTools(sheet.options), sheet.columns);
  }

  private async load(id: string, fileName: string, bytes: Uint8Array, settings: SheetSettings, options: CheckOptions): Promise<void> {
    const format: FileFormat = sniffFileKind(bytes, fileName) === 'xlsx' ? 'xlsx' : 'csv';
    const text = format === 'csv' ? openTextSource(bytes, fileName, settings) : null;
    const xlsx = format === 'xlsx' ? openXlsxSource(bytes, fileName, settings) : null;
    const records: RecordStream = text?.records ?? xlsx!.records;
    const iterator = records[Symbol.asyncIterator]();

    const sample: { record: string[]; row: number }[] = [];
    let bytesRead = 0;
    let exhausted = false;
    let blankRows = 0;
    while (sample.length < SAMPLE_RECORDS) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      bytesRead = next.value.bytesRead;
      next.value.records.forEach((record, i) => {
        if (isBlankRecord(record)) blankRows += 1;
        else sample.push({ record, row: next.value.rowNumbers[i] ?? 0 });
      });
    }
    if (sample.length === 0) {
      throw new UserError('unreadable', `${fileName} has no rows with anything in them. Nothing was loaded.`);
    }

    const detected = detectHeaderRow(sample.map((s) => s.record));
    const headerIndex = settings.headerRow !== undefined ? settings.headerRow : detected.headerRow;
    if (headerIndex !== null && headerIndex >= sample.length) {
      throw new UserError('bad-input', `The header row can be one of the first ${sample.length} rows with content.`);
    }
    const headerRecord = headerIndex === null ? [] : (sample[headerIndex]?.record ?? []);
    const width = Math.max(headerRecord.length, ...sample.map((s) => s.record.length));
    const columns = Array.from({ length: width }, (_, i) => columnName(headerRecord[i], i));
    const dataSample = sample.slice(headerIndex === null ? 0 : headerIndex + 1);

    // The source's own list: it adds notes of its own as it reads on (NUL bytes, wide rows).
    const notes = text?.sheetNotes ?? xlsx?.sheetNotes ?? [];
    if (headerIndex !== null && headerIndex > 0) {
      const first = sample[0];
      notes.push(sheetNote({ code: 'rows-above-header-skipped', count: headerIndex, row: first?.row ?? 0, content: quote(first?.record ?? []) }));
    }

    const remembered = headerIndex === null ? null : await this.deps.memory.recall(headerSignature(this.profileId, columns));
    const mappingGuess = detectMapping(columns, dataSample.map((s) => s.record));
    const mapping = remembered && remembered.phone.every((c) => c < width) ? remembered : mappingGuess.mapping;
    const previous = this.sheets.get(id);
    const reading: Reading = { cancelled: false, finished: Promise.resolve() };

    const sheet: OpenSheet = {
      id,
      fileName,
      bytes,
      contentSha256: previous?.bytes === bytes ? previous.contentSha256 : createHash('sha256').update(bytes).digest('hex'),
      format,
      settings,
      encoding: text?.encoding ?? null,
      delimiter: text?.delimiter ?? null,
      sheets: xlsx?.sheets ?? [],
      sheet: xlsx?.sheet ?? 0,
      header: {
        value: headerIndex,
        detected: detected.headerRow,
        reason: settings.headerRow !== undefined ? headerReason({ code: 'chosen' }) : detected.reason,
      },
      headerChoices: sample.slice(0, HEADER_CHOICES).map((s, index) => ({ index, row: s.row, text: quote(s.record) })),
      columns,
      mapping,
      mappingSource: mapping === remembered ? 'remembered' : 'detected',
      options,
      rows: new SheetRows(() => []),
      progress: { rowsRead: 0, bytesRead, bytesTotal: bytes.length, done: exhausted },
      notes,
      reading,
      lastEmit: 0,
    };
    if (mapping !== remembered) notes.push(mappingGuess.reason);
    sheet.rows = new SheetRows(this.checkerFor(sheet));
    sheet.rows.append(
      dataSample.map((s) => s.record),
      dataSample.map((s) => s.row),
    );
    sheet.progress.rowsRead = sheet.rows.length;
    if (previous) previous.reading.cancelled = true;
    this.sheets.set(id, sheet);

    reading.finished = this.readRest(sheet, iterator, exhausted, blankRows);
    if (exhausted) await reading.finished;
  }

  private async readRest(
    sheet: OpenSheet,
    iterator: AsyncIterator<{ records: string[][]; rowNumbers: number[]; bytesRead: number }>,
    exhausted: boolean,
    blankRowsSoFar: number,
  ): Promise<void> {
    let blankRows = blankRowsSoFar;
    try {
      while (!exhausted && !sheet.reading.cancelled) {
        const next = await iterator.next();
        if (next.done || sheet.reading.cancelled) break;
        const { records, rowNumbers, bytesRead } = next.value;
        const kept: string[][] = [];
        const keptRows: number[] = [];
        records.forEach((record, i) => {
          if (isBlankRecord(record)) {
            blankRows += 1;
            return;
          }
          kept.push(record);
          keptRows.push(rowNumbers[i] ?? 0);
        });
        sheet.rows.append(kept, keptRows);
        sheet.progress = { ...sheet.progress, rowsRead: sheet.rows.length, bytesRead };
        this.report(sheet, false);
      }
    } catch (error) {
      // The reader's own message stays English: it is worded where the error is made.
      const message = error instanceof UserError ? error.message : null;
      sheet.notes.push(sheetNote({ code: 'reading-stopped', row: sheet.rows.rowNumbers.at(-1) ?? 0, message }));
    } finally {
      // A file closed or read again mid-way: let the reader go (its parser, its stream) now.
      if (sheet.reading.cancelled) await iterator.return?.(undefined);
      if (!sheet.reading.cancelled) {
        if (blankRows > 0) sheet.notes.push(sheetNote({ code: 'blank-rows-skipped', count: blankRows }));
        if (sheet.rows.length === 0) sheet.notes.push(sheetNote({ code: 'no-data-rows' }));
        sheet.progress = { ...sheet.progress, rowsRead: sheet.rows.length, bytesRead: sheet.progress.bytesTotal, done: true };
        this.report(sheet, true);
      }
    }
  }

  private report(sheet: OpenSheet, force: boolean): void {
    const now = Date.now();
    if (!force && now - sheet.lastEmit < PROGRESS_INTERVAL_MS) return;
    sheet.lastEmit = now;
    this.deps.emitProgress({ sheetId: sheet.id, fileName: sheet.fileName, ...sheet.progress, summary: sheet.rows.summary() });
  }
}
