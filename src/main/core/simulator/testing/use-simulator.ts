import { afterAll, beforeAll, beforeEach } from 'vitest';

import { startSimulator, type Simulator, type SimulatorOptions } from '../start-simulator';

/**
 * One simulator per test file, back to the demo world (and no faults) before each test.
 * Returns a getter because the simulator exists only once beforeAll has run.
 */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let simulator: Simulator | undefined;
  beforeAll(async () => {
    simulator = await startSimulator(options);
  });
  beforeEach(() => {
    simulator?.reset();
    simulator?.setFaults(options.faults ?? {});
  });
  afterAll(async () => {
    await simulator?.close();
  });
  return () => {
    if (simulator === undefined) throw new Error('The simulator is not started yet.');
    return simulator;
  };
}
