import { createHash } from 'node:crypto';

/**
 * MOR API `hash`: lowercase hex SHA1 of the hashed parameters' values (not names), joined with
 * no separator, followed by the API secret key.
 *
 * Order matters on older MOR (the wiki once said "as listed in the method description"; newer
 * revisions say any order but contradict themselves), so each method below hashes in exactly its
 * documented order, and the request should send its fields in that same order.
 *
 * The secret goes into the digest only; nothing here ever returns or throws it.
 */
export function morHash(values: readonly string[], apiSecret: string): string {
  return createHash('sha1').update(values.join('') + apiSecret, 'utf8').digest('hex');
}

// MOR ids are database integers; accepting numbers spares callers a String() at every site.
type Id = string | number;

/**
 * autodialer_upload_numbers: only `id` is hashed (`u`, `file` and `hash` are not).
 * Confirmed: the wiki example (id 1, secret "secret") reproduces as SHA1("1secret").
 */
export function uploadNumbersHash(params: { readonly id: Id }, apiSecret: string): string {
  return morHash([String(params.id)], apiSecret);
}

/**
 * autodialer_get_campaign_ivr_poll_results: `u` then `id`, as the page lists them.
 * The list order is documented; the page's example hash (u=some_user, id=2, key 456789) could
 * not be reproduced with any combination of its values, so the example itself is not evidence.
 */
export function ivrPollResultsHash(params: { readonly u: string; readonly id: Id }, apiSecret: string): string {
  return morHash([params.u, String(params.id)], apiSecret);
}

export interface CliAddParams {
  readonly deviceId: Id;
  readonly cliNumber?: string;
  readonly cliDescription?: string;
  readonly comment?: string;
  readonly banned?: boolean;
  readonly ivrId?: Id;
}

/**
 * cli_add hashes the parameters in the order the page lists them, minus the ones it excludes:
 * device_id, cli_number, cli_description, comment, banned, ivr_id.
 *
 * Confirmed by the page text: `cli_domain` is "not included into hash", and its note says
 * "username and password are not included in hash", so `u` is left out (unlike the autodialer
 * methods, which hash `u`).
 * Guessed: the order (taken from the parameter list; the page never says it is the hash order)
 * and that an absent optional parameter simply contributes nothing. The page's example hash
 * 1ba6df6a… could not be reproduced from its own values in any order or subset, with or without
 * `u`, so it cannot settle either point. Verify on a server via SETTINGS > Setup > Generate hash.
 */
export const CLI_ADD_HASHED_ORDER = ['device_id', 'cli_number', 'cli_description', 'comment', 'banned', 'ivr_id'] as const;

export type CliAddHashedName = (typeof CLI_ADD_HASHED_ORDER)[number];

/**
 * The hashed cli_add fields that are present, as [name, value] in hash order, so the request
 * can send them in the same order the hash used.
 */
export function cliAddHashedFields(params: CliAddParams): Array<readonly [CliAddHashedName, string]> {
  const values: Record<CliAddHashedName, string | undefined> = {
    device_id: String(params.deviceId),
    cli_number: params.cliNumber,
    cli_description: params.cliDescription,
    comment: params.comment,
    banned: params.banned === undefined ? undefined : params.banned ? '1' : '0',
    ivr_id: params.ivrId === undefined ? undefined : String(params.ivrId),
  };
  const fields: Array<readonly [CliAddHashedName, string]> = [];
  for (const name of CLI_ADD_HASHED_ORDER) {
    const value = values[name];
    if (value !== undefined) fields.push([name, value]);
  }
  return fields;
}

export function cliAddHash(params: CliAddParams, apiSecret: string): string {
  return morHash(
    cliAddHashedFields(params).map(([, value]) => value),
    apiSecret,
  );
}
