import { createHash, timingSafeEqual } from 'node:crypto';

import { morHash } from '../../providers/mor/hash';
import type { MorParams } from './mor-params';
import type { MorCampaign, MorRole, MorState, MorUser } from './mor-state';
import { MOR_TEXT } from './mor-texts';

export interface MorGateRule {
  /** The values of the method's hashed parameters, in its documented order. */
  readonly hashed: ReadonlyArray<string | undefined>;
  readonly roles: readonly MorRole[];
  /** The spelling of "not authorized" the method's page uses. */
  readonly deniedText: string;
}

/** A refusal carries MOR's error text; each method wraps it (cli_add gzips it). */
export type MorGate = { readonly ok: true; readonly user: MorUser } | { readonly ok: false; readonly error: string };

function sameText(a: string, b: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The checks every MOR API method makes first, in the order a server must make them: who is
 * asking (Access Denied), is the request signed with the server's secret (Incorrect hash),
 * may that user call this (not authorized). An absent hashed parameter adds nothing to the
 * hash, the same reading the app's signer uses.
 */
export function morGate(state: MorState, params: MorParams, rule: MorGateRule): MorGate {
  const user = state.users.get(params.get('u') ?? '');
  if (user === undefined) return { ok: false, error: MOR_TEXT.accessDenied };
  if (state.hashChecking) {
    const values = rule.hashed.filter((value): value is string => value !== undefined);
    if (!sameText(params.get('hash') ?? '', morHash(values, state.apiSecret))) {
      return { ok: false, error: MOR_TEXT.incorrectHash };
    }
  }
  if (!rule.roles.includes(user.role)) return { ok: false, error: rule.deniedText };
  return { ok: true, user };
}

/**
 * The campaign `id` names, if this user owns it. Another user's campaign is "not found", not
 * "denied": MOR only says `u` must be the owner; which error it gives otherwise is a guess.
 */
export function ownedCampaign(state: MorState, id: string | undefined, user: MorUser): MorCampaign | undefined {
  if (id === undefined || !/^\d+$/.test(id)) return undefined;
  const campaign = state.campaigns.get(Number(id));
  return campaign?.owner === user.username ? campaign : undefined;
}
