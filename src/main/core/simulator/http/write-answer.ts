import type { ServerResponse } from 'node:http';

import { MAX_SLOW_CHUNKS, type SlowBody } from '../faults/faults';
import type { TimerBag } from '../timer-bag';
import type { SimAnswer } from './sim-http';

export interface WriteOptions {
  readonly slowBody?: SlowBody;
  readonly timers: TimerBag;
}

/** Pieces of at least chunkBytes, but never more than MAX_SLOW_CHUNKS of them. */
export function slowChunks(body: Buffer, chunkBytes: number): Buffer[] {
  const size = Math.max(chunkBytes, Math.ceil(body.length / MAX_SLOW_CHUNKS), 1);
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; at += size) chunks.push(body.subarray(at, at + size));
  return chunks;
}

/**
 * Sends an answer with its Content-Length, so a client knows a dribbled body is not complete
 * until the last piece. Stops quietly if the client went away or the simulator closed.
 */
export async function writeAnswer(response: ServerResponse, answer: SimAnswer, options: WriteOptions): Promise<void> {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  response.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
  const slow = options.slowBody;
  if (slow === undefined || body.length === 0) {
    response.end(body);
    return;
  }
  response.flushHeaders();
  for (const [index, chunk] of slowChunks(body, slow.chunkBytes).entries()) {
    if (index > 0) await options.timers.sleep(slow.intervalMs);
    if (response.destroyed || options.timers.isClosed) return;
    response.write(chunk);
  }
  if (!response.destroyed && !options.timers.isClosed) response.end();
}
