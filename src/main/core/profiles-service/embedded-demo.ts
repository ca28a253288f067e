import type { DemoSetup } from '../store/profiles/demo-profiles';
import { demoSetup } from '../simulator/demo-profiles';
import { startSimulator, type Simulator } from '../simulator/start-simulator';
import { UserError } from '../user-error';

/**
 * The simulator behind the built-in Demo profiles, inside the app's own process. It starts on
 * first need (listing profiles or using a Demo profile), so a user who never looks at profiles
 * pays nothing for it, and listens on free ports of 127.0.0.1 only.
 */
export interface EmbeddedDemo {
  /** Starts the simulator once; every later call shares it. */
  setup(): Promise<DemoSetup>;
  /** True from the first setup() until close(): the host then has something to close on quit. */
  running(): boolean;
  /** Ends the simulator (waiting for a start in progress); setup() refuses afterwards. */
  close(): Promise<void>;
}

export interface EmbeddedDemoOptions {
  /** Tests pass a starter; the app uses startSimulator on free ports. */
  readonly start?: () => Promise<Simulator>;
  /** Told about simulator crashes; the simulator passes it no secret of the user's. */
  readonly onError?: (error: unknown) => void;
}

function notStarted(error: unknown): UserError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
  return new UserError(
    'unreadable',
    `The Demo profiles are not available: their built-in simulator could not start on 127.0.0.1 (${code}). Your own profiles are not affected. Try again, or restart Dialsheet.`,
  );
}

export function embeddedDemo(options: EmbeddedDemoOptions = {}): EmbeddedDemo {
  const start = options.start ?? (() => startSimulator(options.onError === undefined ? {} : { onError: options.onError }));
  let simulator: Promise<Simulator> | undefined;
  let closed = false;

  return {
    async setup() {
      if (closed) throw new UserError('refused', 'Dialsheet is closing; the Demo profiles are no longer available.');
      if (simulator === undefined) {
        const starting = start();
        simulator = starting;
        // A failed start is not kept, so the next use tries again.
        starting.catch(() => {
          if (simulator === starting) simulator = undefined;
        });
      }
      try {
        return demoSetup(await simulator);
      } catch (error) {
        throw notStarted(error);
      }
    },
    running: () => simulator !== undefined && !closed,
    async close() {
      closed = true;
      const started = await simulator?.catch(() => undefined);
      simulator = undefined;
      await started?.close();
    },
  };
}
