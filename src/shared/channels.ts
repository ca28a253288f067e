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
  'addClis',
] as const;
export const EVENT_NAMES = ['sheetProgress', 'jobProgress'] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channel of a call under Electron; the web host uses `/rpc/<name>`. */
export const ipcCallChannel = (name: CallName): string => `dialsheet:call:${name}`;
/** IPC channel on which main pushes an event to the window. */
export const ipcEventChannel = (name: EventName): string => `dialsheet:event:${name}`;

export const isCallName = (value: unknown): value is CallName =>
  typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
