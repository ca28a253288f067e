import { dropFile } from './fixtures/drop-file';
import { test } from './fixtures/web-host';

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

for (const scheme of ['light', 'dark'] as const) {
  test(`README screenshots (${scheme})`, async ({ page, webHost }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(webHost.url);
    await page.getByRole('button', { name: 'Choose a file…' }).waitFor();
    if (scheme === 'light') await page.screenshot({ path: 'docs/screenshots/start.png' });
    await dropFile(page, 'abonenty-berezen.csv', Buffer.from(rows.join('\r\n'), 'utf8'));
    await page.getByTestId('count-rows').waitFor();
    await page.getByRole('row').nth(1).getByText('Шевченко Тарас').waitFor();
    await page.screenshot({ path: `docs/screenshots/csv-preview-${scheme}.png` });
    if (scheme === 'light') {
      const send = page.getByRole('region', { name: 'Send' });
      await send.getByTestId('send-campaign').fill('2');
      await send.getByRole('button', { name: 'Send', exact: true }).click();
      await send.getByTestId('send-receipt').waitFor();
      await send.scrollIntoViewIfNeeded();
      await send.screenshot({ path: 'docs/screenshots/send-receipt.png' });
    }
  });
}
