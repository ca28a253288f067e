import type { Locator, Page } from '@playwright/test';

import { startSimulator } from '../src/main/core/simulator/start-simulator';
import type { DialsheetBridge } from '../src/shared/bridge';
import { dropFile } from './fixtures/drop-file';
import { goToStep, sendSheet } from './fixtures/import-steps';
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

// A sheet of CLIs for the CLIs screen: added, taken by another device, an unknown IVR, not a number.
const clis = ['Device ID;Number;Description;IVR ID', '1;37061110101;Reception;', '1;37061110102;Hotline;2', '1;37060000001;Sales;', '1;37061110103;Night line;7', '1;12ab;Typo;'];

async function sendAndWait(page: Page, choice: Parameters<typeof sendSheet>[1] = {}): Promise<Locator> {
  const send = await sendSheet(page, choice);
  await expect(send.getByTestId('receipt-state')).toHaveText(/Finished|Paused/, { timeout: 30_000 });
  return send;
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
    await page.getByRole('row').nth(1).getByText('Шевченко Тарас').waitFor();
    await page.screenshot({ path: `docs/screenshots/import-file-${scheme}.png` });
    if (scheme === 'dark') return;

    // The import's steps: the columns, the check with one problem's rows, the target with its options.
    await goToStep(page, 'Columns');
    await page.screenshot({ path: 'docs/screenshots/import-columns.png' });
    const check = await goToStep(page, 'Check');
    await check.getByRole('button', { name: /^Digits lost in Excel/ }).click();
    await page.getByRole('group', { name: 'Remove rows' }).getByText('Rows with this problem').waitFor();
    await page.screenshot({ path: 'docs/screenshots/import-check.png' });
    const target = await goToStep(page, 'Target');
    await target.getByTestId('send-profile').selectOption('demo-ringostat');
    await target.getByLabel('Numbers sent at once').fill('4');
    await page.screenshot({ path: 'docs/screenshots/import-target.png' });
    await target.getByTestId('send-profile').selectOption('demo-mor');

    // The plan, then the send and its receipt.
    const send = await sendAndWait(page, { campaign: '2' });
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
      const receipt = (await sendAndWait(page, { profile: 'office-ringostat' })).getByTestId('send-receipt');
      await expect(receipt.getByRole('group', { name: 'Unknown numbers' })).toBeVisible();
      await receipt.scrollIntoViewIfNeeded();
      await receipt.screenshot({ path: 'docs/screenshots/receipt.png' });
    } finally {
      await sim.close();
    }

    // A paused upload: the history lists it beside the finished ones, and a new window offers to resume it.
    await goToStep(page, 'Target');
    const again = await sendSheet(page, { profile: 'demo-ringostat' });
    await expect(again.getByTestId('progress-done')).toHaveText(/^[3-9] of 14/, { timeout: 15_000 });
    await again.getByRole('button', { name: 'Pause' }).click();
    await expect(again.getByTestId('receipt-state')).toHaveText('Paused', { timeout: 10_000 });
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

    // IVR poll results of the Demo MOR campaign: the table and the chart.
    await page.reload();
    const screens = page.getByRole('navigation', { name: 'Screens' });
    await screens.getByRole('button', { name: 'IVR results' }).click();
    const ivr = page.getByTestId('ivr');
    await ivr.getByLabel('Campaign').fill('1');
    await ivr.getByRole('button', { name: 'Fetch' }).click();
    await ivr.getByRole('figure', { name: 'Answers per question' }).waitFor();
    await page.screenshot({ path: 'docs/screenshots/ivr.png' });

    // CLIs added to the Demo MOR's device, a receipt per CLI.
    await screens.getByRole('button', { name: 'CLIs', exact: true }).click();
    const cliScreen = page.getByTestId('clis');
    await cliScreen.getByTestId('clis-input').setInputFiles({ name: 'clis-reception.csv', mimeType: 'text/csv', buffer: csv(clis) });
    await cliScreen.getByRole('button', { name: /^Add \d+ CLIs?$/ }).click();
    await cliScreen.getByTestId('clis-summary').waitFor();
    await page.screenshot({ path: 'docs/screenshots/clis.png' });

    // The accounts: the Demo profiles and the one saved above, secrets only as set, one tested.
    await page.reload();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Accounts' }).click();
    const demoRingostat = page.getByTestId('profile-demo-ringostat');
    await demoRingostat.getByRole('button', { name: 'Test the connection of Demo (Ringostat)' }).click();
    await expect(demoRingostat.getByTestId('verdict-kind')).toHaveText('Test passed');
    await page.screenshot({ path: 'docs/screenshots/accounts.png', fullPage: true });
  });
}
