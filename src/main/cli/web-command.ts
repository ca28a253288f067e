import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { appDataDir, terminalLocale } from '../core/app-data-dir';
import { createHandlers } from '../core/handlers';
import { workerIntake } from '../core/intake/worker/worker-intake';
import { countryFromLocale } from '../core/locale-country';
import { embeddedDemo } from '../core/profiles-service/embedded-demo';
import { ProfilesService } from '../core/profiles-service/profiles-service';
import type { LogError } from '../core/rpc/dispatch';
import { KeyFileSecretBox } from '../core/store/secrets/key-file-secret-box';
import { startWebHostOnRememberedPort } from '../web/remembered-port';

export interface WebCommandOptions {
  /** --port as given (0: a free port); undefined: the port of the last start without --port. */
  port: number | undefined;
  outDir: string;
}

/** `dialsheet web`: serves the app on 127.0.0.1 and prints the URL to open. */
export async function runWebCommand(options: WebCommandOptions): Promise<void> {
  const rendererDir = join(options.outDir, 'renderer');
  const bridgeFile = join(options.outDir, 'web', 'web-bridge.js');
  if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(bridgeFile)) {
    throw new Error('The app is not built yet. Run `npm run build` (or `npm run web`, which builds first).');
  }
  const logError: LogError = (message, error) => console.error(`[dialsheet] ${message}`, error);
  const defaultCountry = countryFromLocale(terminalLocale());
  const dataDir = appDataDir();
  // The Demo profiles' simulator: started on first need, on free ports of 127.0.0.1.
  const demo = embeddedDemo({ onError: (error) => logError('demo simulator failed', error) });
  // The key comes from DIALSHEET_SECRET_KEY, or secret.key (0600) in the data folder.
  const profiles = new ProfilesService({ dataDir, secretBox: new KeyFileSecretBox({ dataDir }), demo: () => demo.setup() });
  // Without --port, the port of the last start: the browser keeps the window's language by origin.
  const host = await startWebHostOnRememberedPort({
    port: options.port,
    dataDir,
    rendererDir,
    bridgeFile,
    logError,
    handlers: (emit) =>
      createHandlers({
        defaultCountry,
        profiles,
        emit,
        jobsDir: join(dataDir, 'jobs'),
        env: process.env,
        intake: workerIntake({
          workerFile: join(options.outDir, 'main', 'intake-worker.js'),
          dataDir,
          defaultCountry,
          onProgress: (event) => emit('sheetProgress', event),
          logError,
        }),
      }),
  });
  console.log('Dialsheet is running for this computer only. Open this address in a browser:');
  console.log('');
  console.log(`  ${host.url}`);
  console.log('');
  console.log('The address carries a fresh key each start; keep it to yourself. Press Ctrl+C to stop.');
  const stop = (): void => {
    void Promise.allSettled([host.close(), demo.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
