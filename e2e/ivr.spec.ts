import { readFile } from 'node:fs/promises';

import type { Download, Page } from '@playwright/test';

import { expect, test } from './fixtures/web-host';

async function downloaded(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

async function openIvr(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'IVR results' }).click();
}

test.describe('IVR results', () => {
  test.beforeEach(async ({ page, webHost }) => {
    await page.goto(webHost.url);
  });

  test('fetches the Demo MOR campaign’s results, shows them as a table and a chart, and exports CSV and XLSX', async ({ page }) => {
    await openIvr(page);
    const ivr = page.getByTestId('ivr');
    await expect(ivr.getByRole('heading', { name: 'IVR poll results' })).toBeVisible();
    await expect(ivr.getByLabel('MOR profile')).toHaveValue('demo-mor');
    await expect(ivr.getByLabel('MOR profile').locator('option')).toHaveText(['Demo (MOR)']);
    await expect(ivr.getByRole('button', { name: 'Export CSV' })).toBeDisabled();

    await ivr.getByLabel('Campaign').fill('1');
    await ivr.getByRole('button', { name: 'Fetch' }).click();

    await expect(ivr.getByTestId('ivr-summary')).toHaveText('Campaign 1: 2 lines of results');
    const table = ivr.getByRole('table', { name: 'IVR poll results of campaign 1' });
    await expect(table.getByRole('columnheader')).toHaveText(['Line', 'field_1', 'field_2', 'field_3']);
    const rows = table.getByTestId('ivr-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).getByRole('cell')).toHaveText(['1', '1111', '', '']);
    await expect(rows.nth(1).getByRole('cell')).toHaveText(['2', '2222', '2020-01-01 01:01:01', '2090-12-31 23:59:59']);

    const chart = ivr.getByRole('figure', { name: 'Answers per question' });
    await expect(chart.getByTestId('ivr-bar')).toHaveCount(3);
    await expect(chart.getByTestId('ivr-bar-count')).toHaveText(['2 answers', '1 answer', '1 answer']);
    await expect(chart).toContainText('Answers per question: field_1: 2; field_2: 1; field_3: 1.');

    const [csv] = await Promise.all([page.waitForEvent('download'), ivr.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('IVR results campaign 1.csv');
    const csvText = (await downloaded(csv)).toString('utf8');
    expect(csvText.startsWith('\uFEFFfield_1,field_2,field_3\r\n')).toBe(true);
    expect(csvText).toContain('1111,,\r\n2222,2020-01-01 01:01:01,2090-12-31 23:59:59\r\n');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), ivr.getByRole('button', { name: 'Export XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('IVR results campaign 1.xlsx');
    expect((await downloaded(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('says so when a campaign has no results, and gives the core’s words when MOR refuses', async ({ page }) => {
    await openIvr(page);
    const ivr = page.getByTestId('ivr');
    const campaign = ivr.getByLabel('Campaign');

    // The keyboard alone: type the campaign and press Enter.
    await campaign.fill('3');
    await campaign.press('Enter');
    await expect(ivr.getByTestId('ivr-empty')).toHaveText('MOR has no IVR poll results for campaign 3 yet.');
    await expect(ivr.getByRole('table')).toHaveCount(0);
    await expect(ivr.getByRole('button', { name: 'Export CSV' })).toBeEnabled();

    await campaign.fill('2');
    await campaign.press('Enter');
    await expect(ivr.getByRole('alert')).toHaveText(
      'The IVR results could not be fetched: Campaign 2: MOR said "Campaign does not have any Numbers". The MOR campaign has no numbers yet, so there are no results to fetch. Nothing was written.',
    );
    await expect(ivr.getByTestId('ivr-empty')).toHaveCount(0);

    await campaign.fill('0');
    await campaign.press('Enter');
    await expect(ivr.getByRole('alert')).toContainText('The IVR results could not be fetched: The campaign id must be a positive whole number');
    await expect(ivr.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  test('speaks Ukrainian', async ({ page }) => {
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('navigation', { name: 'Екрани' }).getByRole('button', { name: 'Результати IVR' }).click();
    const ivr = page.getByTestId('ivr');
    await ivr.getByLabel('Кампанія').fill('1');
    await ivr.getByRole('button', { name: 'Отримати' }).click();
    await expect(ivr.getByTestId('ivr-summary')).toHaveText('Кампанія 1: 2 рядки результатів');
    await expect(ivr.getByTestId('ivr-bar-count')).toHaveText(['2 відповіді', '1 відповідь', '1 відповідь']);
    await expect(ivr.getByRole('button', { name: 'Експорт CSV' })).toBeEnabled();
  });
});
