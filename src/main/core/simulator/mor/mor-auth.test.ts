import { describe, expect, it } from 'vitest';

import { morHash } from '../../providers/mor/hash';
import { SimulatorState } from '../simulator-state';
import { morGate, ownedCampaign } from './mor-auth';
import type { MorParams } from './mor-params';
import { MOR_TEXT } from './mor-texts';

const params = (fields: Record<string, string>): MorParams => ({ get: (name) => fields[name] });

describe('morGate', () => {
  const state = new SimulatorState();
  const secret = state.mor.apiSecret;
  const rule = { hashed: ['1'], roles: ['user'] as const, deniedText: MOR_TEXT.notAuthorized };

  it('lets a known user with a right hash and role through', () => {
    const gate = morGate(state.mor, params({ u: 'demo', hash: morHash(['1'], secret) }), rule);
    expect(gate.ok && gate.user.username).toBe('demo');
  });

  it('checks who asks first, then the hash, then the role', () => {
    expect(morGate(state.mor, params({ u: 'ghost', hash: 'bad' }), rule)).toEqual({ ok: false, error: MOR_TEXT.accessDenied });
    expect(morGate(state.mor, params({ hash: morHash(['1'], secret) }), rule)).toEqual({ ok: false, error: MOR_TEXT.accessDenied });
    expect(morGate(state.mor, params({ u: 'admin', hash: 'bad' }), rule)).toEqual({ ok: false, error: MOR_TEXT.incorrectHash });
    expect(morGate(state.mor, params({ u: 'admin', hash: morHash(['1'], secret) }), rule)).toEqual({ ok: false, error: MOR_TEXT.notAuthorized });
  });

  it('leaves absent hashed values out of the hash', () => {
    const gate = morGate(state.mor, params({ u: 'demo', hash: morHash(['a', 'c'], secret) }), { ...rule, hashed: ['a', undefined, 'c'] });
    expect(gate.ok).toBe(true);
  });

  it('skips the hash when hash checking is disabled', () => {
    const own = new SimulatorState();
    own.mor.hashChecking = false;
    expect(morGate(own.mor, params({ u: 'demo' }), rule).ok).toBe(true);
  });
});

describe('ownedCampaign', () => {
  const state = new SimulatorState();
  const demo = { username: 'demo', role: 'user' } as const;

  it("finds the user's own campaign only", () => {
    expect(ownedCampaign(state.mor, '1', demo)?.id).toBe(1);
    expect(ownedCampaign(state.mor, '4', demo)).toBeUndefined();
    expect(ownedCampaign(state.mor, '1.0', demo)).toBeUndefined();
    expect(ownedCampaign(state.mor, undefined, demo)).toBeUndefined();
  });
});
