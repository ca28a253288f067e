import type { ErrorCode } from '../../shared/result';

/**
 * A failure the user can act on. Its message is shown as is, so it must say what was wrong,
 * what was kept and what to do next, and must never carry a secret.
 */
export class UserError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}
