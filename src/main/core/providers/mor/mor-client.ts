import { type HttpFetch, callHttp, type TransportFailure } from '../transport/http-call';
import {
  type CliAddResult,
  type IvrPollResults,
  type MorAnswer,
  type MorDecoded,
  decodeMorAnswer,
  parseCliAddResult,
  parseIvrPollResults,
  parseUploadResult,
  type UploadResult,
} from './answer';
import { type CliAddParams, cliAddHash, cliAddHashedFields, ivrPollResultsHash, morHash, uploadNumbersHash } from './hash';
import type { UploadFile } from './upload-file';

export interface MorConnection {
  /** Up to the folder holding `api/`, e.g. https://billing.example.com/billing */
  readonly baseUrl: string;
  /** The API user, `u`: for uploads the simple user who owns the campaign. */
  readonly user: string;
  readonly apiSecret: string;
}

export type MorCall<T> = MorAnswer<T> | { readonly ok: false; readonly transport: TransportFailure };

const TIMEOUT_MS = 60_000;

/**
 * Kolmisoft MOR's autodialer and CLI API: every answer decided from the XML (HTTP 200 even for
 * errors), a gzipped body recognised by its magic bytes, and the secret used only in the hash.
 */
export class MorClient {
  constructor(
    private readonly connection: MorConnection,
    private readonly fetchFn: HttpFetch = fetch,
  ) {}

  private url(method: string, params: Record<string, string>): string {
    const base = this.connection.baseUrl.replace(/\/+$/, '');
    return `${base}/api/${method}?${new URLSearchParams(params).toString()}`;
  }

  private async post<T>(url: string, body: RequestInit['body'] | undefined, parse: (bytes: Uint8Array) => MorAnswer<T>): Promise<MorCall<T>> {
    const result = await callHttp(this.fetchFn, url, { method: 'POST', ...(body === undefined ? {} : { body }) }, TIMEOUT_MS);
    if (!result.ok) return { ok: false, transport: result.failure };
    return parse(result.answer.body);
  }

  /** One file of numbers into a campaign; MOR says only how many of them it took. */
  uploadNumbers(campaignId: string, file: UploadFile): Promise<MorCall<UploadResult>> {
    const { user: u, apiSecret } = this.connection;
    const hash = uploadNumbersHash({ id: campaignId }, apiSecret);
    const form = new FormData();
    form.set('file', new Blob([file.bytes], { type: 'text/csv' }), file.name);
    return this.post(this.url('autodialer_upload_numbers', { u, id: campaignId, hash }), form, parseUploadResult);
  }

  ivrPollResults(campaignId: string): Promise<MorCall<IvrPollResults>> {
    const { user: u, apiSecret } = this.connection;
    const hash = ivrPollResultsHash({ u, id: campaignId }, apiSecret);
    return this.post(this.url('autodialer_get_campaign_ivr_poll_results', { u, id: campaignId, hash }), undefined, parseIvrPollResults);
  }

  /** Today's statistics of a campaign; also the side-effect-free probe of a connection. */
  campaignStatistics(campaignId: string): Promise<MorCall<MorDecoded>> {
    const { user: u, apiSecret } = this.connection;
    const hash = morHash([u, campaignId], apiSecret);
    return this.post(this.url('autodialer_get_campaign_statistics', { u, id: campaignId, hash }), undefined, (b) => decodeMorAnswer(b));
  }

  /** MOR toggles: the answer says whether the campaign is now started or stopped. */
  toggleCampaign(campaignId: string): Promise<MorCall<MorDecoded>> {
    const { user: u, apiSecret } = this.connection;
    const hash = morHash([u, campaignId], apiSecret);
    return this.post(this.url('autodialer_change_campaign_status', { u, id: campaignId, hash }), undefined, (b) => decodeMorAnswer(b));
  }

  /** One CLI on a device; `cliDomain` (a SIP domain instead of a number) is sent but not hashed, as documented. */
  addCli(params: CliAddParams & { readonly cliDomain?: string }): Promise<MorCall<CliAddResult>> {
    const query: Record<string, string> = { u: this.connection.user };
    for (const [name, value] of cliAddHashedFields(params)) query[name] = value;
    if (params.cliDomain !== undefined) query.cli_domain = params.cliDomain;
    query.hash = cliAddHash(params, this.connection.apiSecret);
    return this.post(this.url('cli_add', query), undefined, parseCliAddResult);
  }
}
