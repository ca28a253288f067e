import { readFile } from 'node:fs/promises';

import type { Protocol } from 'electron';

import { CONTENT_SECURITY_POLICY } from '../core/files/content-security-policy';
import { contentTypeOf, resolveInside } from '../core/files/resolve-inside';
import { APP_HOST, APP_SCHEME } from './trusted-urls';

/** Must run before the app is ready: app:// behaves as a secure, standard origin. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer from app://dialsheet/: GET only, nothing outside `rendererDir`. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET') return plain(405, 'Method not allowed');
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return plain(404, 'Not found');
  const file = resolveInside(rendererDir, url.pathname);
  if (file === null) return plain(403, 'Forbidden');
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return plain(404, 'Not found');
  }
}

export function handleAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
