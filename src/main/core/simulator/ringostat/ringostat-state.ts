import type { NumberLedger } from '../number-ledger';

export interface RingostatRow {
  readonly phoneNumber: string;
  readonly fio?: string;
  readonly at: Date;
}

export interface RingostatCampaign {
  readonly id: number;
  name: string;
  /** Every accepted row, in arrival order; Ringostat is not known to drop repeats, so neither does this. */
  readonly rows: RingostatRow[];
  /** Arrival count per phone_number, for exactly-once checks. */
  readonly received: NumberLedger;
}

export interface RingostatProject {
  readonly projectId: string;
  /** The project's Auth-key (Settings > Integration > Ringostat API). */
  authKey: string;
  readonly campaigns: Map<number, RingostatCampaign>;
}

export interface RingostatState {
  readonly projects: Map<string, RingostatProject>;
}
