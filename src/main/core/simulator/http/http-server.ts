import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PROVIDER_NAMES, type FaultDecision, type FaultPlan, type ProviderName } from '../faults/faults';
import type { TimerBag } from '../timer-bag';
import { readBody } from './read-body';
import { textAnswer, type SimAnswer, type SimHandler, type SimRequest } from './sim-http';
import { writeAnswer } from './write-answer';

export const SIM_HTTP_HOST = '127.0.0.1';

/** Far above any real upload in tests or the demo; a bound, not a provider rule. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface SimHttpServerOptions {
  readonly port: number;
  readonly handlers: Readonly<Record<ProviderName, SimHandler>>;
  readonly faults: FaultPlan;
  readonly timers: TimerBag;
  readonly maxBodyBytes?: number;
  /** Told about handler crashes (a simulator bug); the client only sees a bare 500. */
  readonly onError?: (error: unknown) => void;
}

export interface RunningSimHttpServer {
  readonly port: number;
  close(): Promise<void>;
}

// Shaped like nginx's page, as a load balancer in front of a real provider would send it.
const SERVICE_UNAVAILABLE =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n';

// Closing the connection discards the rest of the upload instead of reading it in.
const PAYLOAD_TOO_LARGE: SimAnswer = { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }, body: 'Payload Too Large' };

function faultAnswer(decision: FaultDecision): SimAnswer | undefined {
  if (decision.kind === 'server-error') {
    return { status: 503, headers: { 'content-type': 'text/html' }, body: SERVICE_UNAVAILABLE };
  }
  if (decision.kind === 'too-many-requests') {
    return { status: 429, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(decision.retryAfterSeconds) }, body: 'Too Many Requests' };
  }
  return undefined;
}

function splitPrefix(pathname: string): { provider: ProviderName; routePath: string } | undefined {
  for (const provider of PROVIDER_NAMES) {
    const prefix = `/${provider}`;
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      return { provider, routePath: pathname.slice(prefix.length) || '/' };
    }
  }
  return undefined;
}

class SimHttpHandler {
  constructor(private readonly options: SimHttpServerOptions) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    const target = splitPrefix(url.pathname);
    if (target === undefined) {
      await this.send(response, textAnswer(404, 'Not Found'), undefined);
      return;
    }
    const decision = this.options.faults.decide(target.provider);
    if (decision.kind === 'reset' && decision.point === 'before-handling') {
      request.socket.destroy();
      return;
    }
    const body = await readBody(request, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (!body.ok) {
      if (body.reason === 'too-large') await this.send(response, PAYLOAD_TOO_LARGE, target.provider);
      return;
    }
    const simRequest: SimRequest = { method: request.method ?? 'GET', path: url.pathname, routePath: target.routePath, query: url.searchParams, headers: request.headers, body: body.body };
    const answer = faultAnswer(decision) ?? (await this.run(target.provider, simRequest));
    if (decision.kind === 'reset') {
      // after-handling: the request took effect, only its answer is lost.
      request.socket.destroy();
      return;
    }
    await this.send(response, answer, target.provider);
  }

  private async run(provider: ProviderName, request: SimRequest): Promise<SimAnswer> {
    try {
      return await this.options.handlers[provider](request);
    } catch (error) {
      this.options.onError?.(error);
      return textAnswer(500, 'Internal Server Error');
    }
  }

  private async send(response: ServerResponse, answer: SimAnswer, provider: ProviderName | undefined): Promise<void> {
    const { faults, timers } = this.options;
    if (provider !== undefined) await timers.sleep(faults.latencyMs(provider));
    if (response.destroyed || timers.isClosed) return;
    const slowBody = provider === undefined ? undefined : faults.slowBody(provider);
    await writeAnswer(response, answer, { timers, ...(slowBody === undefined ? {} : { slowBody }) });
  }
}

/** One HTTP server for the three simulated APIs, told apart by their path prefix. */
export async function startSimHttpServer(options: SimHttpServerOptions): Promise<RunningSimHttpServer> {
  const handler = new SimHttpHandler(options);
  const server = createServer((request, response) => {
    handler.handle(request, response).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, SIM_HTTP_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
