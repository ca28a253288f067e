import { dropFile } from './fixtures/drop-file';
import { expectReceiptFigures } from './fixtures/receipt';
import { expect, test } from './fixtures/web-host';

// Three good numbers, one that is not a number, one repeat of the first: five data rows.
const CSV = 'Name,Phone\r\nOlena,050 123 45 67\r\nPetro,066 123 45 67\r\nIvan,067 123 45 67\r\nBad,12\r\nAgain,+380501234567\r\n';

test.describe('sending a checked list with a Demo profile', () => {
  test.beforeEach(async ({ page, webHost }) => {
    await page.goto(webHost.url);
  });

  test('plans, then sends to the Demo MOR campaign and shows a receipt that accounts for every row', async ({ page }) => {
    await dropFile(page, 'leads.csv', Buffer.from(CSV));
    const send = page.getByRole('region', { name: 'Send' });
    await expect(send.getByTestId('send-profile')).toHaveValue('demo-mor');
    await expect(send.getByTestId('send-campaign')).toHaveValue('1');
    await send.getByTestId('send-campaign').fill('2');

    await send.getByRole('button', { name: 'Plan (dry run)' }).click();
    await expect(send.getByTestId('send-plan')).toContainText('Will send 3 rows (3 numbers) to campaign 2');
    await expect(send.getByTestId('send-plan')).toContainText('Left out: 1 invalid, 1 duplicate. Nothing was sent.');

    await send.getByRole('button', { name: 'Send', exact: true }).click();
    const receipt = send.getByTestId('send-receipt');
    await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished');
    await expect(receipt.getByTestId('receipt-summary')).toContainText('MOR campaign 2');
    await expectReceiptFigures(receipt, { rows: 5, imported: 3, invalid: 1, duplicate: 1, rejected: 0 });
  });

  test('a campaign that refuses numbers gives each row the provider\'s words', async ({ page }) => {
    await dropFile(page, 'leads.csv', Buffer.from(CSV));
    const send = page.getByRole('region', { name: 'Send' });
    await send.getByTestId('send-profile').selectOption('demo-ringostat');
    await expect(send.getByTestId('send-campaign')).toHaveValue('456');
    await send.getByTestId('send-campaign').fill('999');
    await send.getByRole('button', { name: 'Send', exact: true }).click();
    const receipt = send.getByTestId('send-receipt');
    await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 15_000 });
    await expect(receipt.getByTestId('receipt-rejected')).toHaveText('3');
    await receipt.getByRole('tab', { name: /^Rejected/ }).click();
    const rows = receipt.getByRole('table', { name: 'Receipt rows of leads.csv' }).getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('Ringostat');
    // Refused numbers can be sent again, to a campaign that takes them or after a fix on the provider's side.
    await expect(receipt.getByRole('button', { name: 'Retry failed' })).toBeEnabled();
  });
});
