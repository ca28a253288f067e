import type { NumberLedger } from '../number-ledger';

export interface IsalesRecord {
  readonly dataId: string;
  readonly sessionId: string;
  /** Every calledNo of the row, in order. */
  readonly called: readonly string[];
  readonly via: 'file' | 'api';
}

export interface IsalesCampaign {
  readonly vdnId: number;
  readonly id: string;
  name: string;
  /** False models a state that forbids appending (0200019), such as an ended campaign. */
  acceptsNumbers: boolean;
  /** Documented: at most 200,000 uncompleted numbers per campaign (0200020). */
  maxUncompleted: number;
  readonly records: IsalesRecord[];
  /** Every calledNo held, for the uniqueness rule. */
  readonly numbers: Set<string>;
  /** Every calledNo that arrived, by file or by API, accepted or not. */
  readonly received: NumberLedger;
  /** When the JSON add-numbers API last let a call through, for the 1-second rule. */
  lastAddAt?: number;
}

/** "0" preparing, "1" running, "2" completed, "3" failed, as queryDataImportTask reports it. */
export type ImportTaskStatus = '0' | '1' | '2' | '3';

export interface IsalesImportTask {
  readonly id: string;
  readonly vdnId: number;
  readonly campaignId: string;
  /** The file's absolute path on the simulated file server. */
  readonly file: string;
  readonly createdAt: Date;
  /** Set when the request gave hour and minute: the task waits until then. */
  readonly scheduledFor?: Date;
  status: ImportTaskStatus;
  beginTime?: Date;
  endTime?: Date;
  succNum: number;
  repeatNum: number;
  failNum: number;
  blackNum: number;
  errMsg: string;
}

export interface IsalesAccessKey {
  readonly secretKey: string;
  /** The tenants (VDNs) this AK may act for. */
  readonly vdnIds: readonly number[];
}

export interface IsalesFileServer {
  readonly serverId: string;
  readonly vdnId: number;
  /** The server's default directory (addServer's serverInfo.filePath); filePath is relative to it. */
  readonly root: string;
}

export interface IsalesState {
  readonly accessKeys: Map<string, IsalesAccessKey>;
  readonly fileServers: Map<string, IsalesFileServer>;
  /** Keyed by `${vdnId}/${campaignId}`; see isalesCampaignKey. */
  readonly campaigns: Map<string, IsalesCampaign>;
  readonly importTasks: Map<string, IsalesImportTask>;
  /** Numbers no campaign may take (0200024; blackNum in file imports). */
  readonly blocklist: Set<string>;
}

export function isalesCampaignKey(vdnId: number, campaignId: string): string {
  return `${vdnId}/${campaignId}`;
}
