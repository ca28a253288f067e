import { describeIsalesCode, ISALES_SUCCESS } from '../../providers/isales/error-codes';
import { jsonAnswer, type SimAnswer } from '../http/sim-http';

/** The documented result codes the simulator sends (providers/isales/error-codes.ts has them all). */
export const ISALES_CODE = {
  success: ISALES_SUCCESS,
  parameter: '0200001',
  empty: '02000001',
  invalidCharacters: '02000002',
  tooLong: '02000003',
  wrongType: '02000006',
  wrongValue: '02000007',
  hourAndMinute: '02000010',
  campaignMissing: '0200007',
  duplicates: '0200018',
  stateForbidsAdding: '0200019',
  overUncompletedLimit: '0200020',
  tooFast: '0200022',
  blocklisted: '0200024',
  overPerCallMax: '0200029',
  badTimeFormat: '0200030',
} as const;

export type IsalesCode = (typeof ISALES_CODE)[keyof typeof ISALES_CODE];

/** Success: both code pairs, as the documented examples show. HTTP 200. */
export function isalesOk(description: string, extra: Readonly<Record<string, unknown>> = {}): SimAnswer {
  return jsonAnswer(200, { resultCode: ISALES_SUCCESS, resultDesc: description, ...extra, returnCode: ISALES_SUCCESS, returnDesc: description });
}

/**
 * A business refusal in the full shape. That it comes with HTTP 200 is a guess: the docs give
 * codes, not statuses, except 401 for signatures.
 */
export function isalesFail(code: IsalesCode, detail?: string): SimAnswer {
  const description = detail ?? describeIsalesCode(code) ?? 'failed';
  return jsonAnswer(200, { resultCode: code, resultDesc: description, returnCode: code, returnDesc: description });
}

/**
 * A parameter-validation refusal in the short {resultCode, description} shape the addServer
 * sample shows. Using it for every 0200001/0200000x code is a guess.
 */
export function isalesParameterFail(code: IsalesCode, description: string): SimAnswer {
  return jsonAnswer(200, { resultCode: code, description });
}
