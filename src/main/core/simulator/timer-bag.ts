/**
 * Every timer the simulator starts goes through a bag, so `close()` (or a state reset) can end
 * them all at once and nothing keeps running after a test: no stray callbacks mutating state,
 * no open handle keeping Node alive.
 */
export class TimerBag {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly wakers = new Set<() => void>();
  private closed = false;

  /** Runs `callback` once after `ms`, unless the bag is cancelled first. */
  schedule(ms: number, callback: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      callback();
    }, Math.max(0, ms));
    // The HTTP and SSH listeners are what keep a simulator process alive, never a timer.
    timer.unref();
    this.timers.add(timer);
  }

  /**
   * Resolves after `ms`, or at once when the bag is cancelled, so an awaited delay can never
   * outlive the simulator. Callers check `isClosed` afterwards when that matters.
   */
  sleep(ms: number): Promise<void> {
    if (this.closed || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.wakers.delete(wake);
        resolve();
      };
      this.wakers.add(wake);
      this.schedule(ms, wake);
    });
  }

  get pending(): number {
    return this.timers.size;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Stops every pending timer and wakes every sleeper; the bag stays usable. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const wake of [...this.wakers]) wake();
  }

  /** cancelAll, and refuses any timer from now on. */
  close(): void {
    this.closed = true;
    this.cancelAll();
  }
}
