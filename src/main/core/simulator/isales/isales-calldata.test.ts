import { describe, expect, it } from 'vitest';

import { decodeIsalesAnswer } from '../../providers/isales/answer';
import { ISALES_BLOCKED_NUMBER } from '../demo-seed';
import { isalesCall, isalesPath, jsonOf, type ReadAnswer } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';
import { isalesCampaignKey } from './isales-state';

// The 1-second rule is kept short here so tests can pass it; one test runs it at full length.
const sim = useSimulator({ isales: { minAddIntervalMs: 0 } });

function add(list: unknown, campaignId = '1001', version: 'v1' | 'v2' = 'v1'): Promise<ReadAnswer> {
  const path = isalesPath(sim(), 'calldata', campaignId).replace('/v1/', `/${version}/`);
  return isalesCall(sim(), path, { callDataList: list });
}

const codeOf = (answer: ReadAnswer): unknown => jsonOf(answer).resultCode;
const campaign = (id = '1001') => sim().state.isales.campaigns.get(isalesCampaignKey(sim().credentials.isales.vdnId, id));

describe('calldata (JSON add-numbers) over HTTP', () => {
  it('adds numbers and returns a dataId for each', async () => {
    const answer = await add([
      { sessionId: 's1', called: '0931111111' },
      { called: '0932222222' },
    ]);
    const decoded = decodeIsalesAnswer({ status: answer.status, body: answer.bytes });
    if (!decoded.ok) throw new Error(decoded.error.message);
    const list = (decoded.value.json.returnObject as { dataIdList: Array<{ called: string; dataId: string }> }).dataIdList;
    expect(list.map((entry) => entry.called)).toEqual(['0931111111', '0932222222']);
    expect(new Set(list.map((entry) => entry.dataId)).size).toBe(2);
    expect(campaign()?.records.map((r) => [r.sessionId, r.called, r.via])).toEqual([
      ['s1', ['0931111111'], 'api'],
      ['', ['0932222222'], 'api'],
    ]);
  });

  it('takes V2 on the same path', async () => {
    expect(codeOf(await add([{ called: '1' }], '1001', 'v2'))).toBe('0200000');
  });

  it('takes at most 20 per call (0200029) and at least one (02000001)', async () => {
    const list = Array.from({ length: 21 }, (_, i) => ({ called: String(1000 + i) }));
    expect(codeOf(await add(list))).toBe('0200029');
    expect(codeOf(await add(list.slice(0, 20)))).toBe('0200000');
    expect(codeOf(await add([]))).toBe('02000001');
    expect(codeOf(await add('x'))).toBe('02000001');
  });

  it('checks each record (02000001, 02000002, 02000003, 0200030)', async () => {
    expect(codeOf(await add([{ sessionId: 'x' }]))).toBe('02000001');
    expect(codeOf(await add([{ called: '+380931234567' }]))).toBe('02000002');
    expect(codeOf(await add([{ called: '1'.repeat(25) }]))).toBe('02000003');
    expect(codeOf(await add([{ called: '1', recycleTime: '2025-13-01 00:00:00' }]))).toBe('0200030');
    expect(codeOf(await add([{ called: ['1'] }]))).toBe('02000006');
    expect(campaign()?.records).toEqual([]);
  });

  it('refuses duplicates (0200018) and blocklisted numbers (0200024), adding none of the call', async () => {
    await add([{ called: '555' }]);
    expect(codeOf(await add([{ called: '556' }, { called: '555' }]))).toBe('0200018');
    expect(codeOf(await add([{ called: '557' }, { called: '557' }]))).toBe('0200018');
    expect(codeOf(await add([{ called: '558' }, { called: ISALES_BLOCKED_NUMBER }]))).toBe('0200024');
    expect(campaign()?.records.map((r) => r.called[0])).toEqual(['555']);
    expect(campaign()?.received.arrivals('555')).toBe(2);
  });

  it('refuses an ended campaign (0200019), a full one (0200020) and a missing one (0200007)', async () => {
    expect(codeOf(await add([{ called: '1' }], '1002'))).toBe('0200019');
    const full = campaign();
    if (full === undefined) throw new Error('seed changed');
    full.maxUncompleted = 1;
    expect(codeOf(await add([{ called: '1' }, { called: '2' }]))).toBe('0200020');
    expect(codeOf(await add([{ called: '1' }], '4040'))).toBe('0200007');
  });
});

describe('calldata 1-second rule', () => {
  // A minute instead of the documented second, so a slow machine cannot let the second call through.
  const strict = useSimulator({ isales: { minAddIntervalMs: 60_000 } });

  it('refuses a call too soon after the last (0200022), which the app reads as rate-limited', async () => {
    const path = isalesPath(strict(), 'calldata', '1001');
    expect(jsonOf(await isalesCall(strict(), path, { callDataList: [{ called: '1' }] })).resultCode).toBe('0200000');
    const fast = await isalesCall(strict(), path, { callDataList: [{ called: '2' }] });
    expect(jsonOf(fast).resultCode).toBe('0200022');
    const decoded = decodeIsalesAnswer({ status: fast.status, body: fast.bytes });
    expect(!decoded.ok && decoded.error.kind).toBe('rate-limited');
    // Another campaign has its own clock (a guess about the rule's scope): it gets past the rule.
    expect(jsonOf(await isalesCall(strict(), isalesPath(strict(), 'calldata', '1002'), { callDataList: [{ called: '3' }] })).resultCode).toBe('0200019');
  });
});
