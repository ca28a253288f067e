import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import { ENCODING_IDS, type Encoding } from '../../shared/intake-options';
import { MAX_FILE_BYTES } from '../../shared/limits';
import type { CheckOptions, SheetSettings, SheetView } from '../../shared/sheet-schemas';
import { createIntakeService, defaultCheckOptions } from '../core/intake/create-intake-service';
import type { IntakeService } from '../core/intake/intake-service';
import { UserError } from '../core/user-error';
import { firstLines } from './cli-output';

export interface InspectOptions {
  file: string;
  country: string;
  mode: CheckOptions['mode'];
  sheet?: string;
  headerRow?: number;
  phoneColumn?: string;
  encoding?: string;
  dataDir: string | null;
}

export interface InspectIssue {
  row: number;
  column: string | null;
  value: string;
  reason: string;
  message: string;
}

export interface InspectReport {
  file: string;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number | null;
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  numbers: string[];
  issues: InspectIssue[];
}

function pickSheet(view: SheetView, wanted: string): number {
  const byName = view.sheets.find((s) => s.name === wanted);
  if (byName) return byName.index;
  const n = Number(wanted);
  if (Number.isInteger(n) && n >= 1 && n <= view.sheets.length) return n - 1;
  throw new UserError('bad-input', `No sheet "${wanted}" in ${view.fileName}; it has ${view.sheets.map((s) => `"${s.name}"`).join(', ') || 'no sheets'}.`);
}

function pickColumn(view: SheetView, wanted: string): number {
  const byName = view.columns.findIndex((c) => c.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (byName >= 0) return byName;
  const n = Number(wanted);
  if (Number.isInteger(n) && n >= 1 && n <= view.columns.length) return n - 1;
  throw new UserError('bad-input', `No column "${wanted}"; the columns are ${view.columns.map((c) => `"${c}"`).join(', ')}.`);
}

function settingsFrom(options: InspectOptions): SheetSettings {
  const settings: SheetSettings = {};
  if (options.encoding !== undefined) {
    if (!(ENCODING_IDS as readonly string[]).includes(options.encoding)) {
      throw new UserError('bad-input', `--encoding must be one of ${ENCODING_IDS.join(', ')}, not "${options.encoding}".`);
    }
    settings.encoding = options.encoding as Encoding;
  }
  // The user counts rows with content from 1, as a spreadsheet shows them.
  if (options.headerRow !== undefined) settings.headerRow = options.headerRow === 0 ? null : options.headerRow - 1;
  return settings;
}

async function collectIssues(intake: IntakeService, view: SheetView): Promise<InspectIssue[]> {
  const issues: InspectIssue[] = [];
  const page = 1000;
  for (let offset = 0; offset < view.summary.rows; offset += page) {
    for (const row of intake.rows(view.sheetId, offset, page, 'all').rows) {
      for (const number of row.numbers) {
        if (!number.issue) continue;
        issues.push({
          row: row.row,
          column: number.column >= 0 ? (view.columns[number.column] ?? null) : null,
          value: number.raw,
          reason: number.issue.reason,
          message: number.issue.message,
        });
      }
    }
    // Give the event loop a turn on very long lists.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return issues;
}

/** What the intake needs to read a file the way the user asked; shared by inspect and upload. */
/** Opens a file through the same intake as the app, reads it whole and checks it as asked. */
export async function openCheckedFile(options: InspectOptions): Promise<{ intake: IntakeService; view: SheetView }> {
  const fileName = basename(options.file);
  const info = await stat(options.file).catch(() => {
    throw new UserError('not-found', `${options.file} could not be opened: it is not there or cannot be read.`);
  });
  if (!info.isFile()) throw new UserError('unreadable', `${options.file} is not a file.`);
  if (info.size > MAX_FILE_BYTES) throw new UserError('too-large', `${fileName} is larger than Dialsheet opens (${MAX_FILE_BYTES} bytes).`);
  const intake = createIntakeService({ dataDir: options.dataDir, defaultCountry: options.country, emitProgress: () => undefined });
  let view = await intake.open(fileName, await readFile(options.file), settingsFrom(options));
  if (options.sheet !== undefined) {
    const index = pickSheet(view, options.sheet);
    if (index !== view.sheet) view = await intake.reopen(view.sheetId, { sheet: index });
  }
  await intake.finished(view.sheetId);
  view = intake.view(view.sheetId);
  if (options.phoneColumn !== undefined) {
    view = await intake.setMapping(view.sheetId, { ...view.mapping, phone: [pickColumn(view, options.phoneColumn)] });
  }
  const wanted = { ...defaultCheckOptions(options.country), mode: options.mode };
  view = intake.setOptions(view.sheetId, wanted);
  return { intake, view };
}

/** Reads a file through the same intake as the app and reports what it found. */
export async function inspectFile(options: InspectOptions): Promise<InspectReport> {
  const { intake, view } = await openCheckedFile(options);
  return {
    file: options.file,
    encoding: view.encoding?.value ?? null,
    delimiter: view.delimiter?.value ?? null,
    sheet: view.sheets[view.sheet]?.name ?? null,
    headerRow: view.headerRow.value === null ? null : (view.headerChoices[view.headerRow.value]?.row ?? null),
    rows: view.summary.rows,
    valid: view.summary.valid,
    invalid: view.summary.invalid,
    duplicates: view.summary.duplicate,
    numbers: intake.uniqueNumbers(view.sheetId),
    issues: await collectIssues(intake, view),
  };
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function formatReport(report: InspectReport): string {
  const lines = [
    `${report.file}`,
    report.sheet !== null ? `  sheet:      ${report.sheet}` : `  encoding:   ${report.encoding}, ${DELIMITER_NAMES[report.delimiter ?? ''] ?? report.delimiter}-separated`,
    `  header:     ${report.headerRow === null ? 'none (every row is data)' : `row ${report.headerRow}`}`,
    `  rows:       ${report.rows}`,
    `  valid:      ${report.valid}`,
    `  invalid:    ${report.invalid}`,
    `  duplicates: ${report.duplicates}`,
    `  numbers:    ${report.numbers.length} to send`,
  ];
  if (report.issues.length > 0) {
    lines.push('', 'Issues:');
    lines.push(...firstLines(report.issues, (issue) => `  row ${issue.row}: ${issue.message}`));
  }
  return lines.join('\n');
}
