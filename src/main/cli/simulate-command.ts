import { join } from 'node:path';

import { PROVIDERS } from '../../shared/profiles/profile-schemas';
import { demoProfileFiles, demoProfilesText } from '../core/simulator/demo-profiles';
import { type Simulator, startSimulator } from '../core/simulator/start-simulator';
import { writeJsonFile } from '../core/store/json-file';

export interface SimulateCommandOptions {
  /** HTTP port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** SFTP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly sftpPort?: number;
  /** Where the profile files for `--profile` are written (mor.json, ringostat.json, isales.json). */
  readonly profilesDir: string;
  /** Told once everything listens, with the files written; the command then waits for a signal. */
  readonly onReady?: (sim: Simulator, profileFiles: Readonly<Record<string, string>>) => void;
}

/** Writes one profile file per provider and gives their paths; mode 0600, as they hold the demo secrets. */
export async function writeDemoProfileFiles(sim: Simulator, dir: string): Promise<Record<string, string>> {
  const files = demoProfileFiles(sim);
  const paths: Record<string, string> = {};
  for (const provider of PROVIDERS) {
    paths[provider] = join(dir, `${provider}.json`);
    await writeJsonFile(paths[provider], files[provider]);
  }
  return paths;
}

/**
 * `dialsheet simulate`: runs the local provider simulator, prints its accounts and writes profile
 * files for it. Resolves once Ctrl+C (or SIGTERM) has closed it. The credentials are the
 * simulator's fixed demo ones, which open nothing else.
 */
export async function runSimulateCommand(options: SimulateCommandOptions): Promise<void> {
  const sim = await startSimulator({
    port: options.port,
    ...(options.sftpPort === undefined ? {} : { sftpPort: options.sftpPort }),
    // A crash here is a simulator bug; its message never carries a demo secret, let alone a real one.
    onError: (error) => console.error('[simulator] a request failed inside the simulator:', error instanceof Error ? error.message : 'unknown error'),
  });
  const paths = await writeDemoProfileFiles(sim, options.profilesDir);
  console.log('The Dialsheet provider simulator is running on 127.0.0.1 (demo accounts only).');
  console.log('');
  console.log(demoProfilesText(sim));
  console.log('');
  console.log('Profile files for --profile (they last as long as this simulator runs):');
  for (const provider of PROVIDERS) console.log(`  ${paths[provider]}`);
  console.log('');
  console.log(`Try: dialsheet upload numbers.csv --profile ${paths.mor} --campaign 1 --dry-run`);
  console.log('Press Ctrl+C to stop.');
  options.onReady?.(sim, paths);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sim.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
