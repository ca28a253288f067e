// Both hosts carry every answer in this envelope, so an error reaches the renderer typed,
// not as Electron's "Error invoking remote method" text or a bare HTTP status.

export const ERROR_CODES = ['bad-input', 'not-found', 'too-large', 'unreadable', 'refused', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  code: ErrorCode;
  message: string;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** What the renderer catches when a call fails. */
export class DialsheetError extends Error {
  readonly code: ErrorCode;
  constructor(error: RpcError) {
    super(error.message);
    this.name = 'DialsheetError';
    this.code = error.code;
  }
}

export function unwrapResult<T>(result: RpcResult<T>): T {
  if (result.ok) return result.value;
  throw new DialsheetError(result.error);
}

export function isRpcResult(value: unknown): value is RpcResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}
