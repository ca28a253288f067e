import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { dropFile } from './fixtures/drop-file';
import { goToStep } from './fixtures/import-steps';
import { expect, test } from './fixtures/web-host';

test.describe('checking a list in the browser', () => {
  test.beforeEach(async ({ page, webHost }) => {
    await page.goto(webHost.url);
  });

  test('a Windows-1251 CSV from a Ukrainian Excel reads right, and the encoding can be changed', async ({ page }) => {
    const text = 'Список абонентів;;\r\nТелефон;ПІБ;Коментар\r\n0931234567;Шевченко Тарас;VIP\r\n0671234567;Іваненко Олена;\r\n';
    await dropFile(page, 'abonenty.csv', iconv.encode(text, 'win1251'));
    await expect(page.getByLabel('Encoding')).toHaveValue('windows-1251');
    await expect(page.getByLabel('Separator')).toHaveValue(';');
    await expect(page.getByRole('columnheader', { name: 'ПІБ' })).toBeVisible();
    await expect(page.getByRole('row').nth(1)).toContainText('Шевченко Тарас');
    await expect(page.getByRole('note').filter({ hasText: 'above the header was skipped' })).toBeVisible();

    await page.getByLabel('Encoding').selectOption('koi8-u');
    await expect(page.getByLabel('Encoding')).toHaveValue('koi8-u');
    await expect(page.getByRole('row').nth(1)).not.toContainText('Шевченко');
    await page.getByLabel('Encoding').selectOption('windows-1251');
    await expect(page.getByRole('row').nth(1)).toContainText('Шевченко Тарас');
  });

  test('a workbook opens on its first visible sheet, numbers whole, and another sheet can be chosen', async ({ page }) => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Довідка', { state: 'hidden' }).addRow(['не для дзвінків']);
    const contacts = book.addWorksheet('Контакти');
    contacts.addRow(['Телефон', 'ПІБ']);
    contacts.addRow([380931234567, 'Шевченко Тарас']);
    contacts.addRow(['3.8093E+11', 'Іваненко Олена']);
    const archive = book.addWorksheet('Архів');
    archive.addRow(['phone']);
    archive.addRow(['+48512345678']);
    archive.addRow(['+48512345679']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    // The file picker offers workbooks, not only text files.
    expect(await page.getByTestId('file-input').getAttribute('accept')).toContain('.xlsx');
    await dropFile(page, 'book.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('1');
    await expect(page.getByLabel('Encoding')).toHaveCount(0);
    await expect(page.getByRole('row').nth(1)).toContainText('+380931234567');
    await expect(page.getByRole('row').nth(2)).toContainText('scientific notation');

    await page.getByLabel('Sheet', { exact: true }).selectOption({ label: 'Архів' });
    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-valid')).toHaveText('2');
    await expect(page.getByRole('row').nth(1)).toContainText('+48512345678');
  });

  test('a UTF-16 "Unicode text" export with tabs reads right', async ({ page }) => {
    const body = Buffer.from('Phone\tName\r\n+380931234567\tОлена\r\n+48512345678\tAnna\r\n', 'utf16le');
    await dropFile(page, 'export.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body]), 'text/plain');
    await expect(page.getByLabel('Encoding')).toHaveValue('utf-16le');
    await expect(page.getByLabel('Separator')).toHaveValue('\t');
    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-valid')).toHaveText('2');
    await expect(page.getByRole('row').nth(2)).toContainText('Anna');
  });

  test('problems are shown row by row, filtered, and a fixed cell is checked again', async ({ page }) => {
    const csv = ['phone,name', '0931234567,a', '3.8093E+11,b', '0931234567,c', 'hello,d'].join('\n');
    await dropFile(page, 'mixed.csv', Buffer.from(csv));
    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-valid')).toHaveText('1');
    await expect(page.getByTestId('count-invalid')).toHaveText('2');
    await expect(page.getByTestId('count-duplicate')).toHaveText('1');

    await page.getByRole('tab', { name: /Invalid/ }).click();
    const rows = page.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('scientific notation');
    await expect(rows.nth(2)).toContainText('"hello" is not a phone number');

    await page.getByRole('button', { name: 'Fix the number in row 5' }).click();
    const input = page.getByLabel('New number for row 5');
    await input.fill('0671234567');
    await input.press('Enter');
    await expect(page.getByTestId('count-valid')).toHaveText('2');
    await expect(page.getByTestId('count-invalid')).toHaveText('1');
    await expect(rows).toHaveCount(2);

    await page.getByRole('tab', { name: /Duplicates/ }).click();
    await expect(rows.nth(1)).toContainText('Duplicate of row 2.');
  });

  test('choosing another column as the phone checks every row again, and the steps keep what was set', async ({ page }) => {
    await dropFile(page, 'two-columns.csv', Buffer.from('Номер договору,Мобільний\n12,0931234567\n13,0671234567\n'));
    await goToStep(page, 'Columns');
    await expect(page.getByTestId('role-1')).toHaveValue('phone');
    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-valid')).toHaveText('2');
    await page.getByRole('button', { name: '← Back' }).click();
    await page.getByTestId('role-1').selectOption('ignore');
    await page.getByTestId('role-0').selectOption('phone');
    await expect(page.getByText('as you chose')).toBeVisible();
    await page.getByRole('button', { name: 'Next: check →' }).click();
    await expect(page.getByTestId('count-invalid')).toHaveText('2');
    // Back to the start and forward again: the columns are as chosen, the check as it was.
    await goToStep(page, 'File');
    await goToStep(page, 'Columns');
    await expect(page.getByTestId('role-0')).toHaveValue('phone');
    await expect(page.getByTestId('role-1')).toHaveValue('ignore');
    await expect(page.getByRole('navigation', { name: 'Import steps' })).toContainText('0 valid · 2 left out');
  });

  test('500,000 rows arrive, count up, and scroll smoothly to the last one', async ({ page }) => {
    test.setTimeout(120_000);
    const lines = ['phone,name'];
    for (let i = 0; i < 500_000; i += 1) lines.push(`+38093${String(i).padStart(7, '0')},Абонент ${i}`);
    await page.getByTestId('file-input').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await goToStep(page, 'Check');
    await expect(page.getByTestId('count-rows')).toHaveText('500,000', { timeout: 90_000 });
    await expect(page.getByTestId('count-valid')).toHaveText('500,000');
    const scroller = page.getByTestId('rows-scroll');
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect(page.getByRole('row').filter({ hasText: 'Абонент 499999' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '500001' })).toBeVisible();
    // Only what is on screen exists in the page, however long the list.
    expect(await page.getByRole('row').count()).toBeLessThan(80);
  });
});
