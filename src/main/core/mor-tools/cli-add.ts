import type { MorClient } from '../providers/mor/mor-client';
import type { CheckedCliRow } from './cli-row-check';
import { describeMorFailure, isMorRefusal, type MorFailure, type MorHints, refusesTheAccount, withoutSecret } from './mor-failure';

/** Said after an invalid row's problem in the receipt; the check before the send says it will not be. */
export const NOT_SENT = 'The row was not sent.';

/**
 * Where each CLI row ended. added: MOR said "CLI successfully created". rejected: not added, and
 * the message says why (MOR's words, or that the run stopped before the row was sent).
 * invalid: never sent, it failed the checks. unknown: sent, and the answer was lost or unreadable,
 * so MOR may hold it: it is not sent again on its own; look on MOR before adding it once more.
 */
export type CliAddStatus = 'added' | 'rejected' | 'invalid' | 'unknown';

export interface CliAddOutcome {
  readonly row: number;
  readonly device: string;
  readonly cli: string;
  readonly status: CliAddStatus;
  readonly message: string;
}

export interface CliAddReport {
  readonly added: number;
  readonly rejected: number;
  readonly invalid: number;
  readonly unknown: number;
  readonly rows: readonly CliAddOutcome[];
}

export interface CliAddOptions {
  readonly apiSecret: string;
  /** Told of each row as it ends, in sheet order, so a long run shows progress. */
  readonly onOutcome?: (outcome: CliAddOutcome) => void;
  /** A pause between requests; MOR documents no rate limit, so a little courtesy is the default. */
  readonly pauseMs?: number;
}

export type CliAddClient = Pick<MorClient, 'addCli'>;

const DEFAULT_PAUSE_MS = 100;

// The general advice for "not authorised" speaks of campaigns; cli_add's page speaks of devices.
const CLI_ADD_HINTS: MorHints = {
  'not-authorized':
    'This MOR user may not add a CLI to this device. Check that the device belongs to this user (an admin or reseller: to one of its own users); an accountant needs the "Manage Devices" permission.',
};

function outcomeOfFailure(row: CheckedCliRow, failure: MorFailure, apiSecret: string): CliAddOutcome {
  const message = describeMorFailure(failure, apiSecret, CLI_ADD_HINTS);
  const { row: at, device, cli } = row;
  if (isMorRefusal(failure)) return { row: at, device, cli, status: 'rejected', message };
  if ('transport' in failure && !failure.transport.mayHaveArrived) return { row: at, device, cli, status: 'rejected', message: `Not sent: ${message}` };
  return {
    row: at,
    device,
    cli,
    status: 'unknown',
    message: `${message} MOR may have added this CLI before the answer was lost; check the device on MOR before adding it again.`,
  };
}

/** Whether to send nothing more after this outcome, and why, for the rows left. */
function stopReason(outcome: CliAddOutcome, failure: MorFailure, apiSecret: string): string | undefined {
  if (refusesTheAccount(failure) && 'error' in failure) {
    return `MOR refused this profile at row ${outcome.row} ("${withoutSecret(failure.error.providerText, apiSecret)}"); fix the profile and add this row again`;
  }
  // A lost or unreadable answer says the server is not working as MOR should: more requests would only pile up more of them.
  if (!isMorRefusal(failure)) return `the server could not be reached or did not answer as MOR does at row ${outcome.row}; add this row again once it does`;
  return undefined;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one cli_add per valid row, one at a time, in sheet order. Nothing is ever sent twice: a
 * request whose answer was lost ends `unknown`, and after an answer that shows the profile or the
 * server is not working (wrong secret, unknown user, lost connection, a web page instead of XML)
 * the remaining rows are not sent at all and say so.
 */
export async function addClis(client: CliAddClient, rows: readonly CheckedCliRow[], options: CliAddOptions): Promise<CliAddReport> {
  const outcomes: CliAddOutcome[] = [];
  const pauseMs = options.pauseMs ?? DEFAULT_PAUSE_MS;
  let stopped: string | undefined;
  let sent = 0;
  for (const row of rows) {
    const { row: at, device, cli } = row;
    let outcome: CliAddOutcome;
    if (!row.ok) outcome = { row: at, device, cli, status: 'invalid', message: `${row.problem} ${NOT_SENT}` };
    else if (stopped !== undefined) outcome = { row: at, device, cli, status: 'rejected', message: `Not sent: ${stopped}.` };
    else {
      if (sent > 0 && pauseMs > 0) await pause(pauseMs);
      sent += 1;
      const call = await client.addCli(row.request);
      if (call.ok) outcome = { row: at, device, cli, status: 'added', message: call.value.text };
      else {
        outcome = outcomeOfFailure(row, call, options.apiSecret);
        stopped = stopReason(outcome, call, options.apiSecret);
      }
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }
  const count = (status: CliAddStatus): number => outcomes.filter((o) => o.status === status).length;
  return { added: count('added'), rejected: count('rejected'), invalid: count('invalid'), unknown: count('unknown'), rows: outcomes };
}
