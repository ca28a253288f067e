import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PRELOAD_ONLY_CALLS } from '../../shared/channels';
import { MAX_UPLOAD_BYTES } from '../../shared/limits';
import { CONTENT_SECURITY_POLICY } from '../core/files/content-security-policy';
import { dispatch, type LogError } from '../core/rpc/dispatch';
import type { EmitEvent, HandlerTable } from '../core/rpc/handler-table';
import { EventStream } from './event-stream';
import { judgeRequest, sessionCookie } from './guard';
import { loadStatic } from './static-files';

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** When `port` cannot be had (taken, refused), listen on a free port instead of failing. */
  orFreePort?: boolean;
  rendererDir: string;
  bridgeFile: string;
  logError: LogError;
  /** Builds the handler table, given where its events go. */
  handlers: (emit: EmitEvent) => HandlerTable;
  /** Fixed only by tests; otherwise a fresh random token each start. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  events: EventStream;
  close(): Promise<void>;
}

// A base64 upload is 4/3 of the file, plus the JSON around it.
const MAX_BODY_BYTES = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 64 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The same handler table as the desktop app, served on 127.0.0.1 for a browser on this machine:
 * `POST /rpc/<call>` answers with the contract's result envelope, `GET /events` streams events.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const events = new EventStream();
  const handlers = options.handlers((event, payload) => events.send(event, payload));
  let port = options.port;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const verdict = judgeRequest(
      { method, path: url.pathname, urlToken: url.searchParams.get('token'), headers: req.headers },
      { token, port },
    );
    if (verdict.kind === 'refuse') {
      sendJson(res, verdict.status, { ok: false, error: { code: 'refused', message: `Refused: ${verdict.reason}.` } });
      return;
    }
    if (verdict.kind === 'login') {
      res.writeHead(303, { ...SECURITY_HEADERS, location: '/', 'set-cookie': sessionCookie(token) });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'refused', message: 'Use POST.' } });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { code: 'refused', message: 'Send application/json.' } });
      }
      const body = await readBody(req);
      if (body === null) {
        return sendJson(res, 413, { ok: false, error: { code: 'too-large', message: 'The request is too large.' } });
      }
      let input: unknown;
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'bad-input', message: 'The request is not JSON.' } });
      }
      // A malformed escape (/rpc/%E0%A4%A) is the caller's mistake, not a failure of the host.
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'bad-input', message: 'The call name is not valid.' } });
      }
      // The browser has no paths on disk; only the desktop preload may open a file by its path.
      if ((PRELOAD_ONLY_CALLS as readonly string[]).includes(name)) {
        return sendJson(res, 403, { ok: false, error: { code: 'refused', message: 'The browser cannot open a file by its path; drop the file instead.' } });
      }
      return sendJson(res, 200, await dispatch(handlers, name, input, options.logError));
    }
    if (url.pathname === '/events') {
      if (method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'refused', message: 'Use GET.' } });
      events.attach(res);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return sendJson(res, 405, { ok: false, error: { code: 'refused', message: 'Use GET.' } });
    }
    // Browsers ask for /favicon.ico on pages that name none (a refusal page); the app's icon is an SVG.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, SECURITY_HEADERS);
      res.end();
      return;
    }
    const file = await loadStatic(options.rendererDir, options.bridgeFile, url.pathname);
    if (file === null) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    send(res, 200, file.type, method === 'HEAD' ? '' : file.body);
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.logError('web host request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
      else res.end();
    });
  });
  const listen = (on: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const fail = (error: Error): void => reject(error);
      server.once('error', fail);
      server.listen(on, '127.0.0.1', () => {
        server.off('error', fail);
        resolve();
      });
    });
  try {
    await listen(options.port);
  } catch (error) {
    if (options.orFreePort !== true || options.port === 0) throw error;
    await listen(0);
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
