import type { DialsheetBridge } from '../src/shared/bridge';
import { expect, test } from './fixtures/web-host';

type BridgeWindow = Window & { dialsheet: DialsheetBridge };

test.describe('profiles through the web host', () => {
  test.beforeEach(async ({ page, webHost }) => {
    await page.goto(webHost.url);
  });

  test('lists the three Demo profiles, and the Demo MOR profile tests ok against the embedded simulator', async ({ page }) => {
    const listed = await page.evaluate(() => (window as unknown as BridgeWindow).dialsheet.listProfiles({}));
    expect(listed.ok).toBe(true);
    const profiles = listed.ok ? listed.value : [];
    expect(profiles.map((p) => [p.id, p.builtIn])).toEqual([
      ['demo-mor', true],
      ['demo-ringostat', true],
      ['demo-isales', true],
    ]);
    expect(profiles[0]?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mor$/);
    expect(profiles[0]?.secrets).toEqual({ apiSecret: 'set' });
    expect(JSON.stringify(profiles)).not.toContain('demo-mor-api-secret');

    const verdict = await page.evaluate(() => (window as unknown as BridgeWindow).dialsheet.testConnection({ profileId: 'demo-mor' }));
    expect(verdict).toMatchObject({ ok: true, value: { kind: 'ok' } });
  });

  test('fetches the Demo MOR campaign\'s IVR poll results through the app', async ({ page }) => {
    const answer = await page.evaluate(() => (window as unknown as BridgeWindow).dialsheet.ivrResults({ profileId: 'demo-mor', campaignId: '1' }));
    expect(answer).toMatchObject({ ok: true, value: { campaign: 1, raw: '1111\n2222,2020-01-01 01:01:01,2090-12-31 23:59:59' } });
  });
});
