import { type CallName, type EventName, PAGE_CALL_NAMES, type PageCallName } from './channels';
import type { CallInput, CallOutput, EventPayload, SheetView } from './contract';
import { DialsheetError, isRpcResult, type RpcResult, unwrapResult } from './result';

/** The part of a DOM File the bridge needs; a real File fits it. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type Unsubscribe = () => void;
type Listen = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;

type BridgeCalls = { [K in PageCallName]: (input: CallInput<K>) => Promise<RpcResult<CallOutput<K>>> };

/**
 * `window.dialsheet`: one object of named functions. The preload builds it over IPC, the web
 * host's script over HTTP; the renderer cannot tell which. Answers stay in the RpcResult
 * envelope here because contextBridge drops an Error's own fields, and the code matters.
 */
export interface DialsheetBridge extends BridgeCalls {
  /** Opens a dropped or picked file: by its path on disk where there is one, else by its bytes. */
  openFile(file: PickedFile): Promise<RpcResult<SheetView>>;
  on: Listen;
}

type ApiCalls = { [K in PageCallName]: (input: CallInput<K>) => Promise<CallOutput<K>> };

/** What renderer code uses: the bridge with each answer unwrapped, failures thrown as DialsheetError. */
export interface DialsheetApi extends ApiCalls {
  openFile(file: PickedFile): Promise<SheetView>;
  on: Listen;
}

export const BRIDGE_GLOBAL = 'dialsheet';

export type SendCall = (name: CallName, input: unknown) => Promise<RpcResult<unknown>>;

/** One named function per call the page may make, each handing its input to `send`. */
export function makeBridgeCalls(send: SendCall): BridgeCalls {
  // Built from PAGE_CALL_NAMES, so every key of BridgeCalls is present by construction.
  return Object.fromEntries(PAGE_CALL_NAMES.map((name) => [name, (input: unknown) => send(name, input)])) as BridgeCalls;
}

async function settle<T>(answer: Promise<RpcResult<T>>): Promise<T> {
  const result: unknown = await answer;
  if (!isRpcResult(result)) {
    throw new DialsheetError({ code: 'internal', message: 'Dialsheet got an answer it could not read.' });
  }
  return unwrapResult(result as RpcResult<T>);
}

export function createApi(bridge: DialsheetBridge): DialsheetApi {
  const send = (name: PageCallName, input: unknown): Promise<unknown> =>
    settle((bridge[name] as (input: unknown) => Promise<RpcResult<unknown>>)(input));
  // Built from PAGE_CALL_NAMES like the bridge itself, so every call is present by construction.
  const calls = Object.fromEntries(PAGE_CALL_NAMES.map((name) => [name, (input: unknown) => send(name, input)])) as ApiCalls;
  return {
    ...calls,
    openFile: (file) => settle(bridge.openFile(file)),
    on: (event, listener) => bridge.on(event, listener),
  };
}
