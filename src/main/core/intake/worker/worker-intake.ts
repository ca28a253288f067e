import { Worker } from 'node:worker_threads';

import { UserError } from '../../user-error';
import type { Intake, IntakeMethod } from '../intake';
import type { ProgressEvent } from '../intake-service';
import type { IntakeReply, IntakeRequest, IntakeWorkerData } from './intake-protocol';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface WorkerIntakeOptions extends IntakeWorkerData {
  workerFile: string;
  onProgress: (event: ProgressEvent) => void;
  logError: (message: string, error: unknown) => void;
}

/** The intake in its own worker thread; the same methods as in-thread, every answer a promise. */
export function workerIntake(options: WorkerIntakeOptions): Intake {
  const data: IntakeWorkerData = { dataDir: options.dataDir, defaultCountry: options.defaultCountry };
  const worker = new Worker(options.workerFile, { workerData: data });
  worker.unref();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;

  worker.on('message', (reply: IntakeReply) => {
    if (reply.kind === 'progress') {
      options.onProgress(reply.event);
      return;
    }
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.kind === 'result') {
      waiting.resolve(reply.value);
    } else if (reply.user) {
      waiting.reject(new UserError(reply.code, reply.message));
    } else {
      options.logError('intake worker failed', reply.message);
      waiting.reject(new Error('intake worker failed'));
    }
  });
  worker.on('error', (error) => {
    failure = error;
    options.logError('intake worker stopped', error);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });

  const call = (method: IntakeMethod, args: unknown[], transfer: ArrayBuffer[] = []): Promise<never> => {
    if (failure) return Promise.reject(new UserError('internal', 'The file reader stopped working. Restart Dialsheet; your files are unchanged.'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const request: IntakeRequest = { id, method, args };
      worker.postMessage(request, transfer);
    });
  };

  return {
    open: (fileName, bytes, settings) => {
      // Handing the bytes over, not copying them: a 100 MB file is not held twice.
      const copy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      return call('open', [fileName, copy, settings], [copy.buffer as ArrayBuffer]);
    },
    reopen: (id, settings) => call('reopen', [id, settings]),
    setMapping: (id, mapping) => call('setMapping', [id, mapping]),
    setOptions: (id, options) => call('setOptions', [id, options]),
    view: (id) => call('view', [id]),
    rows: (id, offset, limit, filter, reason) => call('rows', [id, offset, limit, filter, reason]),
    edit: (id, index, column, value) => call('edit', [id, index, column, value]),
    removeRows: (id, selection) => call('removeRows', [id, selection]),
    restoreRows: (id, selection) => call('restoreRows', [id, selection]),
    close: (id) => call('close', [id]),
    dispose: async () => {
      await worker.terminate();
    },
  };
}
