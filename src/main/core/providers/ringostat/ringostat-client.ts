import { callHttp, type HttpFetch, type TransportFailure } from '../transport/http-call';
import { type CampaignRowOutcome, classifyCampaignRowAnswer } from './answer';

export interface RingostatConnection {
  /** https://api.ringostat.net, or the simulator's /ringostat. */
  readonly baseUrl: string;
  readonly projectId: string;
  readonly authKey: string;
}

export interface CampaignRow {
  readonly campaignId: string;
  /** International digits, with or without '+', as the profile says. */
  readonly phone: string;
  readonly name?: string;
}

export type RowCall = CampaignRowOutcome | { readonly kind: 'transport'; readonly failure: TransportFailure };

const TIMEOUT_MS = 30_000;

/** Ringostat Power Dialer: one number per request, with the provider's own answer classified. */
export class RingostatClient {
  constructor(
    private readonly connection: RingostatConnection,
    private readonly fetchFn: HttpFetch = fetch,
  ) {}

  async addRow(row: CampaignRow): Promise<RowCall> {
    const base = this.connection.baseUrl.replace(/\/+$/, '');
    const campaignId = Number(row.campaignId);
    const body = JSON.stringify({
      // The documented example sends the campaign id as a number.
      campaignId: Number.isSafeInteger(campaignId) ? campaignId : row.campaignId,
      ...(row.name ? { fio: row.name } : {}),
      phone_number: row.phone,
    });
    const result = await callHttp(
      this.fetchFn,
      `${base}/power-dialer/campaigns/campaign-rows`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-project-id': this.connection.projectId, 'auth-key': this.connection.authKey },
        body,
      },
      TIMEOUT_MS,
    );
    if (!result.ok) return { kind: 'transport', failure: result.failure };
    const { status, body: answer, headers } = result.answer;
    return classifyCampaignRowAnswer({ status, body: answer, retryAfter: headers.get('retry-after') }, { redact: [this.connection.authKey] });
  }
}
