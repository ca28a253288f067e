import { DEMO_CREDENTIALS, DEMO_SFTP, type SimulatorCredentials } from './demo-credentials';
import { FaultPlan, type Faults } from './faults/faults';
import { SIM_HTTP_HOST, startSimHttpServer } from './http/http-server';
import { DEFAULT_ISALES_CONFIG, type IsalesConfig } from './isales/isales-context';
import { createIsalesHandler } from './isales/isales-routes';
import { createMorHandler } from './mor/mor-routes';
import { createRingostatHandler } from './ringostat/ringostat-campaign-rows';
import { generateHostKey } from './sftp/host-key';
import { startSftpServer } from './sftp/sftp-server';
import { SimulatorState } from './simulator-state';
import { TimerBag } from './timer-bag';

export interface SimulatorOptions {
  /** HTTP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** SFTP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly sftpPort?: number;
  readonly faults?: Faults;
  /** iSales behaviour that tests may speed up (import stage length, the 1-second rule, …). */
  readonly isales?: Partial<IsalesConfig>;
  /** The simulator's clock, for statistics periods, C2 timestamps and the 1-second rule. */
  readonly now?: () => Date;
  /** Told when a handler crashes (a simulator bug). Nothing secret is ever passed to it by the simulator. */
  readonly onError?: (error: unknown) => void;
}

export interface SimulatorSftp {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  /** "SHA256:…" as ssh-keygen prints it, for pinning. */
  readonly hostKeySha256: string;
  /** The file server's default directory; uploadFileServer's filePath is relative to it. */
  readonly root: string;
}

export interface Simulator {
  /** Base URLs a profile uses, e.g. http://127.0.0.1:PORT/mor. */
  readonly urls: { readonly mor: string; readonly ringostat: string; readonly isales: string };
  readonly sftp: SimulatorSftp;
  readonly credentials: SimulatorCredentials;
  readonly state: SimulatorState;
  /** Replaces all faults (and restarts their random sequence from the seed). */
  setFaults(faults: Faults): void;
  /** Back to the demo world: state re-seeded in place, SFTP files gone, import tasks stopped. */
  reset(): void;
  /** Ends listeners, connections and timers; nothing of the simulator runs afterwards. */
  close(): Promise<void>;
}

/**
 * Starts the three simulated provider APIs on one HTTP port and the SFTP file server on
 * another, both on 127.0.0.1 only.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? (() => new Date());
  const state = new SimulatorState(now);
  const faults = new FaultPlan(options.faults ?? {});
  const httpTimers = new TimerBag();
  const taskTimers = new TimerBag();
  const isalesConfig: IsalesConfig = { ...DEFAULT_ISALES_CONFIG, ...options.isales };
  const http = await startSimHttpServer({
    port: options.port ?? 0,
    faults,
    timers: httpTimers,
    ...(options.onError === undefined ? {} : { onError: options.onError }),
    handlers: {
      mor: createMorHandler(state.mor, now),
      ringostat: createRingostatHandler(state.ringostat, now),
      isales: createIsalesHandler({ state, timers: taskTimers, now, config: isalesConfig }),
    },
  });
  const hostKey = generateHostKey();
  const sftp = await startSftpServer({ port: options.sftpPort ?? 0, ...DEMO_SFTP, hostKey, fs: state.files, home: '/' }).catch(async (error: unknown) => {
    await http.close();
    throw error;
  });
  const base = `http://${SIM_HTTP_HOST}:${http.port}`;
  return {
    urls: { mor: `${base}/mor`, ringostat: `${base}/ringostat`, isales: `${base}/isales` },
    sftp: { host: sftp.host, port: sftp.port, ...DEMO_SFTP, hostKeySha256: hostKey.sha256Fingerprint },
    credentials: DEMO_CREDENTIALS,
    state,
    setFaults: (next) => faults.set(next),
    reset: () => {
      taskTimers.cancelAll();
      state.reset();
    },
    close: async () => {
      httpTimers.close();
      taskTimers.close();
      await Promise.all([http.close(), sftp.close()]);
    },
  };
}
