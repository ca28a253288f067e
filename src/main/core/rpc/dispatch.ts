import type { z } from 'zod';

import { isCallName } from '../../../shared/channels';
import { calls } from '../../../shared/contract';
import type { RpcResult } from '../../../shared/result';
import { UserError } from '../user-error';
import type { HandlerTable } from './handler-table';

export type LogError = (message: string, error: unknown) => void;

/** The first few problems zod found, as one line a person can read. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return parts.join('; ') + more;
}

/**
 * Runs one call from an untrusted caller: the name must be in the contract, the input must
 * parse with its schema, and whatever happens the answer is a typed result, never a throw.
 */
export async function dispatch(
  table: HandlerTable,
  name: unknown,
  rawInput: unknown,
  logError: LogError,
): Promise<RpcResult<unknown>> {
  if (!isCallName(name)) {
    // String() throws for an object without a usable toString (Object.create(null)): name only strings.
    const shown = typeof name === 'string' ? name.slice(0, 60) : `(a ${name === null ? 'null' : typeof name}, not a name)`;
    return { ok: false, error: { code: 'bad-input', message: `Unknown call: ${shown}` } };
  }
  const parsed = calls[name].input.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad-input', message: `Bad input for ${name}: ${describeIssues(parsed.error)}` } };
  }
  try {
    const handler = table[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    const checked = calls[name].output.safeParse(value);
    if (!checked.success) {
      logError(`answer to ${name} broke the contract: ${describeIssues(checked.error)}`, checked.error);
      return { ok: false, error: { code: 'internal', message: 'Dialsheet made an answer it should not have; see the log.' } };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: { code: error.code, message: error.message } };
    logError(`call ${name} failed`, error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Dialsheet; nothing was changed. See the log.' },
    };
  }
}
