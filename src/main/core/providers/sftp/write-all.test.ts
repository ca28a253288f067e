import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { CHUNK_BYTES, IN_FLIGHT_BYTES, writeAll } from './write-all';

interface FakeOptions {
  /** Fail the write that starts at this offset, the way ssh2 does: destroy, then report. */
  failAt?: number;
  /** Acknowledge only this many bytes, then close as if all was well. */
  closeAfter?: number;
}

/** A stand-in for ssh2's SFTP write stream: acknowledges asynchronously, emits close after end. */
function fakeSftpStream(options: FakeOptions = {}) {
  const received: Buffer[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: IN_FLIGHT_BYTES,
    emitClose: false,
    write(chunk: Buffer, _encoding, callback) {
      const offset = received.reduce((sum, c) => sum + c.length, 0);
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
      setImmediate(() => {
        if (options.failAt !== undefined && offset >= options.failAt) {
          stream.destroy();
          callback(Object.assign(new Error('Failure'), { code: 4 }));
          setImmediate(() => stream.emit('close'));
          return;
        }
        if (options.closeAfter !== undefined && offset >= options.closeAfter) {
          stream.emit('close');
          return;
        }
        received.push(Buffer.from(chunk));
        callback();
      });
    },
    final(callback) {
      callback();
      setImmediate(() => stream.emit('close'));
    },
  });
  return {
    stream,
    received: () => Buffer.concat(received),
    chunkSizes: () => received.map((c) => c.length),
    maxBuffered: () => maxBuffered,
  };
}

describe('writeAll', () => {
  it('delivers every byte in order, in chunks of CHUNK_BYTES, and hears each acknowledgement', async () => {
    const bytes = randomBytes(CHUNK_BYTES * 5 + 123);
    const fake = fakeSftpStream();
    const acknowledged: number[] = [];
    await writeAll(fake.stream, bytes, (n) => acknowledged.push(n));
    expect(Buffer.compare(fake.received(), bytes)).toBe(0);
    expect(fake.chunkSizes()).toEqual([...Array<number>(5).fill(CHUNK_BYTES), 123]);
    expect(acknowledged).toEqual(fake.chunkSizes());
  });

  it('writes a slice of a larger buffer without the bytes around it', async () => {
    const whole = randomBytes(1000);
    const fake = fakeSftpStream();
    await writeAll(fake.stream, whole.subarray(100, 900), () => undefined);
    expect(Buffer.compare(fake.received(), whole.subarray(100, 900))).toBe(0);
  });

  it('keeps no more than about IN_FLIGHT_BYTES queued', async () => {
    const fake = fakeSftpStream();
    await writeAll(fake.stream, randomBytes(8 * IN_FLIGHT_BYTES), () => undefined);
    expect(fake.maxBuffered()).toBeLessThanOrEqual(IN_FLIGHT_BYTES + CHUNK_BYTES);
  });

  it('finishes an empty file', async () => {
    const fake = fakeSftpStream();
    await writeAll(fake.stream, new Uint8Array(0), () => undefined);
    expect(fake.received().length).toBe(0);
  });

  it('rejects with the server status of a failed write, even though the stream then closes quietly', async () => {
    const fake = fakeSftpStream({ failAt: CHUNK_BYTES * 2 });
    const error = await writeAll(fake.stream, randomBytes(CHUNK_BYTES * 6), () => undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'Failure', code: 4 });
  });

  it('rejects when the stream closes before everything was acknowledged', async () => {
    const fake = fakeSftpStream({ closeAfter: CHUNK_BYTES });
    const error = await writeAll(fake.stream, randomBytes(CHUNK_BYTES * 3), () => undefined).catch((e: unknown) => e);
    expect(String(error)).toContain(`closed after ${CHUNK_BYTES} of ${CHUNK_BYTES * 3} bytes`);
  });

  it('rejects with the error of an acknowledgement listener that throws, and stops writing', async () => {
    const fake = fakeSftpStream();
    const boom = new Error('listener failed');
    const error = await writeAll(fake.stream, randomBytes(CHUNK_BYTES * 40), () => {
      throw boom;
    }).catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(fake.stream.destroyed).toBe(true);
    expect(fake.received().length).toBeLessThan(CHUNK_BYTES * 40);
  });

  it('rejects on a stream error event', async () => {
    const fake = fakeSftpStream();
    const writing = writeAll(fake.stream, randomBytes(CHUNK_BYTES * 40), () => undefined);
    fake.stream.emit('error', Object.assign(new Error('Permission denied'), { code: 3 }));
    await expect(writing).rejects.toMatchObject({ code: 3 });
  });
});
