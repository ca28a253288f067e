import { describe, expect, it } from 'vitest';

import { trackProgress } from './upload-progress';

describe('trackProgress', () => {
  it('reports the running sum against the total, and does not repeat the total at the end', () => {
    const seen: Array<[number, number]> = [];
    const progress = trackProgress(100, (sent, total) => seen.push([sent, total]));
    progress.add(60);
    progress.add(40);
    progress.finish();
    expect(seen).toEqual([
      [60, 100],
      [100, 100],
    ]);
  });

  it('still reports once when there were no bytes to send', () => {
    const seen: Array<[number, number]> = [];
    trackProgress(0, (sent, total) => seen.push([sent, total])).finish();
    expect(seen).toEqual([[0, 0]]);
  });

  it('works without a listener', () => {
    const progress = trackProgress(10, undefined);
    progress.add(10);
    progress.finish();
    expect(progress.callbackError).toBeUndefined();
  });

  it('keeps and rethrows what the listener throws, wrapping a non-Error', () => {
    const boom = new Error('boom');
    const progress = trackProgress(10, () => {
      throw boom;
    });
    expect(() => progress.add(1)).toThrow(boom);
    expect(progress.callbackError).toBe(boom);

    const odd = trackProgress(10, () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- an app's listener may throw anything
      throw 'a string';
    });
    expect(() => odd.finish()).toThrow('a string');
    expect(odd.callbackError).toBeInstanceOf(Error);
  });
});
