import { gunzipSync } from 'node:zlib';

import { signC2, type C2Credentials, type C2Encoding } from '../../providers/isales/c2-signer';
import { morHash } from '../../providers/mor/hash';
import type { Simulator } from '../start-simulator';

/** An answer read in full, as bytes and as text (gunzipped when it starts with the gzip magic). */
export interface ReadAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
  readonly text: string;
}

async function readAnswer(response: Response): Promise<ReadAnswer> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : Buffer.from(bytes);
  return { status: response.status, headers: response.headers, bytes, text: plain.toString('utf8') };
}

export interface MorFile {
  readonly name: string;
  readonly content: string;
}

export interface MorCallOptions {
  /** Put the fields in the query string (the wiki's curl example) instead of the form body. */
  readonly inQuery?: boolean;
  readonly file?: MorFile;
  readonly method?: 'POST' | 'GET';
}

/** A MOR API call, as multipart when a file goes along, else as a urlencoded form. */
export async function morCall(sim: Simulator, method: string, fields: Readonly<Record<string, string>>, options: MorCallOptions = {}): Promise<ReadAnswer> {
  const url = new URL(`${sim.urls.mor}/api/${method}`);
  if (options.inQuery === true || options.method === 'GET') for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  let body: FormData | URLSearchParams | undefined;
  if (options.file !== undefined) {
    const form = new FormData();
    if (options.inQuery !== true) for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([options.file.content], { type: 'text/csv' }), options.file.name);
    body = form;
  } else if (options.inQuery !== true && options.method !== 'GET') {
    body = new URLSearchParams(fields);
  }
  return readAnswer(await fetch(url, { method: options.method ?? 'POST', ...(body === undefined ? {} : { body }) }));
}

/** Fields for a MOR method hashed over `hashed` (values in documented order) with the demo secret. */
export function signedMorFields(sim: Simulator, fields: Readonly<Record<string, string>>, hashed: readonly string[], secret?: string): Record<string, string> {
  return { ...fields, hash: morHash(hashed, secret ?? sim.credentials.mor.apiSecret) };
}

export interface RingostatCallOptions {
  readonly authKey?: string;
  readonly projectId?: string;
  readonly rawBody?: string;
}

export async function ringostatCall(sim: Simulator, body: unknown, options: RingostatCallOptions = {}): Promise<ReadAnswer> {
  const { projectId, authKey } = sim.credentials.ringostat;
  return readAnswer(
    await fetch(`${sim.urls.ringostat}/power-dialer/campaigns/campaign-rows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-project-id': options.projectId ?? projectId, 'auth-key': options.authKey ?? authKey },
      body: options.rawBody ?? JSON.stringify(body),
    }),
  );
}

export interface IsalesCallOptions {
  readonly credentials?: C2Credentials;
  readonly encoding?: C2Encoding;
  readonly time?: Date;
  /** Sent instead of the signed body: a request changed after signing. */
  readonly tamperedBody?: string;
  readonly rawBody?: string;
}

/** A C2-signed iSales call; `path` is what follows the /isales base URL. */
export async function isalesCall(sim: Simulator, path: string, body: unknown, options: IsalesCallOptions = {}): Promise<ReadAnswer> {
  const url = new URL(`${sim.urls.isales}${path}`);
  const text = options.rawBody ?? JSON.stringify(body);
  const contentType = 'application/json; charset=UTF-8';
  const signed = { 'content-type': contentType, host: url.host, 'content-length': String(Buffer.byteLength(text)) };
  const credentials = options.credentials ?? { accessKey: sim.credentials.isales.accessKey, secretKey: sim.credentials.isales.secretKey };
  const { authorization } = signC2({ method: 'POST', path: url.pathname, headers: signed, body: text }, credentials, {
    time: options.time ?? new Date(),
    encoding: options.encoding ?? 'hex',
  });
  return readAnswer(
    await fetch(url, { method: 'POST', headers: { 'content-type': contentType, authorization }, body: options.tamperedBody ?? text }),
  );
}

export function isalesPath(sim: Simulator, api: 'uploadFileServer' | 'queryDataImportTask' | 'calldata', campaignId: string, vdnId = sim.credentials.isales.vdnId): string {
  const tail = api === 'calldata' ? `calldata/${campaignId}` : `calldatafile/${api}/${campaignId}`;
  return `/rest/isales/v1/openapi/campaigns/${vdnId}/${tail}`;
}

export function jsonOf(answer: ReadAnswer): Record<string, unknown> {
  return JSON.parse(answer.text) as Record<string, unknown>;
}
