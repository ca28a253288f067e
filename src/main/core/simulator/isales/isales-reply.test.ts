import { describe, expect, it } from 'vitest';

import { decodeIsalesAnswer } from '../../providers/isales/answer';
import { ISALES_CODE, isalesFail, isalesOk, isalesParameterFail } from './isales-reply';

const decode = (answer: { status: number; body: Buffer | string }) => decodeIsalesAnswer({ status: answer.status, body: answer.body });

describe('iSales replies', () => {
  it('success carries both code pairs and the extra fields', () => {
    const answer = isalesOk('done', { importTaskId: '42' });
    expect(JSON.parse(String(answer.body))).toEqual({ resultCode: '0200000', resultDesc: 'done', importTaskId: '42', returnCode: '0200000', returnDesc: 'done' });
    const decoded = decode(answer);
    expect(decoded.ok && decoded.value.json.importTaskId).toBe('42');
  });

  it('a refusal uses the documented meaning, which the app reads back with its code', () => {
    const decoded = decode(isalesFail(ISALES_CODE.campaignMissing));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect([decoded.error.code, decoded.error.providerText]).toEqual(['0200007', 'the campaign does not exist']);
  });

  it('the too-fast refusal reads as rate-limited', () => {
    const decoded = decode(isalesFail(ISALES_CODE.tooFast));
    expect(!decoded.ok && decoded.error.kind).toBe('rate-limited');
  });

  it('a parameter refusal has the short {resultCode, description} shape', () => {
    const answer = isalesParameterFail(ISALES_CODE.hourAndMinute, 'both or neither');
    expect(JSON.parse(String(answer.body))).toEqual({ resultCode: '02000010', description: 'both or neither' });
    const decoded = decode(answer);
    expect(!decoded.ok && decoded.error.code).toBe('02000010');
  });
});
