import type { C2Encoding } from '../../providers/isales/c2-signer';
import type { SimulatorState } from '../simulator-state';
import type { TimerBag } from '../timer-bag';

export interface IsalesConfig {
  /** Each import-task stage lasts this long. */
  readonly importStepMs: number;
  /** Documented: at least 1 s between add-numbers calls (0200022). */
  readonly minAddIntervalMs: number;
  /** Documented: 20 records per add-numbers call (0200029). */
  readonly maxRecordsPerAdd: number;
  readonly signatureEncoding: C2Encoding;
  readonly maxClockSkewMs: number;
}

export const DEFAULT_ISALES_CONFIG: IsalesConfig = {
  importStepMs: 500,
  minAddIntervalMs: 1000,
  maxRecordsPerAdd: 20,
  signatureEncoding: 'hex',
  // Not documented; 15 minutes is what signed-request schemes commonly allow.
  maxClockSkewMs: 15 * 60 * 1000,
};

export interface IsalesContext {
  readonly state: SimulatorState;
  /** Timers of import tasks: cancelled on reset and on close. */
  readonly timers: TimerBag;
  readonly now: () => Date;
  readonly config: IsalesConfig;
}

/** One signed, routed call: the path parameters and the parsed JSON body. */
export interface IsalesCall {
  readonly vdnId: number;
  readonly campaignId: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export type Field<T> = { readonly kind: 'absent' } | { readonly kind: 'wrong-type' } | { readonly kind: 'ok'; readonly value: T };

/** A string field; numbers are taken as their text, since the docs type some numbers as String. */
export function textField(body: Readonly<Record<string, unknown>>, name: string): Field<string> {
  const value = body[name];
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value === 'string') return { kind: 'ok', value };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'ok', value: String(value) };
  return { kind: 'wrong-type' };
}

export function integerField(body: Readonly<Record<string, unknown>>, name: string): Field<number> {
  const text = textField(body, name);
  if (text.kind !== 'ok') return text;
  return /^\d+$/.test(text.value) ? { kind: 'ok', value: Number(text.value) } : { kind: 'wrong-type' };
}
