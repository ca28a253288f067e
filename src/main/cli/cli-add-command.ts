import { addClis, type CliAddOutcome, type CliAddReport } from '../core/mor-tools/cli-add';
import { readCliSheet } from '../core/mor-tools/cli-sheet';
import { readMorProfileFile, withMorClient } from '../core/mor-tools/open-mor-profile';
import { UserError } from '../core/user-error';
import { SOME_NOT_DONE } from './cli-output';

export interface CliAddCommandOptions {
  readonly file: string | undefined;
  readonly profile: string | undefined;
  readonly json: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For a profile file that names no defaultCountry; unused by this command otherwise. */
  readonly country: string;
  /** Between requests; tests set 0. */
  readonly pauseMs?: number;
  readonly print?: (text: string) => void;
  /** Notes about the sheet (skipped rows, ignored columns) go here, apart from the results. */
  readonly printNote?: (text: string) => void;
}

export function formatOutcome(outcome: CliAddOutcome): string {
  return `row ${outcome.row}, device ${outcome.device || '-'}, CLI ${outcome.cli || '-'}: ${outcome.status}. ${outcome.message}`;
}

export function formatCliAddSummary(report: CliAddReport): string {
  return `${report.rows.length} ${report.rows.length === 1 ? 'CLI' : 'CLIs'}: ${report.added} added, ${report.rejected} rejected, ${report.invalid} invalid, ${report.unknown} unknown.`;
}

/**
 * `dialsheet cli-add`: one cli_add per valid row of a sheet, and one outcome per row. Exit code 0
 * when every row was added, SOME_NOT_DONE when any was not (the outcomes say which and
 * why); a sheet or profile that cannot be used is a UserError (exit 1) before anything is sent.
 */
export async function runCliAddCommand(options: CliAddCommandOptions): Promise<number> {
  const print = options.print ?? ((text: string) => console.log(text));
  const printNote = options.printNote ?? ((text: string) => console.error(text));
  if (options.file === undefined) throw new UserError('bad-input', 'cli-add needs a sheet of CLIs: dialsheet cli-add FILE --profile PROFILE.json');
  if (options.profile === undefined) throw new UserError('bad-input', 'cli-add needs a MOR profile file: --profile PROFILE.json. Nothing was sent.');
  const profile = await readMorProfileFile(options.profile, options, 'cli-add');
  const sheet = await readCliSheet(options.file);
  for (const note of sheet.notes) printNote(`${options.file}: ${note}`);
  const report = await withMorClient(profile, (client, apiSecret) =>
    addClis(client, sheet.rows, {
      apiSecret,
      ...(options.pauseMs === undefined ? {} : { pauseMs: options.pauseMs }),
      ...(options.json ? {} : { onOutcome: (outcome: CliAddOutcome) => print(formatOutcome(outcome)) }),
    }),
  );
  print(options.json ? JSON.stringify(report) : formatCliAddSummary(report));
  return report.added === report.rows.length ? 0 : SOME_NOT_DONE;
}
