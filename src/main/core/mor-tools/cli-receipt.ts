import { randomBytes } from 'node:crypto';

import type { ReceiptFormat } from '../../../shared/jobs';
import { tableFileBytes } from '../export/table-file-bytes';
import { UserError } from '../user-error';
import type { CliAddOutcome } from './cli-add';

/** English headers and status words, as the upload receipt's and the IVR results' files have. */
export const CLI_RECEIPT_HEADER = ['Row', 'Device', 'CLI', 'Status', 'Message'] as const;

/**
 * A CLI run's receipt as a file a supervisor opens in Excel: one line per row of the sheet, CSV in
 * UTF-8 with a BOM and formula cells neutralised, or XLSX whose cells are all text.
 */
export function cliReceiptBytes(format: ReceiptFormat, rows: readonly CliAddOutcome[]): Promise<Uint8Array> {
  return tableFileBytes(
    format,
    'CLIs',
    CLI_RECEIPT_HEADER,
    rows.map((r) => [String(r.row), r.device, r.cli, r.status, r.message]),
  );
}

/** The file's name: the sheet's, without its extension, then the run and the format. */
export const cliReceiptFileName = (sheetName: string, runId: string, format: ReceiptFormat): string =>
  `${sheetName.replace(/\.[A-Za-z0-9]{1,5}$/, '')} CLI receipt ${runId}.${format}`;

export const newCliRunId = (): string => `clis-${randomBytes(6).toString('hex')}`;

interface KeptRun {
  readonly fileName: string;
  readonly rows: readonly CliAddOutcome[];
}

/** How many runs' receipts are kept; a window shows one at a time, so a few cover going back to one. */
export const KEPT_CLI_RUNS = 20;

/**
 * The last few addClis runs' receipts, in memory until the app quits, so the window asks for a
 * file by the run's id rather than sending rows back to be written (which it could alter).
 */
export class CliReceipts {
  private readonly runs = new Map<string, KeptRun>();

  constructor(private readonly keep = KEPT_CLI_RUNS) {}

  add(runId: string, fileName: string, rows: readonly CliAddOutcome[]): void {
    this.runs.set(runId, { fileName, rows });
    for (const oldest of this.runs.keys()) {
      if (this.runs.size <= this.keep) break;
      this.runs.delete(oldest);
    }
  }

  async export(runId: string, format: ReceiptFormat): Promise<{ fileName: string; bytes: Uint8Array }> {
    const run = this.runs.get(runId);
    if (run === undefined) {
      throw new UserError('not-found', `There is no receipt of CLI run ${runId}: Dialsheet keeps those of its last ${this.keep} runs until it quits.`);
    }
    return { fileName: cliReceiptFileName(run.fileName, runId, format), bytes: await cliReceiptBytes(format, run.rows) };
  }
}
