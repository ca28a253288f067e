import { describe, expect, it } from 'vitest';

import { isalesCall, isalesPath, jsonOf } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';

const sim = useSimulator({ isales: { importStepMs: 60_000 } });

describe('iSales routing over HTTP', () => {
  it('answers 404 for paths it does not serve, 405 for other methods', async () => {
    expect((await isalesCall(sim(), '/rest/isales/v1/openapi/campaigns/1/calldatafile/unknown/1001', {})).status).toBe(404);
    expect((await isalesCall(sim(), '/rest/isales/v2/openapi/campaigns/1/calldatafile/uploadFileServer/1001', {})).status).toBe(404);
    expect((await fetch(`${sim().urls.isales}${isalesPath(sim(), 'calldata', '1001')}`)).status).toBe(405);
  });

  it('answers 401 without a signature, or with an AK not meant for the VDN', async () => {
    const url = `${sim().urls.isales}${isalesPath(sim(), 'queryDataImportTask', '1001')}`;
    expect((await fetch(url, { method: 'POST', body: '{"limit":1}' })).status).toBe(401);
    const otherVdn = await isalesCall(sim(), isalesPath(sim(), 'queryDataImportTask', '1001', 2), { limit: 1 });
    expect(otherVdn.status).toBe(401);
  });

  it('accepts a Base64 signature only when the server is set to it', async () => {
    expect((await isalesCall(sim(), isalesPath(sim(), 'queryDataImportTask', '1001'), { limit: 1 }, { encoding: 'base64' })).status).toBe(401);
  });

  it('refuses a stale signature', async () => {
    const old = new Date(Date.now() - 60 * 60 * 1000);
    expect((await isalesCall(sim(), isalesPath(sim(), 'queryDataImportTask', '1001'), { limit: 1 }, { time: old })).status).toBe(401);
  });

  it('checks vdnId is 1-9999 and the body is a JSON object', async () => {
    const key = sim().state.isales.accessKeys.get(sim().credentials.isales.accessKey);
    if (key === undefined) throw new Error('seed changed');
    sim().state.isales.accessKeys.set(sim().credentials.isales.accessKey, { ...key, vdnIds: [...key.vdnIds, 0, 10000] });
    for (const vdn of [0, 10000]) {
      expect(jsonOf(await isalesCall(sim(), isalesPath(sim(), 'queryDataImportTask', '1001', vdn), { limit: 1 })).resultCode).toBe('0200001');
    }
    const bad = await isalesCall(sim(), isalesPath(sim(), 'queryDataImportTask', '1001'), null, { rawBody: '[1,2]' });
    expect(jsonOf(bad).resultCode).toBe('0200001');
  });
});
