import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { LogError } from '../../core/rpc/dispatch';
import { testHandlers } from '../../core/testing/test-handlers';
import { startWebHost, type WebHost, type WebHostOptions } from '../server';

/** All a web host needs but its port: the real handler table, a stand-in page and bridge in a fresh folder. */
export async function testWebHostOptions(logError: LogError): Promise<Omit<WebHostOptions, 'port'>> {
  const dir = await mkdtemp(join(tmpdir(), 'dialsheet-web-'));
  await writeFile(join(dir, 'index.html'), '<html><head><script type="module" src="./assets/app.js"></script></head></html>');
  await writeFile(join(dir, 'bridge.js'), 'window.bridgeLoaded = true;');
  return {
    rendererDir: dir,
    bridgeFile: join(dir, 'bridge.js'),
    logError,
    handlers: (emit) => testHandlers((event) => emit('sheetProgress', event)),
  };
}

/** A web host on a free port over the real handler table, serving a stand-in page and bridge. */
export async function startTestWebHost(logError: LogError): Promise<WebHost> {
  return startWebHost({ ...(await testWebHostOptions(logError)), port: 0 });
}
