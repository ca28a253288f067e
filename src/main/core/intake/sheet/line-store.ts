import { growableDoubles } from './growable-array';

const BLOCK_BYTES = 4 * 1024 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Rows' text, UTF-8 encoded into 4 MB blocks with an offset per row. A 500,000-row list of
 * Cyrillic names takes about half the memory it would as JavaScript strings, none of it on the
 * garbage-collected heap, and the strings made while reading die young.
 */
export class LineStore {
  private readonly blocks: Uint8Array[] = [];
  private used = BLOCK_BYTES;
  /** Per row: block index * BLOCK_BYTES + offset, and the encoded length. */
  private readonly starts = growableDoubles();
  private readonly lengths = growableDoubles();

  get length(): number {
    return this.starts.length;
  }

  push(text: string): void {
    const [start, length] = this.write(text);
    this.starts.push(start);
    this.lengths.push(length);
  }

  /** Replaces a row's text; the old bytes stay where they were (edits are few). */
  set(index: number, text: string): void {
    const [start, length] = this.write(text);
    this.starts.set(index, start);
    this.lengths.set(index, length);
  }

  get(index: number): string {
    if (index < 0 || index >= this.starts.length) return '';
    const start = this.starts.get(index);
    const block = this.blocks[Math.floor(start / BLOCK_BYTES)];
    const offset = start % BLOCK_BYTES;
    return block ? decoder.decode(block.subarray(offset, offset + this.lengths.get(index))) : '';
  }

  private write(text: string): [number, number] {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; a row longer than a block gets a block of its own.
    const worst = text.length * 3;
    if (this.used + worst > BLOCK_BYTES) {
      this.blocks.push(new Uint8Array(Math.max(BLOCK_BYTES, worst)));
      this.used = 0;
    }
    const blockIndex = this.blocks.length - 1;
    const block = this.blocks[blockIndex];
    if (!block) throw new Error('no block to write to');
    const { written } = encoder.encodeInto(text, block.subarray(this.used));
    const start = blockIndex * BLOCK_BYTES + this.used;
    this.used += written;
    // A row given a block larger than the standard size fills it: the next row starts a new one.
    if (block.length > BLOCK_BYTES) this.used = BLOCK_BYTES;
    return [start, written];
  }
}
