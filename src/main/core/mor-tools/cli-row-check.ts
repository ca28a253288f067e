import type { CliAddParams } from '../providers/mor/hash';
import type { CliColumns } from './cli-sheet-columns';

/** One cli_add as MorClient.addCli takes it. */
export type CliRequest = CliAddParams & { readonly cliDomain?: string };

interface RowIdentity {
  /** The row number a person sees in the spreadsheet. */
  readonly row: number;
  /** The device id as written in the sheet. */
  readonly device: string;
  /** The CLI number or domain as written in the sheet. */
  readonly cli: string;
  /** The optional cells as written (trimmed), '' when empty or not in the sheet: what a check shows. */
  readonly cells: CliCells;
}

export interface CliCells {
  readonly description: string;
  readonly comment: string;
  readonly banned: string;
  readonly ivr: string;
}

export type CheckedCliRow = RowIdentity & ({ readonly ok: true; readonly request: CliRequest } | { readonly ok: false; readonly problem: string });

const DIGITS = /^\d+$/;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})+$`, 'i');
const IPV4_PART = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
// "3.8E+11": what Excel makes of a long number in a General cell; the digits past the 15th are gone.
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;
const BANNED: Readonly<Record<string, boolean>> = {
  yes: true, y: true, true: true, '1': true, так: true, да: true,
  no: false, n: false, false: false, '0': false, ні: false, нi: false, нет: false,
};

/**
 * A SIP domain, or an IPv4 address. All-numeric labels must form an address, so "12.50" (a number
 * with a decimal point) is not taken for a domain.
 */
export function isCliDomain(text: string): boolean {
  if (!DOMAIN.test(text)) return false;
  const labels = text.split('.');
  if (labels.every((label) => DIGITS.test(label))) return labels.length === 4 && labels.every((label) => IPV4_PART.test(label));
  return true;
}

function positiveId(text: string): number | undefined {
  if (!/^\d{1,15}$/.test(text)) return undefined;
  const id = Number(text);
  return id > 0 ? id : undefined;
}

function numberProblem(value: string): string {
  if (SCIENTIFIC.test(value)) {
    return `CLI "${value}" lost digits: Excel wrote it in scientific notation. Format the column as text, type the number again and save.`;
  }
  const digits = value.replace(/[\s+().-]/g, '');
  if (digits !== '' && DIGITS.test(digits)) return `CLI "${value}" must be digits only (MOR: "CLI must be numeric"); write it as ${digits}.`;
  return `CLI "${value}" is neither a number (digits only) nor a domain such as sip.example.com.`;
}

type CliPart = { number?: string; domain?: string; problem?: string };

/** The CLI of a row: a number column may also hold a domain; a domain column only a domain. */
function cliOf(numberCell: string, domainCell: string): CliPart {
  if (numberCell !== '' && domainCell !== '') return { problem: `Give a CLI number or a domain, not both ("${numberCell}" and "${domainCell}").` };
  if (domainCell !== '') return isCliDomain(domainCell) ? { domain: domainCell } : { problem: `"${domainCell}" is not a domain such as sip.example.com.` };
  if (numberCell === '') return { problem: 'No CLI: give a number or a domain.' };
  if (DIGITS.test(numberCell)) return { number: numberCell };
  if (/[a-z]/i.test(numberCell) && isCliDomain(numberCell)) return { domain: numberCell };
  return { problem: numberProblem(numberCell) };
}

/**
 * Checks one data row against what cli_add accepts, before anything is sent: a device id (a
 * positive whole number), a CLI number of digits only or a domain, banned yes or no, and an IVR
 * id that is a positive whole number or empty. Description and comment are free text.
 */
export function checkCliRow(record: readonly string[], columns: CliColumns, row: number): CheckedCliRow {
  const cell = (column: number | undefined): string => (column === undefined ? '' : (record[column] ?? '').trim());
  const device = cell(columns.device);
  const numberCell = cell(columns.number);
  const domainCell = cell(columns.domain);
  const description = cell(columns.description);
  const comment = cell(columns.comment);
  const bannedCell = cell(columns.banned);
  const ivrCell = cell(columns.ivr);
  const identity: RowIdentity = {
    row,
    device,
    cli: numberCell !== '' ? numberCell : domainCell,
    cells: { description, comment, banned: bannedCell, ivr: ivrCell },
  };
  const problems: string[] = [];

  const deviceId = positiveId(device);
  if (device === '') problems.push('No device id.');
  else if (deviceId === undefined) problems.push(`Device id "${device}" is not a positive whole number.`);

  const cli = cliOf(numberCell, domainCell);
  if (cli.problem !== undefined) problems.push(cli.problem);

  const banned = bannedCell === '' ? undefined : BANNED[bannedCell.toLowerCase()];
  if (bannedCell !== '' && banned === undefined) problems.push(`Banned must be yes or no (or 1/0, true/false), not "${bannedCell}".`);

  const ivrId = ivrCell === '' ? undefined : positiveId(ivrCell);
  if (ivrCell !== '' && ivrId === undefined) problems.push(`IVR id "${ivrCell}" is not a positive whole number.`);

  if (problems.length > 0 || deviceId === undefined) return { ...identity, ok: false, problem: problems.join(' ') };
  const request: CliRequest = {
    deviceId,
    ...(cli.number === undefined ? {} : { cliNumber: cli.number }),
    ...(cli.domain === undefined ? {} : { cliDomain: cli.domain }),
    ...(description === '' ? {} : { cliDescription: description }),
    ...(comment === '' ? {} : { comment }),
    ...(banned === undefined ? {} : { banned }),
    ...(ivrId === undefined ? {} : { ivrId }),
  };
  return { ...identity, ok: true, request };
}

/** What makes two rows the same CLI on MOR, which keeps each number or domain once. */
export function cliKey(request: CliRequest): string {
  return request.cliNumber !== undefined ? `number:${request.cliNumber}` : `domain:${(request.cliDomain ?? '').toLowerCase()}`;
}
