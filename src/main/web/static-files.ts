import { readFile } from 'node:fs/promises';

import { contentTypeOf, resolveInside } from '../core/files/resolve-inside';

export const BRIDGE_PATH = '/web-bridge.js';

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * The renderer's built files. index.html gets one extra classic script before the app's
 * module: the web bridge, which defines window.dialsheet over HTTP as the preload does over IPC.
 */
export async function loadStatic(rendererDir: string, bridgeFile: string, urlPath: string): Promise<StaticFile | null> {
  if (urlPath === BRIDGE_PATH) {
    return { body: await readFile(bridgeFile), type: contentTypeOf(bridgeFile) };
  }
  const file = resolveInside(rendererDir, urlPath);
  if (file === null) return null;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return null;
  }
  if (file.endsWith('index.html')) {
    const html = body.toString('utf8').replace('<script', `<script src="${BRIDGE_PATH}"></script>\n    <script`);
    body = Buffer.from(html, 'utf8');
  }
  return { body, type: contentTypeOf(file) };
}
