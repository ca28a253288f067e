// The sandboxed preload can load nothing but 'electron'; everything else here is bundled in.
// It exposes one object of named functions: no ipcRenderer, no channel names, no event objects.
import { contextBridge, ipcRenderer, webUtils } from 'electron';

import { BRIDGE_GLOBAL, type DialsheetBridge, makeBridgeCalls, type PickedFile, type SendCall } from '../shared/bridge';
import { type EventName, ipcCallChannel, ipcEventChannel, isEventName } from '../shared/channels';
import type { EventPayload } from '../shared/contract';

const invoke: SendCall = (name, input) => ipcRenderer.invoke(ipcCallChannel(name), input);

const bridge: DialsheetBridge = {
  ...makeBridgeCalls(invoke),
  async openFile(file: PickedFile) {
    const path = webUtils.getPathForFile(file as File);
    // The one caller of openSheetPath: the path comes from a real dropped or picked file.
    if (path) return invoke('openSheetPath', { path }) as ReturnType<DialsheetBridge['openFile']>;
    // A file with no path on disk (dragged out of another app's memory): send its bytes.
    const dataBase64 = Buffer.from(await file.arrayBuffer()).toString('base64');
    return bridge.openSheetBytes({ name: file.name, dataBase64 });
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const channel = ipcEventChannel(event);
    const relay = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload as EventPayload<E>);
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
