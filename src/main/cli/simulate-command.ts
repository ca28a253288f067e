import { demoProfiles, demoProfilesText } from '../core/simulator/demo-profiles';
import { startSimulator } from '../core/simulator/start-simulator';

export interface SimulateCommandOptions {
  /** HTTP port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** SFTP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly sftpPort?: number;
}

/**
 * `dialsheet simulate`: runs the local provider simulator and prints profiles for it, as text
 * and as JSON the app can import. Resolves once Ctrl+C (or SIGTERM) has closed it. The
 * credentials printed are the simulator's fixed demo ones, which open nothing else.
 */
export async function runSimulateCommand(options: SimulateCommandOptions): Promise<void> {
  const sim = await startSimulator({
    port: options.port,
    ...(options.sftpPort === undefined ? {} : { sftpPort: options.sftpPort }),
    // A crash here is a simulator bug; its message never carries a demo secret, let alone a real one.
    onError: (error) => console.error('[simulator] a request failed inside the simulator:', error instanceof Error ? error.message : 'unknown error'),
  });
  console.log('The Dialsheet provider simulator is running on 127.0.0.1 (demo accounts only).');
  console.log('');
  console.log(demoProfilesText(sim));
  console.log('');
  console.log('Profiles to import (JSON):');
  console.log(JSON.stringify(demoProfiles(sim), null, 2));
  console.log('');
  console.log('Press Ctrl+C to stop.');
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
