import { readFile } from 'node:fs/promises';

import type { Download, Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';

import { expect, test } from './fixtures/web-host';

// From the simulator's demo seed: the demo user owns device 1, another user's device 2 holds
// CLI 37060000001, and MOR knows IVR ids 1 and 2. The web host lives for the whole worker, so
// each test adds numbers of its own.
const SHEET = [
  'Device ID,Number,Description,IVR ID',
  '1,37061110001,Front desk,',
  '1,37061110002,Hotline,2',
  '999,37061110003,No such device,',
  '1,37060000001,Taken,',
  '1,37061110004,Bad IVR,7',
  '1,12ab,Not a number,',
].join('\n');

/** Clicks an export button and gives the file it downloads, with the name it suggests. */
async function exported(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** The rows of the table on screen, cell by cell, as the export should hold them. */
async function tableRows(table: Locator, rowTestId = 'clis-row'): Promise<string[][]> {
  return table.getByTestId(rowTestId).evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')));
}

async function openClis(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'CLIs', exact: true }).click();
  return page.getByTestId('clis');
}

/** Drops a file on `target` the way a browser does, with a DataTransfer holding it. */
async function dropFile(page: Page, target: Locator, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ fileName, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'text/csv' }));
      return transfer;
    },
    { fileName: name, content: text },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test.describe('CLIs', () => {
  test.beforeEach(async ({ page, webHost }) => {
    await page.goto(webHost.url);
  });

  test('checks a sheet of CLIs as soon as it is chosen, then adds it to the Demo MOR and shows each row’s outcome, with counts and filters', async ({ page }) => {
    const clis = await openClis(page);
    await expect(clis.getByRole('heading', { name: 'Add CLIs' })).toBeVisible();
    await expect(clis.getByLabel('MOR profile')).toHaveValue('demo-mor');
    await expect(clis.getByRole('button', { name: 'Add CLIs' })).toBeDisabled();
    await expect(clis.getByText('Choose a profile and a sheet of CLIs, then Add CLIs.')).toBeVisible();

    await dropFile(page, clis.getByTestId('clis-drop'), 'clis.csv', SHEET);
    await expect(clis.getByTestId('clis-file')).toHaveText('Chosen: clis.csv. Drop or choose another sheet to replace it.');

    // The check, before anything is sent: what only MOR knows (device 999, a taken CLI, IVR 7) is ready here.
    await expect(clis.getByTestId('clis-check-summary')).toHaveText('clis.csv: 6 rows checked: 5 ready, 1 invalid. Nothing has been sent yet.');
    await expect(clis.getByTestId('clis-columns')).toHaveText(
      'Columns recognised: “Device ID” as device id, “Number” as CLI number, “Description” as description, “IVR ID” as IVR id.',
    );
    const check = clis.getByTestId('clis-check-table');
    await expect(check.getByRole('columnheader')).toHaveText(['Row', 'Device', 'CLI', 'Description', 'IVR id', 'Check', 'Reason']);
    const checkRows = check.getByTestId('clis-check-row');
    await expect(checkRows).toHaveCount(6);
    expect(await tableRows(check, 'clis-check-row')).toEqual([
      ['2', '1', '37061110001', 'Front desk', '', 'Ready', ''],
      ['3', '1', '37061110002', 'Hotline', '2', 'Ready', ''],
      ['4', '999', '37061110003', 'No such device', '', 'Ready', ''],
      ['5', '1', '37060000001', 'Taken', '', 'Ready', ''],
      ['6', '1', '37061110004', 'Bad IVR', '7', 'Ready', ''],
      ['7', '1', '12ab', 'Not a number', '', 'Invalid', 'CLI "12ab" is neither a number (digits only) nor a domain such as sip.example.com. It will not be sent.'],
    ]);
    const checkTabs = clis.getByRole('tablist', { name: 'Show CLIs' });
    await expect(checkTabs.getByRole('tab')).toHaveText(['All 6', 'Ready 5', 'Invalid 1']);
    await checkTabs.getByRole('tab', { name: 'Invalid 1' }).click();
    await expect(checkRows).toHaveCount(1);
    await expect(checkRows.getByRole('cell').nth(0)).toHaveText('7');
    await expect(clis.getByTestId('clis-summary')).toHaveCount(0);
    await expect(clis.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    await clis.getByRole('button', { name: 'Add 5 CLIs' }).click();

    // Row 2 is added now: the check sent nothing, or MOR would say it exists.
    await expect(clis.getByTestId('clis-summary')).toHaveText('clis.csv: 6 CLIs: 2 added, 3 rejected, 1 invalid, 0 unknown');
    await expect(clis.getByTestId('clis-check-table')).toHaveCount(0);
    await expect(clis.getByRole('button', { name: 'Add CLIs' })).toBeDisabled();
    const table = clis.getByTestId('clis-table');
    await expect(table.getByRole('columnheader')).toHaveText(['Row', 'Device', 'CLI', 'Outcome', 'Message']);
    const rows = table.getByTestId('clis-row');
    await expect(rows).toHaveCount(6);
    await expect(rows.nth(0).getByRole('cell').nth(0)).toHaveText('2');
    await expect(rows.nth(0).getByRole('cell').nth(3)).toHaveText('Added');
    await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('Added');
    await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText('999');
    await expect(rows.nth(0).getByRole('cell').nth(4)).toHaveText('CLI successfully created');
    await expect(rows.nth(2).getByRole('cell').nth(3)).toHaveText('Rejected');
    await expect(rows.nth(2).getByRole('cell').nth(4)).toContainText('MOR said "Device was not found".');
    await expect(rows.nth(3).getByRole('cell').nth(2)).toHaveText('37060000001');
    await expect(rows.nth(3).getByRole('cell').nth(3)).toHaveText('Rejected');
    await expect(rows.nth(3).getByRole('cell').nth(4)).toContainText('MOR said "CLI already exists. It is assigned to other device".');
    await expect(rows.nth(4).getByRole('cell').nth(3)).toHaveText('Rejected');
    await expect(rows.nth(4).getByRole('cell').nth(4)).toHaveText('MOR said "IVR was not found". MOR has no IVR with this ID.');
    await expect(rows.nth(5).getByRole('cell').nth(3)).toHaveText('Invalid');
    await expect(rows.nth(5).getByRole('cell').nth(4)).toHaveText(
      'CLI "12ab" is neither a number (digits only) nor a domain such as sip.example.com. The row was not sent.',
    );

    const tabs = clis.getByRole('tablist', { name: 'Show CLIs' });
    await expect(tabs.getByRole('tab')).toHaveText(['All 6', 'Added 2', 'Rejected 3', 'Invalid 1']);
    // The keyboard alone: the tab takes focus and Enter shows only the rejected CLIs.
    await tabs.getByRole('tab', { name: 'Rejected 3' }).focus();
    await page.keyboard.press('Enter');
    await expect(tabs.getByRole('tab', { name: 'Rejected 3' })).toHaveAttribute('aria-selected', 'true');
    await expect(rows).toHaveCount(3);
    await expect(rows.getByRole('cell').nth(0)).toHaveText('4');

    // The receipt as files: every row once (not only the filtered ones), statuses in English words.
    await tabs.getByRole('tab', { name: 'All 6' }).click();
    await expect(rows).toHaveCount(6);
    const onScreen = (await tableRows(table)).map(([row, device, cli, outcome, message]) => [
      row,
      device === '–' ? '' : device,
      cli === '–' ? '' : cli,
      outcome?.toLowerCase(),
      message,
    ]);
    const csv = await exported(page, clis.getByRole('button', { name: 'Export CSV' }));
    expect(csv.name).toMatch(/^clis CLI receipt clis-[0-9a-f]{12}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Row,Device,CLI,Status,Message');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1)).toHaveLength(6);
    expect(lines[1]).toBe('2,1,37061110001,added,CLI successfully created');
    expect(lines[6]).toMatch(/^7,1,12ab,invalid,"?CLI ""12ab"" is neither a number/);

    const xlsx = await exported(page, clis.getByRole('button', { name: 'Export XLSX' }));
    expect(xlsx.name).toMatch(/^clis CLI receipt clis-[0-9a-f]{12}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    // exceljs types its input as the older, non-generic Buffer.
    await book.xlsx.load(xlsx.bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    const cells = (r: number): string[] => Array.from({ length: 5 }, (_, c) => sheet?.getRow(r).getCell(c + 1).text ?? '');
    expect(sheet?.rowCount).toBe(7);
    expect(cells(1)).toEqual(['Row', 'Device', 'CLI', 'Status', 'Message']);
    expect([2, 3, 4, 5, 6, 7].map(cells)).toEqual(onScreen);
  });

  test('shows how far a long sheet is while its CLIs are added', async ({ page }) => {
    const clis = await openClis(page);
    const lines = Array.from({ length: 15 }, (_, i) => `1,370611130${String(i).padStart(2, '0')},Line ${i}`);
    await clis.getByTestId('clis-input').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(['Device ID,CLI,Description', ...lines].join('\n')) });
    await expect(clis.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    await clis.getByRole('button', { name: 'Add 15 CLIs' }).click();
    const progress = clis.getByTestId('clis-progress');
    await expect(progress).toHaveText(/^Adding CLIs — \d+ of 15 rows done$/);
    await expect(progress.getByRole('progressbar', { name: 'Adding CLIs' })).toBeVisible();
    await expect(clis.getByTestId('clis-summary')).toHaveText('long.csv: 15 CLIs: 15 added, 0 rejected, 0 invalid, 0 unknown');
    await expect(progress).toHaveCount(0);
    await expect(clis.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  test('takes a sheet dropped on its own drop area without opening it in Check & send, and words a sheet it cannot read', async ({ page }) => {
    const clis = await openClis(page);
    await dropFile(page, clis.getByTestId('clis-drop'), 'dropped.csv', 'Device,CLI\n1,37061110010\n');
    await expect(clis.getByTestId('clis-file')).toHaveText('Chosen: dropped.csv. Drop or choose another sheet to replace it.');
    // Dropped elsewhere on the CLIs screen: ignored, never opened as a sheet.
    await dropFile(page, clis.getByRole('heading', { name: 'Add CLIs' }), 'elsewhere.csv', 'phone\n0930000001\n');
    await expect(clis.getByTestId('clis-file')).toHaveText('Chosen: dropped.csv. Drop or choose another sheet to replace it.');
    await clis.getByRole('button', { name: 'Add 1 CLI', exact: true }).click();
    await expect(clis.getByTestId('clis-summary')).toHaveText('dropped.csv: 1 CLI: 1 added, 0 rejected, 0 invalid, 0 unknown');
    await expect(clis.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByTestId('file-name')).toHaveCount(0);

    // A sheet without the CLI columns: said at once, with the headers looked for, and nothing to add.
    await clis.getByTestId('clis-input').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('phone,name\n0930000001,Ann\n') });
    const refused = clis.getByRole('alert');
    await expect(refused).toContainText(
      'The sheet could not be checked: contacts.csv has no header naming the device and the CLI columns. Its first row reads "phone, name": it has a CLI ("phone") column but no device column.',
    );
    await expect(refused).toContainText('Give it a header row such as "Device ID, CLI, Description, Comment, Banned, IVR ID"');
    await expect(clis.getByTestId('clis-summary')).toHaveCount(0);
    await expect(clis.getByTestId('clis-check-table')).toHaveCount(0);
    await expect(clis.getByRole('button', { name: 'Add CLIs' })).toBeDisabled();

    // Replaced before sending: the new sheet's check takes the place of the message.
    await clis.getByTestId('clis-input').setInputFiles({ name: 'typos.csv', mimeType: 'text/csv', buffer: Buffer.from('Device,CLI\n1,,\n1,1 2\n') });
    await expect(clis.getByTestId('clis-check-summary')).toHaveText('typos.csv: 2 rows checked: 0 ready, 2 invalid. Nothing has been sent yet.');
    await expect(clis.getByRole('alert')).toHaveCount(0);
    await expect(clis.getByRole('tablist')).toHaveCount(0);
    await expect(clis.getByRole('button', { name: 'Add CLIs' })).toBeDisabled();

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Check & send' }).click();
    await expect(page.getByTestId('file-name')).toHaveCount(0);
  });

  test('speaks Ukrainian', async ({ page }) => {
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('navigation', { name: 'Екрани' }).getByRole('button', { name: 'CLI', exact: true }).click();
    const clis = page.getByTestId('clis');
    await clis
      .getByTestId('clis-input')
      .setInputFiles({ name: 'cli.csv', mimeType: 'text/csv', buffer: Buffer.from('Пристрій,Номер\n1,37061110020\n1,37060000001\n1,abc\n') });
    await expect(clis.getByTestId('clis-file')).toHaveText('Вибрано: cli.csv. Щоб замінити, перетягніть або виберіть іншу таблицю.');
    await expect(clis.getByTestId('clis-check-summary')).toHaveText('cli.csv: перевірено 3 рядки: готових 2, недійсних 1. Ще нічого не надіслано.');
    await expect(clis.getByTestId('clis-columns')).toHaveText('Розпізнані стовпці: «Пристрій» — ID пристрою, «Номер» — номер CLI.');
    const check = clis.getByTestId('clis-check-table');
    await expect(check.getByRole('columnheader')).toHaveText(['Рядок', 'Пристрій', 'CLI', 'Перевірка', 'Причина']);
    await expect(clis.getByRole('tablist', { name: 'Показати CLI' }).getByRole('tab')).toHaveText(['Усі 3', 'Готово 2', 'Недійсний 1']);
    await expect(check.getByTestId('clis-check-row').nth(2).getByRole('cell').nth(3)).toHaveText('Недійсний');
    await clis.getByRole('button', { name: 'Додати 2 CLI' }).click();
    await expect(clis.getByTestId('clis-summary')).toHaveText('cli.csv: CLI — 3: додано 1, відхилено 1, недійсних 1, невідомо 0');
    await expect(clis.getByRole('tablist', { name: 'Показати CLI' }).getByRole('tab')).toHaveText(['Усі 3', 'Додано 1', 'Відхилено 1', 'Недійсний 1']);
    await expect(clis.getByTestId('clis-row').nth(1).getByRole('cell').nth(3)).toHaveText('Відхилено');
    await expect(clis.getByRole('button', { name: 'Експорт CSV' })).toBeEnabled();
    const xlsx = await exported(page, clis.getByRole('button', { name: 'Експорт XLSX' }));
    expect(xlsx.name).toMatch(/^cli CLI receipt clis-[0-9a-f]{12}\.xlsx$/);
  });
});
