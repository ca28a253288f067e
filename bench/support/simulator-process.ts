/**
 * The simulator in a process of its own, as a real provider is: a bench then measures the
 * sender's event loop, not the sender's and the provider's sharing one. Run it through
 * `startSimulatorProcess`; this file is also the child's entry point (forked under jiti).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { Faults } from '../../src/main/core/simulator/faults/faults';
import type { SimulatorEndpoints } from '../../src/main/core/simulator/demo-profiles';
import { startSimulator, type Simulator } from '../../src/main/core/simulator/start-simulator';
import { jitiCli } from './spawn-bench';

/** How often each number reached one Ringostat campaign (the simulator's NumberLedger). */
export interface RingostatReceived {
  readonly distinct: number;
  readonly total: number;
  readonly repeats: number;
}

export interface SimulatorHandle extends SimulatorEndpoints {
  ringostatReceived(campaignId: number): Promise<RingostatReceived>;
  /** Back to the demo world: every campaign empty, every ledger cleared. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

type ToChild = { readonly type: 'received'; readonly campaignId: number } | { readonly type: 'reset' } | { readonly type: 'close' };
type FromChild =
  | ({ readonly type: 'ready' } & SimulatorEndpoints)
  | ({ readonly type: 'received' } & RingostatReceived)
  | { readonly type: 'reset' }
  | { readonly type: 'error'; readonly message: string };

function receivedBy(sim: Simulator, campaignId: number): RingostatReceived {
  const campaign = [...sim.state.ringostat.projects.values()][0]?.campaigns.get(campaignId);
  if (campaign === undefined) throw new Error(`no Ringostat campaign ${campaignId}`);
  return { distinct: campaign.received.distinct, total: campaign.received.total, repeats: campaign.received.repeats().length };
}

/** The simulator in this process, behind the same handle (to measure what sharing costs). */
export async function startSimulatorHere(faults: Faults): Promise<SimulatorHandle> {
  const sim = await startSimulator({ faults });
  return {
    urls: sim.urls,
    sftp: sim.sftp,
    credentials: sim.credentials,
    ringostatReceived: async (id) => receivedBy(sim, id),
    reset: async () => sim.reset(),
    close: () => sim.close(),
  };
}

/** Forks a process running startSimulator with `faults`; resolves once it listens. */
export async function startSimulatorProcess(faults: Faults): Promise<SimulatorHandle> {
  const child = fork(jitiCli, [fileURLToPath(import.meta.url), JSON.stringify(faults)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (): Promise<FromChild> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the simulator process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as FromChild);
      });
    });
  const ready = await next();
  if (ready.type !== 'ready') {
    child.kill();
    throw new Error(`the simulator process did not start: ${ready.type === 'error' ? ready.message : ready.type}`);
  }
  const ask = async (message: ToChild): Promise<FromChild> => {
    const answer = next();
    child.send(message);
    const got = await answer;
    if (got.type === 'error') throw new Error(`the simulator process failed: ${got.message}`);
    return got;
  };
  return {
    urls: ready.urls,
    sftp: ready.sftp,
    credentials: ready.credentials,
    ringostatReceived: async (campaignId) => {
      const got = await ask({ type: 'received', campaignId });
      if (got.type !== 'received') throw new Error(`the simulator process answered ${got.type}`);
      return { distinct: got.distinct, total: got.total, repeats: got.repeats };
    },
    reset: async () => {
      await ask({ type: 'reset' });
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'close' } satisfies ToChild);
      await exited;
    },
  };
}

async function child(faultsJson: string): Promise<void> {
  const send = (message: FromChild): void => {
    process.send?.(message);
  };
  const sim = await startSimulator({ faults: JSON.parse(faultsJson) as Faults });
  process.on('message', (message: ToChild) => {
    if (message.type === 'close') {
      void sim.close().finally(() => process.disconnect());
      return;
    }
    try {
      if (message.type === 'reset') {
        sim.reset();
        send({ type: 'reset' });
        return;
      }
      send({ type: 'received', ...receivedBy(sim, message.campaignId) });
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
  send({ type: 'ready', urls: sim.urls, sftp: sim.sftp, credentials: sim.credentials });
}

if (process.send !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) await child(process.argv[2] ?? '{}');
