import type { DialsheetBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Set by the preload (desktop) or the web host's bridge script (browser). */
    readonly dialsheet?: DialsheetBridge;
  }
}
