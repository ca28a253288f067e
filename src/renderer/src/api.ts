import { createApi, type DialsheetApi } from '../../shared/bridge';

/** The bridge with answers unwrapped; null when the page was opened without a host around it. */
export function connectApi(): DialsheetApi | null {
  return window.dialsheet ? createApi(window.dialsheet) : null;
}
