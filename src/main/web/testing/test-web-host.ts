import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { LogError } from '../../core/rpc/dispatch';
import { testHandlers } from '../../core/testing/test-handlers';
import { startWebHost, type WebHost } from '../server';

/** A web host over the real handler table, serving a stand-in page and bridge from a fresh folder. */
export async function startTestWebHost(logError: LogError): Promise<WebHost> {
  const dir = await mkdtemp(join(tmpdir(), 'dialsheet-web-'));
  await writeFile(join(dir, 'index.html'), '<html><head><script type="module" src="./assets/app.js"></script></head></html>');
  await writeFile(join(dir, 'bridge.js'), 'window.bridgeLoaded = true;');
  return startWebHost({
    port: 0,
    rendererDir: dir,
    bridgeFile: join(dir, 'bridge.js'),
    logError,
    handlers: (emit) => testHandlers((event) => emit('sheetProgress', event)),
  });
}
