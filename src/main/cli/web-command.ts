import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { startWebHost } from '../web/server';

export interface WebCommandOptions {
  port: number;
  outDir: string;
}

/** `dialsheet web`: serves the app on 127.0.0.1 and prints the URL to open. */
export async function runWebCommand(options: WebCommandOptions): Promise<void> {
  const rendererDir = join(options.outDir, 'renderer');
  const bridgeFile = join(options.outDir, 'web', 'web-bridge.js');
  if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(bridgeFile)) {
    throw new Error('The app is not built yet. Run `npm run build` (or `npm run web`, which builds first).');
  }
  const host = await startWebHost({
    port: options.port,
    rendererDir,
    bridgeFile,
    logError: (message, error) => console.error(`[dialsheet] ${message}`, error),
  });
  console.log('Dialsheet is running for this computer only. Open this address in a browser:');
  console.log('');
  console.log(`  ${host.url}`);
  console.log('');
  console.log('The address carries a fresh key each start; keep it to yourself. Press Ctrl+C to stop.');
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
