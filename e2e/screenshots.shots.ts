import type { Page } from '@playwright/test';

import { startSimulator } from '../src/main/core/simulator/start-simulator';
import type { DialsheetBridge } from '../src/shared/bridge';
import { dropFile } from './fixtures/drop-file';
import { expect, test } from './fixtures/web-host';

type BridgeWindow = Window & { dialsheet: DialsheetBridge };

// Not a test: `npm run screenshots` renders the README's pictures from the real app.
const rows = [
  'Телефон;ПІБ;Коментар',
  '+380931234567;Шевченко Тарас;VIP',
  '0501112233;Іваненко Олена;передзвонити після 14:00',
  '380671234567;Петренко Андрій;',
  '044 234 56 78;ТОВ «Світанок»;офіс',
  '0931234567;Коваль Марія;',
  '+48 512 345 678;Nowak Anna;PL',
  '3.8093E+11;Бондаренко Ігор;з Excel',
  '0661234567;Мельник Ольга;повтор',
  '+380931234567;Шевченко Тарас;дубль',
  '0900123456;Лотерея;преміум',
];

// A longer list for the receipt and the history: good numbers, a few bad ones, a repeat.
const leads = [
  'Телефон;ПІБ',
  ...Array.from({ length: 14 }, (_, i) => `+38067${String(2345600 + i * 7)};Абонент ${i + 1}`),
  '12-34;Помилка',
  '+380672345600;Абонент 1 (дубль)',
  'немає;Без номера',
];

const csv = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'utf8');

async function sendAndWait(page: Page): Promise<void> {
  const send = page.getByRole('region', { name: 'Send' });
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(send.getByTestId('receipt-state')).toHaveText(/Finished|Paused/, { timeout: 30_000 });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`README screenshots (${scheme})`, async ({ page, webHost }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(webHost.url);
    await page.getByRole('button', { name: 'Choose a file…' }).waitFor();
    if (scheme === 'light') await page.screenshot({ path: 'docs/screenshots/start.png' });
    await dropFile(page, 'abonenty-berezen.csv', csv(rows));
    await page.getByTestId('count-rows').waitFor();
    await page.getByRole('row').nth(1).getByText('Шевченко Тарас').waitFor();
    await page.screenshot({ path: `docs/screenshots/csv-preview-${scheme}.png` });
    if (scheme === 'dark') return;

    // The plan, then the send and its receipt, in the Send panel.
    const send = page.getByRole('region', { name: 'Send' });
    await expect(send.getByTestId('send-profile')).toHaveValue('demo-mor');
    await send.getByTestId('send-campaign').fill('2');
    await send.getByRole('button', { name: 'Plan (dry run)' }).click();
    await send.getByTestId('plan-details').waitFor();
    await sendAndWait(page);
    await send.scrollIntoViewIfNeeded();
    await send.screenshot({ path: 'docs/screenshots/send-receipt.png' });

    // A receipt with every kind of row: a Ringostat whose line drops after some requests arrived,
    // so those numbers are unknown and wait for the user's choice.
    const sim = await startSimulator({ faults: { resetShare: 0.2, resetPoint: 'after-handling', seed: 7, providers: ['ringostat'] } });
    try {
      const saved = await page.evaluate(
        (baseUrl) =>
          (window as unknown as BridgeWindow).dialsheet.saveProfile({
            profile: {
              id: 'office-ringostat',
              name: 'Office Ringostat',
              provider: 'ringostat',
              baseUrl,
              defaultCountry: 'UA',
              projectId: '123',
              campaignId: 456,
              options: { requestsPerSecond: 10, concurrency: 2 },
            },
            secrets: { authKey: 'demo-ringostat-auth-key' },
          }),
        sim.urls.ringostat,
      );
      expect(saved.ok).toBe(true);
      await page.reload();
      await dropFile(page, 'leads-kyiv.csv', csv(leads));
      await page.getByTestId('count-rows').waitFor();
      await send.getByTestId('send-profile').selectOption('office-ringostat');
      await sendAndWait(page);
      const receipt = send.getByTestId('send-receipt');
      await expect(receipt.getByRole('group', { name: 'Unknown numbers' })).toBeVisible();
      await receipt.scrollIntoViewIfNeeded();
      await receipt.screenshot({ path: 'docs/screenshots/receipt.png' });
    } finally {
      await sim.close();
    }

    // A paused upload: the history lists it beside the finished ones, and a new window offers to resume it.
    await send.getByTestId('send-profile').selectOption('demo-ringostat');
    await send.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(send.getByTestId('progress-done')).toHaveText(/^[3-9] of 14/, { timeout: 15_000 });
    await send.getByRole('button', { name: 'Pause' }).click();
    await expect(send.getByTestId('receipt-state')).toHaveText('Paused', { timeout: 10_000 });
    await page.reload();
    await page.getByRole('region', { name: 'Unfinished upload' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
    await expect(page.getByRole('region', { name: 'History' }).getByRole('row')).toHaveCount(4);
    await page.screenshot({ path: 'docs/screenshots/history.png' });

    // Closed again, so no other picture shows the banner.
    const paused = await page.evaluate(async () => {
      const bridge = (window as unknown as BridgeWindow).dialsheet;
      const listed = await bridge.listJobs({});
      const job = listed.ok ? listed.value.jobs.find((j) => j.state === 'paused') : undefined;
      return job ? bridge.cancelJob({ jobId: job.id }) : null;
    });
    expect(paused).toMatchObject({ ok: true, value: { state: 'cancelled' } });

    // The accounts: the Demo profiles and the one saved above, secrets only as set, one tested.
    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Accounts' }).click();
    const demoRingostat = page.getByTestId('profile-demo-ringostat');
    await demoRingostat.getByRole('button', { name: 'Test the connection of Demo (Ringostat)' }).click();
    await expect(demoRingostat.getByTestId('verdict-kind')).toHaveText('Test passed');
    await page.screenshot({ path: 'docs/screenshots/accounts.png', fullPage: true });
  });
}
