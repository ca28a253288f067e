import { jsonAnswer, type SimAnswer, type SimHandler, type SimRequest } from '../http/sim-http';
import { addCallData } from './isales-calldata';
import { verifyC2 } from './isales-c2-verify';
import type { IsalesCall, IsalesContext } from './isales-context';
import { queryDataImportTask } from './isales-query-import-task';
import { ISALES_CODE, isalesParameterFail } from './isales-reply';
import { uploadFileServer } from './isales-upload-file-server';

type IsalesMethod = (context: IsalesContext, call: IsalesCall) => SimAnswer;

const ROUTES: ReadonlyArray<readonly [RegExp, IsalesMethod]> = [
  [/^\/rest\/isales\/v1\/openapi\/campaigns\/([^/]+)\/calldatafile\/uploadFileServer\/([^/]+)$/, uploadFileServer],
  [/^\/rest\/isales\/v1\/openapi\/campaigns\/([^/]+)\/calldatafile\/queryDataImportTask\/([^/]+)$/, queryDataImportTask],
  [/^\/rest\/isales\/v[12]\/openapi\/campaigns\/([^/]+)\/calldata\/([^/]+)$/, addCallData],
];

interface Route {
  readonly method: IsalesMethod;
  readonly vdnText: string;
  readonly campaignId: string;
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function route(request: SimRequest): Route | undefined {
  for (const [pattern, method] of ROUTES) {
    const match = pattern.exec(request.routePath);
    const campaignId = match?.[2] === undefined ? undefined : decoded(match[2]);
    if (match?.[1] !== undefined && campaignId !== undefined) return { method, vdnText: match[1], campaignId };
  }
  return undefined;
}

function parseBody(body: Buffer): Record<string, unknown> | undefined {
  try {
    const json = JSON.parse(body.toString('utf8')) as unknown;
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// The 401 body is not documented; only the status is.
const UNAUTHORIZED = jsonAnswer(401, { message: 'Unauthorized' });

/**
 * CC-iSales openapi under /isales: every call is C2-signed (401 otherwise), vdnId is 1-9999,
 * and the body is JSON. What iSales answers for a malformed vdnId or body is not documented;
 * the parameter-error code is a guess.
 */
export function createIsalesHandler(context: IsalesContext): SimHandler {
  return async (request) => {
    const target = route(request);
    if (target === undefined) return jsonAnswer(404, { message: 'Not Found' });
    if (request.method !== 'POST') return jsonAnswer(405, { message: 'Method Not Allowed' });
    const keys = context.state.isales.accessKeys;
    const verdict = verifyC2(request, keys, { encoding: context.config.signatureEncoding, maxSkewMs: context.config.maxClockSkewMs, now: context.now() });
    if (!verdict.ok) return UNAUTHORIZED;
    const vdnId = /^\d{1,4}$/.test(target.vdnText) ? Number(target.vdnText) : 0;
    if (vdnId < 1 || vdnId > 9999) return isalesParameterFail(ISALES_CODE.parameter, 'vdnId must be a whole number from 1 to 9999.');
    // An AK acts for its own tenants only; for another VDN the signature proves nothing.
    if (!keys.get(verdict.accessKey)?.vdnIds.includes(vdnId)) return UNAUTHORIZED;
    const body = parseBody(request.body);
    if (body === undefined) return isalesParameterFail(ISALES_CODE.parameter, 'The request body must be a JSON object.');
    return target.method(context, { vdnId, campaignId: target.campaignId, body });
  };
}
