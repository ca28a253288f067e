type NumberArray = Uint8Array | Uint16Array | Float64Array;

/**
 * A typed array that grows with the sheet: one slot per row, outside the garbage-collected heap,
 * so a status for 500,000 rows is 500 KB rather than 500,000 values for the collector to walk.
 */
export class GrowableArray<A extends NumberArray> {
  private data: A;
  private count = 0;

  constructor(private readonly make: (length: number) => A) {
    this.data = make(1024);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.count++] = value;
  }

  get(index: number): number {
    return this.data[index] ?? 0;
  }

  set(index: number, value: number): void {
    if (index < this.count) this.data[index] = value;
  }

  clear(): void {
    this.count = 0;
  }
}

export const growableBytes = (): GrowableArray<Uint8Array> => new GrowableArray((n) => new Uint8Array(n));
export const growableShorts = (): GrowableArray<Uint16Array> => new GrowableArray((n) => new Uint16Array(n));
export const growableDoubles = (): GrowableArray<Float64Array> => new GrowableArray((n) => new Float64Array(n));
