/** A byte per row that grows with the sheet: a status for 500,000 rows is 500 KB, not 500,000 strings. */
export class GrowableBytes {
  private data = new Uint8Array(1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.data.length) {
      const bigger = new Uint8Array(this.data.length * 2);
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
