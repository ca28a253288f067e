import type { CallName, EventName } from '../../../shared/channels';
import type { CallInput, CallOutput, EventPayload } from '../../../shared/contract';

export type Handler<K extends CallName> = (input: CallInput<K>) => Promise<CallOutput<K>>;

/** One handler per call in the contract; both hosts bind this same table. */
export type HandlerTable = { [K in CallName]: Handler<K> };

/** Where handlers push events; each host delivers them its own way (IPC or SSE). */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
