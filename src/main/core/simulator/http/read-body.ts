import type { IncomingMessage } from 'node:http';

export type BodyResult = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly reason: 'too-large' | 'aborted' };

/**
 * Reads a request body into memory, stopping at `maxBytes` so a huge or endless upload cannot
 * exhaust the simulator. Nothing is documented about provider limits; this is the sim's own.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering; the rest is drained by the 413 answer's connection close.
        finish({ ok: false, reason: 'too-large' });
        request.resume();
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => finish({ ok: true, body: Buffer.concat(chunks, size) }));
    request.once('aborted', () => finish({ ok: false, reason: 'aborted' }));
    request.once('close', () => finish({ ok: false, reason: 'aborted' }));
    request.once('error', () => finish({ ok: false, reason: 'aborted' }));
  });
}
