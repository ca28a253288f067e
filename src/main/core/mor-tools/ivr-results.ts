import type { ReceiptFormat } from '../../../shared/jobs';
import { writeCsvFile } from '../export/csv-export';
import { tableFileBytes } from '../export/table-file-bytes';
import type { IvrPollResults } from '../providers/mor/answer';
import type { MorClient } from '../providers/mor/mor-client';
import { UserError } from '../user-error';
import { describeMorFailure } from './mor-failure';

export interface IvrResultsExport {
  readonly campaign: number;
  /** The CSV's header: MOR names no fields, so they are numbered (see ivrResultsHeader). */
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** ivr_poll_results_string exactly as MOR sent it, for anything that must be exact. */
  readonly raw: string;
}

/** A MOR campaign id: a database integer. Anything else would only earn "Campaign was not found". */
export function parseCampaignId(text: string): number {
  const trimmed = text.trim();
  const id = /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new UserError('bad-input', `The campaign id must be a positive whole number, such as 1, not "${text}". Nothing was fetched.`);
  }
  return id;
}

/**
 * Column names for the poll results. MOR's page shows one example (`1111` and
 * `2222,2020-01-01 01:01:01,2090-12-31 23:59:59`) and names no field, so the columns are
 * numbered rather than guessed at; lines of different widths share the widest header.
 */
export function ivrResultsHeader(rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(1, ...rows.map((row) => row.length));
  return Array.from({ length: width }, (_, i) => `field_${i + 1}`);
}

export type IvrPollClient = Pick<MorClient, 'ivrPollResults'>;

/** Fetches a campaign's IVR poll results, or throws a UserError that says why not and that nothing was written. */
export async function fetchIvrResults(client: IvrPollClient, campaign: number, apiSecret: string): Promise<IvrResultsExport> {
  const call = await client.ivrPollResults(String(campaign));
  if (!call.ok) {
    const code = 'error' in call && call.error.kind === 'campaign-not-found' ? 'not-found' : 'refused';
    throw new UserError(code, `Campaign ${campaign}: ${describeMorFailure(call, apiSecret)} Nothing was written.`);
  }
  const results: IvrPollResults = call.value;
  return { campaign, header: ivrResultsHeader(results.rows), rows: results.rows, raw: results.raw };
}

/** The results as CSV at `path`, replacing a file there only once the new one is whole. */
export async function writeIvrResultsCsv(path: string, results: IvrResultsExport): Promise<void> {
  await writeCsvFile(path, results.header, results.rows);
}

/**
 * The results as the bytes of a file a supervisor opens in Excel, with the columns the CLI's
 * --out file has: CSV in UTF-8 with a BOM and formula cells neutralised, or XLSX of text cells.
 */
export function ivrResultsBytes(format: ReceiptFormat, results: IvrResultsExport): Promise<Uint8Array> {
  return tableFileBytes(format, 'IVR results', results.header, results.rows);
}

/** The file's name: the campaign, and the extension of its format. */
export const ivrResultsFileName = (campaign: number, format: ReceiptFormat): string => `IVR results campaign ${campaign}.${format}`;

export function ivrResultsSummary(results: IvrResultsExport, path: string): string {
  const count = results.rows.length;
  if (count === 0) return `Campaign ${results.campaign}: MOR has no IVR poll results yet; ${path} holds only the header.`;
  return `Campaign ${results.campaign}: ${count} ${count === 1 ? 'line' : 'lines'} of IVR poll results written to ${path} (${results.header.length} ${results.header.length === 1 ? 'column' : 'columns'}).`;
}
