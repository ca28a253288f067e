import { seedFiles, seedIsales, seedMor, seedRingostat } from './demo-seed';
import type { IsalesState } from './isales/isales-state';
import type { MorState } from './mor/mor-state';
import type { RingostatState } from './ringostat/ringostat-state';
import { MemoryFs } from './sftp/memory-fs';

/**
 * Everything the simulated providers hold. Tests read it (and may change it, e.g. lower a
 * campaign's limit) directly. The objects live as long as the simulator: reset() empties and
 * re-seeds them in place, so a reference taken before a reset still sees the current world.
 */
export class SimulatorState {
  readonly mor: MorState = {
    apiSecret: '',
    hashChecking: true,
    allowGet: false,
    users: new Map(),
    campaigns: new Map(),
    devices: new Map(),
    ivrIds: new Set(),
  };
  readonly ringostat: RingostatState = { projects: new Map() };
  readonly isales: IsalesState = {
    accessKeys: new Map(),
    fileServers: new Map(),
    campaigns: new Map(),
    importTasks: new Map(),
    blocklist: new Set(),
  };
  /** The SFTP file server's disk. */
  readonly files = new MemoryFs();
  private counter = 0;

  constructor(private readonly now: () => Date = () => new Date()) {
    this.reset();
  }

  reset(): void {
    seedMor(this.mor, this.now());
    seedRingostat(this.ringostat);
    seedIsales(this.isales);
    seedFiles(this.files);
  }

  /**
   * A fresh id: 30 digits like iSales' own ids ("164870990605164487770867067540"), unique within
   * this simulator, never reused after a reset so a stale id cannot match a new task.
   */
  nextId(): string {
    this.counter++;
    return `${this.now().getTime()}`.padEnd(17, '0') + String(this.counter).padStart(13, '0');
  }
}
