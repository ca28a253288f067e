import { z } from 'zod';

import { bodyExcerpt } from '../body-excerpt';
import { describeIsalesCode, ISALES_SUCCESS, ISALES_TOO_FAST } from './error-codes';

export type IsalesErrorKind =
  | 'signature-rejected'
  | 'rate-limited'
  | 'server-error'
  | 'http-error'
  | 'empty-body'
  | 'not-json'
  | 'provider-error'
  | 'unexpected-answer';

export interface IsalesError {
  readonly kind: IsalesErrorKind;
  readonly httpStatus: number;
  /** The failing resultCode/returnCode, when the body had one. */
  readonly code?: string;
  /** The documented meaning of `code`, when the docs list it. */
  readonly meaning?: string;
  /** iSales' own description, or a short quote of a body that could not be read. */
  readonly providerText: string;
  /** Whether sending the same request again later may succeed. */
  readonly retryable: boolean;
  readonly message: string;
}

export type IsalesAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IsalesError };

export interface IsalesHttpAnswer {
  readonly status: number;
  readonly body: string | Uint8Array;
}

export interface IsalesDecodeOptions {
  /** Values never to quote (the SFTP password of file/addServer), should iSales echo them. */
  readonly redact?: readonly string[];
}

export interface IsalesEnvelope {
  readonly description: string;
  readonly json: Readonly<Record<string, unknown>>;
}

