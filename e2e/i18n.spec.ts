import { dropFile } from './fixtures/drop-file';
import { expect, test } from './fixtures/web-host';

const NBSP = '\u00a0';

/** 1,234 good, distinct Ukrainian mobile numbers, then one that is not a number and one repeat: 1,236 rows. */
function leadsCsv(): Buffer {
  const rows = Array.from({ length: 1234 }, (_, i) => `Абонент ${i + 1},+38063${String(5000 + i).padStart(7, '0')}`);
  return Buffer.from(`ПІБ,Телефон\r\n${rows.join('\r\n')}\r\nПомилка,12\r\nПовтор,+380630005000\r\n`, 'utf8');
}

test.describe('the window in English and Ukrainian', () => {
  test('switches to Ukrainian with Ukrainian numbers, keeps the choice across a reload, and switches back', async ({ page, webHost }) => {
    test.setTimeout(60_000);
    await page.goto(webHost.url);
    const html = page.locator('html');
    const nav = page.getByRole('navigation', { name: 'Screens' });

    // English by default (the browser's language is en-US), with a labelled picker that names each language in itself.
    await expect(html).toHaveAttribute('lang', 'en');
    await expect(nav.getByRole('button', { name: 'Check & send' })).toBeVisible();
    const language = page.getByRole('combobox', { name: 'Language' });
    await expect(language).toHaveValue('en');
    await expect(language.getByRole('option')).toHaveText(['English', 'Українська']);

    await language.selectOption('uk');
    await expect(html).toHaveAttribute('lang', 'uk');
    const screens = page.getByRole('navigation', { name: 'Екрани' });
    await expect(screens.getByRole('button', { name: 'Перевірка й надсилання' })).toBeVisible();
    await expect(screens.getByRole('button', { name: 'Історія' })).toBeVisible();
    const dropZone = page.getByRole('region', { name: 'Відкрити файл' });
    await expect(dropZone).toContainText('Перетягніть таблицю з номерами телефонів');
    await expect(dropZone.getByRole('button', { name: 'Вибрати файл…' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Мова' })).toHaveValue('uk');

    // The summary: counts grouped with a no-break space, words that agree with them.
    await dropFile(page, 'abonenty.csv', leadsCsv());
    const steps = page.getByRole('navigation', { name: 'Кроки імпорту' });
    await expect(page.getByLabel('Кодування')).toHaveValue('utf-8');
    // The intake's notes and reasons come as codes; the window words them in Ukrainian.
    await expect(page.getByRole('note').filter({ hasText: 'Стовпець телефону вибрано за заголовком (Телефон).' })).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: 'Phone column' })).toHaveCount(0);
    await expect(page.getByLabel('Кодування')).toHaveAttribute('title', /^Позначки порядку байтів немає; текст — коректний UTF-8/);
    await steps.getByRole('button', { name: /^Перевірка/ }).click();
    await expect(page.getByRole('heading', { name: 'Перевірка номерів' })).toBeFocused();
    await expect(page.getByTestId('count-rows')).toHaveText(`1${NBSP}236`, { timeout: 15_000 });
    await expect(page.getByTestId('count-valid')).toHaveText(`1${NBSP}234`);
    const summary = page.getByRole('region', { name: 'Підсумок' });
    await expect(summary).toContainText(`1${NBSP}236 рядків`);
    await expect(summary).toContainText(`1${NBSP}234 дійсні`);
    await expect(summary).toContainText('1 недійсний');
    await expect(steps).toContainText(`1${NBSP}234 дійсних · 2 не піде`);
    await expect(page.getByRole('tab', { name: /^Дублікати/ })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Проблема' })).toBeVisible();
    // The core words a row's problem in English; the window names its reason in Ukrainian.
    await page.getByRole('tab', { name: /^Недійсні/ }).click();
    await expect(page.getByRole('row').nth(1).getByRole('cell').nth(4)).toHaveText('Закороткий');

    // Where the numbers go, with the provider's options, then the plan.
    await page.getByRole('button', { name: 'Далі: куди →' }).click();
    const target = page.getByRole('region', { name: 'Куди йдуть номери' });
    await expect(target.getByTestId('send-profile')).toHaveValue('demo-mor');
    await expect(target.getByLabel('Номерів в одному файлі MOR')).toHaveValue('100000');
    await target.getByLabel('Номерів в одному файлі MOR').fill('0');
    await target.getByRole('button', { name: 'Далі: план →' }).click();
    await expect(target).toContainText(`Вкажіть ціле число від 1 до 1${NBSP}000${NBSP}000.`);
    await target.getByLabel('Номерів в одному файлі MOR').fill('500');
    await target.getByRole('button', { name: 'Далі: план →' }).click();
    const send = page.getByRole('region', { name: 'План і надсилання' });
    const plan = send.getByTestId('send-plan');
    await expect(plan).toContainText(`Буде надіслано 1${NBSP}234 рядки (1${NBSP}234 номери) до кампанії 1`);
    await expect(plan).toContainText('Не ввійдуть: недійсних — 1, дублікатів — 1. Нічого не надіслано.');
    // How the rows travel and each batch's name are worded in Ukrainian too, with no English in them.
    await expect(plan).toContainText('до кампанії 1: 3 CSV-файли (до 500 номерів у файлі), один за одним.');
    await expect(plan).not.toContainText(/file|request|call|one after another/i);
    const batches = send.getByRole('table', { name: 'Пакети до надсилання' }).getByRole('row');
    await expect(batches).toHaveCount(4);
    await expect(batches.nth(1)).toContainText('Файл 1 з 3');
    await expect(batches.nth(3)).toContainText('Файл 3 з 3');
    await expect(send.getByRole('table', { name: 'Пакети до надсилання' })).not.toContainText(/file|of 3/i);
    const leftOut = send.getByRole('table', { name: 'Рядки, які не буде надіслано' }).getByRole('row');
    await expect(leftOut.nth(1)).toContainText('Недійсний');
    // Why a row stays behind comes as a code, named in Ukrainian; the core's English words are on hover.
    await expect(leftOut.nth(1).getByRole('cell').nth(3)).toHaveText('Не надіслано: Закороткий');
    await expect(leftOut.nth(1).getByRole('cell').nth(3)).toHaveAttribute('title', /^Not sent: .*too short/);
    await expect(leftOut.nth(2).getByRole('cell').nth(3)).toHaveText('Не надіслано: Дублікат');

    // The send and its receipt.
    await send.getByRole('button', { name: `Надіслати 1${NBSP}234 номери в кампанію 1` }).click();
    const receipt = send.getByTestId('send-receipt');
    await expect(receipt.getByTestId('receipt-state')).toHaveText('Завершено', { timeout: 30_000 });
    const figures = { rows: `1${NBSP}236`, imported: `1${NBSP}234`, invalid: '1', duplicate: '1', rejected: '0' };
    for (const [name, text] of Object.entries(figures)) await expect(receipt.getByTestId(`receipt-${name}`)).toHaveText(text);
    await expect(receipt.getByTestId('receipt-summary')).toContainText('MOR, кампанія 1');
    await expect(receipt.getByTestId('receipt-summary')).toContainText(`1${NBSP}234 імпортовано`);
    await expect(receipt.getByTestId('progress-done')).toHaveText(`Результат є для 1${NBSP}234 з 1${NBSP}234 номерів`);
    await expect(receipt.getByRole('tablist', { name: 'Показати рядки квитанції' }).getByRole('tab')).toHaveText([
      `Усі 1${NBSP}236`,
      `Імпортовано 1${NBSP}234`,
      'Недійсний 1',
      'Дублікат 1',
    ]);
    await expect(receipt.getByRole('button', { name: 'Експорт CSV' })).toBeVisible();
    await receipt.getByRole('tab', { name: 'Недійсний 1' }).click();
    const invalidLine = receipt.getByTestId('receipt-scroll').getByRole('row').nth(1).getByRole('cell').nth(3);
    await expect(invalidLine).toHaveText('Не надіслано: Закороткий');
    await expect(invalidLine).toHaveAttribute('title', /^Not sent: .*too short/);

    // The choice is remembered: after a reload the window is still Ukrainian, the history too.
    await page.reload();
    await expect(html).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('combobox', { name: 'Мова' })).toHaveValue('uk');
    const recent = page.getByRole('region', { name: 'Останні завантаження' });
    const row = recent.getByRole('row').filter({ hasText: 'abonenty.csv' }).first();
    await expect(row).toContainText('Завершено');
    await expect(row).toContainText(`1${NBSP}236: 1${NBSP}234 імпортовано · 1 недійсний · 1 дублікат`);
    await expect(recent.getByRole('columnheader', { name: 'Створено' })).toBeVisible();

    // And back to English, which is remembered the same way.
    await page.getByRole('combobox', { name: 'Мова' }).selectOption('en');
    await expect(html).toHaveAttribute('lang', 'en');
    await expect(nav.getByRole('button', { name: 'Check & send' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Recent uploads' }).getByRole('row').filter({ hasText: 'abonenty.csv' }).first()).toContainText(
      '1,236: 1,234 imported · 1 invalid · 1 duplicate',
    );
    await page.reload();
    await expect(html).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Choose a file…' })).toBeVisible();
  });

  test('the picker is reached and used from the keyboard', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    const language = page.getByRole('combobox', { name: 'Language' });
    // Tab moves through the header to the picker.
    for (let i = 0; i < 10 && !(await language.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await expect(language).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('button', { name: 'Вибрати файл…' })).toBeVisible();
  });
});
