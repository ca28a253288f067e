/** What a progress bar needs: how far, how fast, and how long still. */
export interface JobProgress {
  readonly done: number;
  readonly total: number;
  /** Numbers per second over the last few seconds; 0 before there is anything to measure. */
  readonly ratePerSecond: number;
  /** Seconds until the end at that rate; null while the rate is unknown. */
  readonly etaSeconds: number | null;
}

export interface ProgressMeterOptions {
  /** At most one report per this many milliseconds, besides the first and the last. */
  readonly everyMs?: number;
  /** The rate is measured over this window, so a stall shows soon and a burst does not mislead. */
  readonly windowMs?: number;
  readonly now?: () => number;
}

interface Sample {
  readonly at: number;
  readonly done: number;
}

/** Turns "n done of m" as outcomes arrive into reports at most every 100 ms, with rate and ETA. */
export class ProgressMeter {
  private readonly everyMs: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly samples: Sample[] = [];
  private lastReport = -Infinity;

  constructor(
    private readonly report: (progress: JobProgress) => void,
    options: ProgressMeterOptions = {},
  ) {
    this.everyMs = options.everyMs ?? 100;
    this.windowMs = options.windowMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Notes where the run stands; reports it unless a report went out less than everyMs ago. */
  update(done: number, total: number, options: { force?: boolean } = {}): void {
    const at = this.now();
    this.samples.push({ at, done });
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) this.samples.shift();
    if (options.force !== true && done < total && at - this.lastReport < this.everyMs) return;
    this.lastReport = at;
    this.report(this.measure(done, total, at));
  }

  private measure(done: number, total: number, at: number): JobProgress {
    const first = this.samples[0];
    const elapsed = first === undefined ? 0 : at - first.at;
    const gained = first === undefined ? 0 : done - first.done;
    const ratePerSecond = elapsed > 0 && gained > 0 ? (gained * 1000) / elapsed : 0;
    const etaSeconds = done >= total ? 0 : ratePerSecond > 0 ? Math.ceil((total - done) / ratePerSecond) : null;
    return { done, total, ratePerSecond: Math.round(ratePerSecond * 10) / 10, etaSeconds };
  }
}
