// The names only, with no zod: the sandboxed preload bundles this file and must stay tiny.
export const CALL_NAMES = [
  'appInfo',
  'openSheetPath',
  'openSheetBytes',
  'reopenSheet',
  'setMapping',
  'setCheckOptions',
  'getSheetView',
  'sheetRows',
  'editCell',
  'removeRows',
  'restoreRows',
  'closeSheet',
  'listProfiles',
  'saveProfile',
  'deleteProfile',
  'testConnection',
  'pinHostKey',
  'pinCertificate',
  'planSheetUpload',
  'sendSheet',
  'listJobs',
  'jobSummary',
  'receiptRows',
  'pauseJob',
  'resumeJob',
  'cancelJob',
  'retryFailedJob',
  'decideUnknown',
  'exportReceipt',
  'ivrResults',
  'exportIvrResults',
  'checkClis',
  'addClis',
  'exportCliReceipt',
] as const;
export const EVENT_NAMES = ['sheetProgress', 'jobProgress', 'cliProgress'] as const;

export type CallName = (typeof CALL_NAMES)[number];

/**
 * Opening a file by its path on disk is for the desktop preload alone, with a path it took from a
 * real dropped or picked file. The page never gets the call, so a compromised renderer cannot ask
 * for /etc/passwd or ~/.ssh by name, and the web host (whose browser has no paths) refuses it.
 */
export const PRELOAD_ONLY_CALLS = ['openSheetPath'] as const satisfies readonly CallName[];
export type PageCallName = Exclude<CallName, (typeof PRELOAD_ONLY_CALLS)[number]>;
export const PAGE_CALL_NAMES = CALL_NAMES.filter((name): name is PageCallName => !(PRELOAD_ONLY_CALLS as readonly string[]).includes(name));
export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channel of a call under Electron; the web host uses `/rpc/<name>`. */
export const ipcCallChannel = (name: CallName): string => `dialsheet:call:${name}`;
/** IPC channel on which main pushes an event to the window. */
export const ipcEventChannel = (name: EventName): string => `dialsheet:event:${name}`;

export const isCallName = (value: unknown): value is CallName =>
  typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
