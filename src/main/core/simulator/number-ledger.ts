/**
 * How many times each number reached a simulated provider. Tests use it to prove a client sent
 * every number exactly once (no loss, no silent re-send after a dropped answer).
 */
export class NumberLedger {
  // A Map keeps first-arrival order, which makes failures easy to read.
  private readonly counts = new Map<string, number>();
  private arrivalsTotal = 0;

  /** Counts one arrival and returns how many times the number has now arrived. */
  record(number: string): number {
    const count = (this.counts.get(number) ?? 0) + 1;
    this.counts.set(number, count);
    this.arrivalsTotal++;
    return count;
  }

  arrivals(number: string): number {
    return this.counts.get(number) ?? 0;
  }

  /** Distinct numbers, in the order they first arrived. */
  numbers(): string[] {
    return [...this.counts.keys()];
  }

  /** Numbers that arrived more than once, with their counts. */
  repeats(): Array<{ readonly number: string; readonly arrivals: number }> {
    return [...this.counts].filter(([, count]) => count > 1).map(([number, arrivals]) => ({ number, arrivals }));
  }

  get distinct(): number {
    return this.counts.size;
  }

  get total(): number {
    return this.arrivalsTotal;
  }

  clear(): void {
    this.counts.clear();
    this.arrivalsTotal = 0;
  }
}
