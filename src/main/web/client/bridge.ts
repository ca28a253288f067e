// Runs in the browser, before the app: gives the renderer the same window.dialsheet that the
// Electron preload gives it, over the web host's HTTP instead of IPC.
import { BRIDGE_GLOBAL, type DialsheetBridge, makeBridgeCalls, type PickedFile, type SendCall } from '../../../shared/bridge';
import { EVENT_NAMES, type EventName, isEventName } from '../../../shared/channels';
import type { EventPayload } from '../../../shared/contract';

const call: SendCall = async (name, input) => {
  let response: Response;
  try {
    response = await fetch(`/rpc/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'The Dialsheet web host is not answering. Is `npm run web` still running?' },
    };
  }
  try {
    return (await response.json()) as Awaited<ReturnType<SendCall>>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The web host answered ${response.status} with no result.` } };
  }
};

function toBase64(bytes: ArrayBuffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(new Blob([bytes]));
  });
}

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();
let source: EventSource | null = null;

function ensureEventSource(): void {
  if (source) return;
  source = new EventSource('/events');
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (event) => {
      const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
      for (const listener of listeners.get(name) ?? []) listener(payload);
    });
  }
}

const bridge: DialsheetBridge = {
  ...makeBridgeCalls(call),
  async openFile(file: PickedFile) {
    const dataBase64 = await toBase64(await file.arrayBuffer());
    return bridge.openSheetBytes({ name: file.name, dataBase64 });
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    ensureEventSource();
    const set = listeners.get(event) ?? new Set<Listener>();
    const relay: Listener = (payload) => listener(payload as EventPayload<E>);
    set.add(relay);
    listeners.set(event, set);
    return () => {
      set.delete(relay);
    };
  },
};

Object.defineProperty(window, BRIDGE_GLOBAL, { value: Object.freeze(bridge), writable: false, configurable: false });
