import type { IncomingHttpHeaders } from 'node:http';

/** One request as a simulated provider sees it: fully read, nothing streaming. */
export interface SimRequest {
  readonly method: string;
  /** The URL path as received, provider prefix included (C2 signs this exact path). */
  readonly path: string;
  /** The path after the provider prefix, e.g. /api/cli_add for /mor/api/cli_add. */
  readonly routePath: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface SimAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

export type SimHandler = (request: SimRequest) => Promise<SimAnswer>;

export function jsonAnswer(status: number, value: unknown): SimAnswer {
  return { status, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(value) };
}

export function textAnswer(status: number, text: string): SimAnswer {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

/** A header that may arrive repeated, as one string (or undefined). */
export function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
