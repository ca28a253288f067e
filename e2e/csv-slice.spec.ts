import { dropFile } from './fixtures/drop-file';
import { goToStep } from './fixtures/import-steps';
import { expect, test } from './fixtures/web-host';

const csv = (text: string): Buffer => Buffer.from(text, 'utf8');

test.describe('opening a CSV in the browser', () => {
  test.beforeEach(async ({ page, webHost }) => {
    await page.goto(webHost.url);
  });

  test('the printed URL opens the app and drops its token from the address bar', async ({ page, webHost }) => {
    await expect(page.getByRole('heading', { name: 'Dialsheet' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Choose a file…' })).toBeVisible();
    expect(page.url()).toBe(`${webHost.origin}/`);
    await expect(page.locator('.app-version')).toHaveText(/^v\d+\.\d+\.\d+/);
  });

  test('a dropped CSV shows its row count and its rows', async ({ page }) => {
    const rows = Array.from({ length: 250 }, (_, i) => `+38093${String(i).padStart(7, '0')},Абонент ${i},note ${i}`);
    await dropFile(page, 'abonenty.csv', csv(`Телефон,ПІБ,Коментар\n${rows.join('\n')}\n`));

    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-rows')).toHaveText('250');
    await expect(page.getByTestId('file-name')).toHaveText('abonenty.csv');
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText(['Row', 'Status', 'Number', 'Type', 'Problem', 'Remove', 'Телефон', 'ПІБ', 'Коментар']);
    await expect(table.getByRole('row').nth(1)).toContainText('+380930000000');
    await expect(table.getByRole('row').nth(1)).toContainText('Абонент 0');
  });

  test('a picked file opens the same way, and a second one replaces it', async ({ page }) => {
    await page.getByTestId('file-input').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: csv('phone\n0930000001\n') });
    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-rows')).toHaveText('1');
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: csv('phone;name\n0930000001;a\n0930000002;b\n0930000003;c\n') });
    // A new file starts at its first step.
    await expect(page.getByLabel('Separator')).toHaveValue(';');
    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-rows')).toHaveText('3');
  });

  test('a file that is not a table gets a clear message and nothing breaks', async ({ page }) => {
    await dropFile(page, 'setup.csv', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    await expect(page.getByRole('alert')).toHaveText(/setup\.csv is a program or a PDF.*Nothing was loaded/);
    await dropFile(page, 'ok.csv', csv('phone\n0930000001\n'));
    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-rows')).toHaveText('1');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
