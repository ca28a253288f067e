import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { CALL_NAMES, ipcCallChannel } from '../../shared/channels';
import { testHandlers } from '../core/testing/test-handlers';
import { bindIpc } from './ipc';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) };
  return { ipcMain: ipcMain as unknown as IpcMain, handlers };
}

const event = {} as IpcMainInvokeEvent;

describe('bindIpc', () => {
  it('binds a handler for every call in the contract', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    bindIpc(ipcMain, testHandlers(), () => true, vi.fn());
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map(ipcCallChannel).sort());
  });

  it('answers a trusted sender through the contract', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    bindIpc(ipcMain, testHandlers(), () => true, vi.fn());
    const answer = await handlers.get(ipcCallChannel('appInfo'))?.(event, {});
    expect(answer).toMatchObject({ ok: true, value: { name: 'Dialsheet' } });
    const bad = await handlers.get(ipcCallChannel('sheetRows'))?.(event, { sheetId: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('refuses a sender that is not the app, before any handler runs', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const table = testHandlers();
    const spy = vi.spyOn(table, 'appInfo');
    bindIpc(ipcMain, table, () => false, vi.fn());
    const answer = await handlers.get(ipcCallChannel('appInfo'))?.(event, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(spy).not.toHaveBeenCalled();
  });
});
