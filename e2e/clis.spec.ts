import type { Locator, Page } from '@playwright/test';

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

  test('adds a sheet of CLIs to the Demo MOR and shows each row’s outcome, with counts and filters', async ({ page }) => {
    const clis = await openClis(page);
    await expect(clis.getByRole('heading', { name: 'Add CLIs' })).toBeVisible();
    await expect(clis.getByLabel('MOR profile')).toHaveValue('demo-mor');
    await expect(clis.getByRole('button', { name: 'Add CLIs' })).toBeDisabled();
    await expect(clis.getByText('Choose a profile and a sheet of CLIs, then Add CLIs.')).toBeVisible();

    await clis.getByTestId('clis-input').setInputFiles({ name: 'clis.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });
    await expect(clis.getByTestId('clis-file')).toHaveText('Chosen: clis.csv. Add CLIs sends it.');
    await clis.getByRole('button', { name: 'Add CLIs' }).click();

    await expect(clis.getByTestId('clis-summary')).toHaveText('clis.csv: 6 CLIs: 2 added, 3 rejected, 1 invalid, 0 unknown');
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
  });

  test('takes a sheet dropped on its own drop area without opening it in Check & send, and words a sheet it cannot read', async ({ page }) => {
    const clis = await openClis(page);
    await dropFile(page, clis.getByTestId('clis-drop'), 'dropped.csv', 'Device,CLI\n1,37061110010\n');
    await expect(clis.getByTestId('clis-file')).toHaveText('Chosen: dropped.csv. Add CLIs sends it.');
    // Dropped elsewhere on the CLIs screen: ignored, never opened as a sheet.
    await dropFile(page, clis.getByRole('heading', { name: 'Add CLIs' }), 'elsewhere.csv', 'phone\n0930000001\n');
    await expect(clis.getByTestId('clis-file')).toHaveText('Chosen: dropped.csv. Add CLIs sends it.');
    await clis.getByRole('button', { name: 'Add CLIs' }).click();
    await expect(clis.getByTestId('clis-summary')).toHaveText('dropped.csv: 1 CLI: 1 added, 0 rejected, 0 invalid, 0 unknown');
    await expect(clis.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByTestId('file-name')).toHaveCount(0);

    await clis.getByTestId('clis-input').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('phone,name\n0930000001,Ann\n') });
    await clis.getByRole('button', { name: 'Add CLIs' }).click();
    await expect(clis.getByRole('alert')).toContainText('The CLIs could not be added: contacts.csv has no header naming the device and the CLI columns.');

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Check & send' }).click();
    await expect(page.getByTestId('file-name')).toHaveCount(0);
  });

  test('speaks Ukrainian', async ({ page }) => {
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('navigation', { name: 'Екрани' }).getByRole('button', { name: 'CLI', exact: true }).click();
    const clis = page.getByTestId('clis');
    await clis
      .getByTestId('clis-input')
      .setInputFiles({ name: 'cli.csv', mimeType: 'text/csv', buffer: Buffer.from('Пристрій,Номер\n1,37061110020\n1,37060000001\n') });
    await clis.getByRole('button', { name: 'Додати CLI' }).click();
    await expect(clis.getByTestId('clis-summary')).toHaveText('cli.csv: CLI — 2: додано 1, відхилено 1, недійсних 0, невідомо 0');
    await expect(clis.getByRole('tablist', { name: 'Показати CLI' }).getByRole('tab')).toHaveText(['Усі 2', 'Додано 1', 'Відхилено 1']);
    await expect(clis.getByTestId('clis-row').nth(1).getByRole('cell').nth(3)).toHaveText('Відхилено');
  });
});
