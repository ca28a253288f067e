import { Agent } from 'undici';

import { UserError } from '../user-error';
import { buildPinnedConnector } from './pinned-connector';
import { normaliseFingerprint, type TlsPin } from '../../../shared/profiles/tls-pin';
import { caPemProblem } from './tls-pin';

export type PinnedFetch = ((input: string | URL | Request, init?: RequestInit) => Promise<Response>) & {
  /** Closes the kept-alive connections; the function must not be used afterwards. */
  close(): Promise<void>;
};

/** Checks a pin that may not have come through the profile schema, and puts it in canonical form. */
function checkedPin(pin: TlsPin): TlsPin {
  if (pin === null) return null;
  if ('caPem' in pin) {
    const problem = caPemProblem(pin.caPem);
    if (problem !== null) throw new UserError('bad-input', problem);
    return { caPem: pin.caPem };
  }
  const sha256 = normaliseFingerprint(pin.sha256);
  if (sha256 === null) throw new UserError('bad-input', 'The pinned SHA-256 fingerprint is not 64 hexadecimal digits.');
  return { sha256 };
}

/**
 * Node's own fetch is used, not undici's, so callers get Node's Request, Response and FormData:
 * the undici package's fetch does not recognise Node's FormData (Node bundles its own copy of
 * undici) and would send the text "[object FormData]". Only the dispatcher comes from undici 7. Node types its fetch with undici-types 6, which declares
 * the same Dispatcher contract in another package, hence this one cast; undici 7 agents accept
 * the handlers Node's fetch passes (pinned-fetch.test.ts sends a multipart body to prove it).
 */
function asNodeFetchDispatcher(agent: Agent): NonNullable<RequestInit['dispatcher']> {
  return agent as unknown as NonNullable<RequestInit['dispatcher']>;
}

/** undici wraps connector errors in TypeError('fetch failed'); ours are meant for the user as they are. */
function unwrap(error: unknown): unknown {
  if (error instanceof Error && error.cause instanceof UserError) return error.cause;
  return error;
}

/**
 * A fetch whose every connection obeys `pin` (see tls-pin.ts and pinned-connector.ts). Verification
 * cannot be turned off: the connector has no such setting, and a `dispatcher` passed in `init`
 * is overridden so a caller cannot bring a laxer one.
 *
 * Redirects are not followed unless the caller asks (`redirect: 'follow'`): the provider APIs do
 * not redirect, so one means a wrong base URL, and following it would replay credential headers
 * such as Ringostat's Auth-key to wherever it points. The caller gets the 3xx answer to report.
 */
export function createPinnedFetch(pin: TlsPin): PinnedFetch {
  const agent = new Agent({ connect: buildPinnedConnector(checkedPin(pin)) });
  const dispatcher = asNodeFetchDispatcher(agent);
  const pinnedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    try {
      return await fetch(input, { redirect: 'manual', ...init, dispatcher });
    } catch (error) {
      throw unwrap(error);
    }
  };
  return Object.assign(pinnedFetch, { close: () => agent.close() });
}
