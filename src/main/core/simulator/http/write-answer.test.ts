import { describe, expect, it } from 'vitest';

import { MAX_SLOW_CHUNKS } from '../faults/faults';
import { slowChunks } from './write-answer';

describe('slowChunks', () => {
  it('cuts a body into pieces of the asked size', () => {
    const chunks = slowChunks(Buffer.from('abcdefghij'), 4);
    expect(chunks.map((chunk) => chunk.toString())).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('never makes more than MAX_SLOW_CHUNKS pieces, so a slow answer always ends', () => {
    const body = Buffer.alloc(100_000, 1);
    const chunks = slowChunks(body, 1);
    expect(chunks.length).toBeLessThanOrEqual(MAX_SLOW_CHUNKS);
    expect(Buffer.concat(chunks).equals(body)).toBe(true);
  });

  it('gives no pieces for an empty body', () => {
    expect(slowChunks(Buffer.alloc(0), 4)).toEqual([]);
  });
});
