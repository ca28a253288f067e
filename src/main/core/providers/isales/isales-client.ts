import type { TransportFailure } from '../transport/http-call';
import { callHttp, type HttpFetch } from '../transport/http-call';
import {
  decodeIsalesAnswer,
  type ImportTaskQueryResult,
  type IsalesAnswer,
  type IsalesEnvelope,
  parseImportTaskQuery,
  parseUploadFileServerAnswer,
  type UploadFileServerResult,
} from './answer';
import { type C2Encoding, signC2 } from './c2-signer';

export interface IsalesConnection {
  /** Up to the server, e.g. https://isales.example.com:28443 (the simulator adds /isales). */
  readonly baseUrl: string;
  readonly vdnId: number;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly encoding: C2Encoding;
}

export interface FileServerImport {
  readonly serverId: string;
  /** Relative to the file server's default directory, as registered in iSales. */
  readonly filePath: string;
  readonly fileName: string;
  /** Both or neither: a scheduled import (error 02000010 otherwise). */
  readonly at?: { readonly hour: number; readonly minute: number };
}

export interface CallDataRecord {
  readonly sessionId?: string;
  readonly called: string;
}

export type IsalesCall<T> = IsalesAnswer<T> | { readonly ok: false; readonly transport: TransportFailure };

const TIMEOUT_MS = 60_000;
/** Documented: at most 20 records per add-numbers call. */
export const MAX_RECORDS_PER_ADD = 20;

/** Huawei CC-iSales openapi, every request C2-signed (see c2-signer.ts for what is unconfirmed). */
export class IsalesClient {
  constructor(
    private readonly connection: IsalesConnection,
    private readonly fetchFn: HttpFetch = fetch,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async post<T>(
    tail: string,
    payload: unknown,
    parse: (answer: { status: number; body: Uint8Array }) => IsalesAnswer<T>,
  ): Promise<IsalesCall<T>> {
    const { baseUrl, vdnId, accessKey, secretKey, encoding } = this.connection;
    const url = new URL(`${baseUrl.replace(/\/+$/, '')}/rest/isales/v1/openapi/campaigns/${vdnId}/${tail}`);
    const body = JSON.stringify(payload);
    const headers = {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': String(Buffer.byteLength(body)),
      host: url.host,
    };
    const { authorization } = signC2({ method: 'POST', path: url.pathname, headers, body }, { accessKey, secretKey }, { time: this.clock(), encoding });
    // fetch sets Host and Content-Length itself, to the same values that were signed.
    const result = await callHttp(
      this.fetchFn,
      url.toString(),
      { method: 'POST', headers: { 'content-type': headers['content-type'], authorization }, body },
      TIMEOUT_MS,
    );
    if (!result.ok) return { ok: false, transport: result.failure };
    return parse({ status: result.answer.status, body: result.answer.body });
  }

  uploadFileServer(campaignId: string, file: FileServerImport): Promise<IsalesCall<UploadFileServerResult>> {
    const payload = {
      serverId: file.serverId,
      filePath: file.filePath,
      fileName: file.fileName,
      ...(file.at ? { hour: String(file.at.hour), minute: String(file.at.minute) } : {}),
    };
    return this.post(`calldatafile/uploadFileServer/${encodeURIComponent(campaignId)}`, payload, (a) =>
      parseUploadFileServerAnswer(a, { redact: [this.connection.secretKey] }),
    );
  }

  queryImportTasks(campaignId: string, importTaskIds: readonly string[]): Promise<IsalesCall<ImportTaskQueryResult>> {
    return this.post(`calldatafile/queryDataImportTask/${encodeURIComponent(campaignId)}`, { offset: 0, limit: 100, importTaskIds }, (a) =>
      parseImportTaskQuery(a, { redact: [this.connection.secretKey] }),
    );
  }

  /** The JSON path for users without an SFTP server: at most 20 records, and at least 1 s between calls. */
  addCallData(campaignId: string, records: readonly CallDataRecord[]): Promise<IsalesCall<IsalesEnvelope>> {
    if (records.length > MAX_RECORDS_PER_ADD) throw new RangeError(`at most ${MAX_RECORDS_PER_ADD} records per call`);
    return this.post(`calldata/${encodeURIComponent(campaignId)}`, { callDataList: records }, (a) =>
      decodeIsalesAnswer(a, { redact: [this.connection.secretKey] }),
    );
  }
}
