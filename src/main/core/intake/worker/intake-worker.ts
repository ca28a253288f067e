// The intake's own thread: parsing and checking 500,000 rows never blocks the process that
// answers the window.
import { parentPort, workerData } from 'node:worker_threads';

import { UserError } from '../../user-error';
import { createIntakeService } from '../create-intake-service';
import type { IntakeService } from '../intake-service';
import type { IntakeReply, IntakeRequest, IntakeWorkerData } from './intake-protocol';

const port = parentPort;
if (!port) throw new Error('intake-worker must run as a worker thread');
const data = workerData as IntakeWorkerData;
const post = (reply: IntakeReply): void => port.postMessage(reply);

const service: IntakeService = createIntakeService({
  dataDir: data.dataDir,
  defaultCountry: data.defaultCountry,
  emitProgress: (event) => post({ kind: 'progress', event }),
});

async function run(request: IntakeRequest): Promise<unknown> {
  const args = request.args;
  switch (request.method) {
    case 'open':
      return service.open(args[0] as string, args[1] as Uint8Array, args[2] as Parameters<IntakeService['open']>[2]);
    case 'reopen':
      return service.reopen(args[0] as string, args[1] as Parameters<IntakeService['reopen']>[1]);
    case 'setMapping':
      return service.setMapping(args[0] as string, args[1] as Parameters<IntakeService['setMapping']>[1]);
    case 'setOptions':
      return service.setOptions(args[0] as string, args[1] as Parameters<IntakeService['setOptions']>[1]);
    case 'view':
      return service.view(args[0] as string);
    case 'rows':
      return service.rows(
        args[0] as string,
        args[1] as number,
        args[2] as number,
        args[3] as Parameters<IntakeService['rows']>[3],
        args[4] as Parameters<IntakeService['rows']>[4],
      );
    case 'edit':
      return service.edit(args[0] as string, args[1] as number, args[2] as number, args[3] as string);
    case 'removeRows':
      return service.removeRows(args[0] as string, args[1] as Parameters<IntakeService['removeRows']>[1]);
    case 'restoreRows':
      return service.restoreRows(args[0] as string, args[1] as Parameters<IntakeService['restoreRows']>[1]);
    case 'close':
      return service.close(args[0] as string);
  }
}

port.on('message', (request: IntakeRequest) => {
  run(request).then(
    (value) => post({ kind: 'result', id: request.id, value }),
    (error: unknown) => {
      const user = error instanceof UserError;
      post({
        kind: 'error',
        id: request.id,
        code: user ? error.code : 'internal',
        message: user ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error),
        user,
      });
    },
  );
});
