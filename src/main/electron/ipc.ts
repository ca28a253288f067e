import type { IpcMain, IpcMainInvokeEvent } from 'electron';

import { CALL_NAMES, ipcCallChannel } from '../../shared/channels';
import type { RpcResult } from '../../shared/result';
import { dispatch, type LogError } from '../core/rpc/dispatch';
import type { HandlerTable } from '../core/rpc/handler-table';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Binds every call of the contract to ipcMain.handle. A message from any frame that is not the
 * app's own page gets a refusal; every input is parsed with the contract's schema in dispatch.
 */
export function bindIpc(ipcMain: IpcMain, table: HandlerTable, isTrustedSender: SenderCheck, logError: LogError): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcCallChannel(name), (event, input: unknown): Promise<RpcResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return Promise.resolve({ ok: false, error: { code: 'refused', message: 'Refused: the call did not come from Dialsheet.' } });
      }
      return dispatch(table, name, input, logError);
    });
  }
}
