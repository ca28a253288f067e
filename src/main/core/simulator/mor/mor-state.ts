import type { NumberLedger } from '../number-ledger';

/**
 * What a MOR server holds that the autodialer and CLI API touch. Only simple users own
 * campaigns; admin and accountant exist to make "You are not authorized" reachable.
 */
export type MorRole = 'user' | 'admin' | 'accountant';

export interface MorUser {
  readonly username: string;
  readonly role: MorRole;
}

export type MorCallResult = 'answered' | 'no_answer' | 'busy' | 'failed';

export interface MorCall {
  /** Unix seconds. */
  readonly at: number;
  readonly number: string;
  readonly result: MorCallResult;
  /** Billed seconds of the call. */
  readonly billsec: number;
}

export interface MorCampaign {
  readonly id: number;
  name: string;
  owner: string;
  /** The GUI setting "Allow duplicate numbers". */
  allowDuplicates: boolean;
  /** A campaign needs at least one action (PLAY, IVR, WAIT) to start. */
  hasActions: boolean;
  status: 'stopped' | 'running';
  /** Numbers in the campaign, in import order, duplicates included when allowed. */
  readonly numbers: string[];
  /** Every number that arrived in an upload, imported or not. */
  readonly received: NumberLedger;
  /** Each CSV file an upload brought that was read: its name and how many lines it carried, in arrival order. */
  readonly files: { readonly name: string; readonly lines: number }[];
  /** Sent back raw as ivr_poll_results_string; MOR documents no structure for it. */
  ivrPollResults: string;
  readonly calls: MorCall[];
}

export interface MorCli {
  readonly number?: string;
  readonly domain?: string;
  readonly description: string;
  readonly comment: string;
  readonly banned: boolean;
  readonly ivrId?: number;
}

export interface MorDevice {
  readonly id: number;
  owner: string;
  readonly clis: MorCli[];
}

export interface MorState {
  /** One API_Secret_Key for the whole server, as in SETTINGS > Setup > Settings > API. */
  apiSecret: string;
  /** Off means "Disable hash checking" is ticked. */
  hashChecking: boolean;
  /** "Allow GET API"; off by default, as on a real server. */
  allowGet: boolean;
  readonly users: Map<string, MorUser>;
  readonly campaigns: Map<number, MorCampaign>;
  readonly devices: Map<number, MorDevice>;
  readonly ivrIds: Set<number>;
}