const MESSAGES: Record<IsalesErrorKind, string> = {
  'signature-rejected':
    'iSales refused the request signature (HTTP 401). Check the AK/SK in this profile; if they are right, the signing scheme itself may differ on this server.',
  'rate-limited': 'iSales asked to slow down. Wait and send the same records again.',
  'server-error': 'The iSales server failed while handling the request; it may or may not have taken effect. Try again later.',
  'http-error': 'iSales refused the request at the HTTP level.',
  'empty-body': 'iSales answered with an empty body.',
  'not-json': 'iSales answered with something that is not JSON. Check the server address and port.',
  'provider-error': 'iSales refused the request.',
  'unexpected-answer': 'iSales answered without an error, but not in the form its documentation describes.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function codeField(json: Record<string, unknown>, key: string): string | undefined {
  const value = json[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

// Both code fields are documented on most answers; when they disagree the failing one counts.
function failingCode(json: Record<string, unknown>): string | undefined {
  const codes = [codeField(json, 'resultCode'), codeField(json, 'returnCode')].filter((c) => c !== undefined);
  if (codes.length === 0) return undefined;
  return codes.find((code) => code !== ISALES_SUCCESS) ?? ISALES_SUCCESS;
}

// Validation failures use the short {resultCode, description} shape instead of resultDesc.
function descriptionOf(json: Record<string, unknown>): string | undefined {
  for (const key of ['resultDesc', 'returnDesc', 'description']) {
    const value = json[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function httpKind(status: number): IsalesErrorKind | undefined {
  if (status === 401) return 'signature-rejected';
  if (status === 429) return 'rate-limited';
  if (status >= 500 && status <= 599) return 'server-error';
  if (status < 200 || status > 299) return 'http-error';
  return undefined;
}

function makeError(kind: IsalesErrorKind, status: number, providerText: string, code?: string): IsalesError {
  const meaning = code === undefined ? undefined : describeIsalesCode(code);
  const detail = code === undefined ? '' : ` Code ${code}${meaning === undefined ? '' : `: ${meaning}`}.`;
  return {
    kind,
    httpStatus: status,
    ...(code === undefined ? {} : { code }),
    ...(meaning === undefined ? {} : { meaning }),
    providerText,
    retryable: kind === 'rate-limited' || kind === 'server-error',
    message: `${MESSAGES[kind]}${detail}`,
  };
}

const fail = (error: IsalesError): { readonly ok: false; readonly error: IsalesError } => ({ ok: false, error });

/**
 * Reads any iSales openapi answer: HTTP status first (401 = signature), then the JSON codes,
 * where 0200000 is success. Never throws.
 */
export function decodeIsalesAnswer(
  answer: IsalesHttpAnswer,
  options: IsalesDecodeOptions = {},
): IsalesAnswer<IsalesEnvelope> {
  const text = typeof answer.body === 'string' ? answer.body : new TextDecoder('utf-8').decode(answer.body);
  const json = parseJson(text);
  const record = isRecord(json) ? json : undefined;
  const code = record === undefined ? undefined : failingCode(record);
  const said = (record === undefined ? undefined : descriptionOf(record)) ?? text;
  const quoted = bodyExcerpt(said, options);

  const byStatus = httpKind(answer.status);
  if (byStatus !== undefined) return fail(makeError(byStatus, answer.status, quoted, code));
  if (text.trim() === '') return fail(makeError('empty-body', answer.status, ''));
  if (json === undefined) return fail(makeError('not-json', answer.status, quoted));
  if (record === undefined || code === undefined) return fail(makeError('unexpected-answer', answer.status, quoted));
  if (code !== ISALES_SUCCESS) {
    const kind = code === ISALES_TOO_FAST ? 'rate-limited' : 'provider-error';
    return fail(makeError(kind, answer.status, quoted, code));
  }
  return { ok: true, value: { description: descriptionOf(record) ?? '', json: record } };
}

function unexpected(
  status: number,
  json: Readonly<Record<string, unknown>>,
  options: IsalesDecodeOptions,
): { ok: false; error: IsalesError } {
  return fail(makeError('unexpected-answer', status, bodyExcerpt(JSON.stringify(json), options)));
}

export interface UploadFileServerResult {
  readonly importTaskId: string;
  readonly description: string;
}

/** calldatafile/uploadFileServer: success carries the importTaskId to poll. */
export function parseUploadFileServerAnswer(
  answer: IsalesHttpAnswer,
  options: IsalesDecodeOptions = {},
): IsalesAnswer<UploadFileServerResult> {
  const decoded = decodeIsalesAnswer(answer, options);
  if (!decoded.ok) return decoded;
  const id = decoded.value.json.importTaskId;
  if (typeof id !== 'string' || id === '') return unexpected(answer.status, decoded.value.json, options);
  return { ok: true, value: { importTaskId: id, description: decoded.value.description } };
}

export type ImportTaskStatus = 'preparing' | 'running' | 'completed' | 'failed';

export interface ImportTask {
  readonly id: string;
  readonly status: ImportTaskStatus;
  /** Completed or failed: polling can stop. */
  readonly finished: boolean;
  readonly beginTime?: string;
  readonly endTime?: string;
  readonly succNum?: number;
  readonly repeatNum?: number;
  readonly failNum?: number;
  /** Numbers written back to the blocklist. */
  readonly blackNum?: number;
  readonly errMsg?: string;
}

export interface ImportTaskQueryResult {
  readonly count?: number;
  readonly tasks: readonly ImportTask[];
}

const STATUS_BY_CODE: Record<'0' | '1' | '2' | '3', ImportTaskStatus> = {
  '0': 'preparing',
  '1': 'running',
  '2': 'completed',
  '3': 'failed',
};

// The field types of the counts could not be read from the docs, so numbers and digit strings
// are both accepted.
const count = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)])
  .nullish()
  .transform((value) => value ?? undefined);
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

const taskSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  status: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.enum(['0', '1', '2', '3'])),
  beginTime: text,
  endTime: text,
  succNum: count,
  repeatNum: count,
  failNum: count,
  blackNum: count,
  errMsg: text,
});

const querySchema = z.object({
  count,
  result: z.array(taskSchema).nullish(),
});

function toTask(parsed: z.infer<typeof taskSchema>): ImportTask {
  const status = STATUS_BY_CODE[parsed.status];
  return { ...parsed, status, finished: status === 'completed' || status === 'failed' };
}

/** calldatafile/queryDataImportTask: one entry per import task, status "0"-"3". */
export function parseImportTaskQuery(
  answer: IsalesHttpAnswer,
  options: IsalesDecodeOptions = {},
): IsalesAnswer<ImportTaskQueryResult> {
  const decoded = decodeIsalesAnswer(answer, options);
  if (!decoded.ok) return decoded;
  const parsed = querySchema.safeParse(decoded.value.json);
  if (!parsed.success) return unexpected(answer.status, decoded.value.json, options);
  return { ok: true, value: { count: parsed.data.count, tasks: (parsed.data.result ?? []).map(toTask) } };
}
