import { bodyExcerpt } from '../body-excerpt';

/**
 * One row of the iSales outbound call-data template (seed: isales-calldatafile-upload-file-server,
 * Tables 1-3). Lengths count UTF-16 code units, as Java's String.length() does on the server
 * side; that the server counts this way is a guess.
 */

export interface CalledNumber {
  readonly calledNo: string;
  /** Seconds 0-7200; iSales defaults to 0 when absent. */
  readonly delayTime?: string | number;
  readonly type?: string;
}

export interface CallDataInput {
  readonly sessionId?: string;
  readonly called: readonly CalledNumber[];
  readonly caller?: string;
  readonly callData?: string;
  readonly customField?: string;
  readonly recycleTime?: string;
}

/**
 * Template column order (Table 1). Newer docs add `priority`, but where it goes is not known,
 * so it is left out rather than guessed into a position.
 */
export const CALL_DATA_COLUMNS = ['sessionId', 'called', 'caller', 'callData', 'customField', 'recycleTime'] as const;

export type CallDataRow = readonly [
  sessionId: string,
  called: string,
  caller: string,
  callData: string,
  customField: string,
  recycleTime: string,
];

export type CallDataReason =
  | 'required'
  | 'too-long'
  | 'invalid-characters'
  | 'out-of-range'
  | 'invalid-format'
  | 'not-json';

export interface CallDataProblem {
  /** The field, with its place inside `called`, e.g. "called[1].calledNo". */
  readonly field: string;
  readonly reason: CallDataReason;
  readonly message: string;
}

export type CallDataResult =
  | { readonly ok: true; readonly row: CallDataRow }
  | { readonly ok: false; readonly problems: readonly CallDataProblem[] };

export interface CallDataOptions {
  /** Intelligent-IVR flows parse callData as JSON, so for them it must be JSON. */
  readonly requireJsonCallData?: boolean;
}

// Quoted values are the user's own data; cut so a junk cell can't swamp the message.
const quote = (value: string): string => `"${bodyExcerpt(value, { max: 40 })}"`;

const LIMITS = { sessionId: 32, calledNo: 24, caller: 24, callData: 1024, customField: 200 } as const;
const MAX_DELAY_SECONDS = 7200;

function tooLong(field: string, value: string, max: number): CallDataProblem[] {
  if (value.length <= max) return [];
  return [
    {
      field,
      reason: 'too-long',
      message: `${field} has ${value.length} characters; iSales accepts at most ${max}.`,
    },
  ];
}

function checkCalledNo(field: string, calledNo: string): CallDataProblem[] {
  if (calledNo === '') return [{ field, reason: 'required', message: `${field} is empty; each called entry needs a number.` }];
  if (!/^[0-9*#]+$/.test(calledNo)) {
    return [
      {
        field,
        reason: 'invalid-characters',
        message: `${field} ${quote(calledNo)} may hold only digits, * and # (no +, spaces or dashes).`,
      },
    ];
  }
  return tooLong(field, calledNo, LIMITS.calledNo);
}

function checkDelay(field: string, delay: string): CallDataProblem[] {
  if (/^\d{1,4}$/.test(delay) && Number(delay) <= MAX_DELAY_SECONDS) return [];
  return [
    {
      field,
      reason: 'out-of-range',
      message: `${field} ${quote(delay)} must be a whole number of seconds from 0 to ${MAX_DELAY_SECONDS}.`,
    },
  ];
}

function checkCalled(called: readonly CalledNumber[]): CallDataProblem[] {
  if (called.length === 0) {
    return [{ field: 'called', reason: 'required', message: 'called is empty; a row needs at least one number to call.' }];
  }
  return called.flatMap((entry, i) => [
    ...checkCalledNo(`called[${i}].calledNo`, entry.calledNo),
    ...(entry.delayTime === undefined ? [] : checkDelay(`called[${i}].delayTime`, String(entry.delayTime))),
  ]);
}

function isRealDateTime(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date rolls 2024-02-30 over to March 1 and 24:00 to the next day; writing the value back
  // out and comparing catches every impossible date or time.
  return date.toISOString().slice(0, 19) === text.replace(' ', 'T');
}

function checkRecycleTime(value: string | undefined): CallDataProblem[] {
  if (value === undefined || value === '' || isRealDateTime(value)) return [];
  return [
    {
      field: 'recycleTime',
      reason: 'invalid-format',
      message: `recycleTime ${quote(value)} must be a real date and time written yyyy-mm-dd hh:mm:ss.`,
    },
  ];
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function checkCallData(value: string | undefined, requireJson: boolean): CallDataProblem[] {
  if (value === undefined || value === '') return [];
  const length = tooLong('callData', value, LIMITS.callData);
  if (length.length > 0 || !requireJson || isJson(value)) return length;
  return [{ field: 'callData', reason: 'not-json', message: 'callData must be JSON for an intelligent IVR flow.' }];
}

/**
 * The `called` cell: double-quoted JSON (the template's own example uses single quotes, which
 * is not JSON; valid JSON is the safer reading). Numbers stay strings to keep leading zeros.
 */
export function calledCell(called: readonly CalledNumber[]): string {
  return JSON.stringify(
    called.map((entry) => ({
      calledNo: entry.calledNo,
      ...(entry.delayTime === undefined ? {} : { delayTime: String(entry.delayTime) }),
      ...(entry.type === undefined ? {} : { type: entry.type }),
    })),
  );
}

export function buildCallDataRow(input: CallDataInput, options: CallDataOptions = {}): CallDataResult {
  const problems = [
    ...tooLong('sessionId', input.sessionId ?? '', LIMITS.sessionId),
    ...checkCalled(input.called),
    ...tooLong('caller', input.caller ?? '', LIMITS.caller),
    ...checkCallData(input.callData, options.requireJsonCallData ?? false),
    ...tooLong('customField', input.customField ?? '', LIMITS.customField),
    ...checkRecycleTime(input.recycleTime),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    row: [
      input.sessionId ?? '',
      calledCell(input.called),
      input.caller ?? '',
      input.callData ?? '',
      input.customField ?? '',
      input.recycleTime ?? '',
    ],
  };
}
