import { dropFile } from './fixtures/drop-file';
import { goToStep } from './fixtures/import-steps';
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
    const target = await goToStep(page, 'Target');
    await expect(target.getByTestId('send-profile')).toHaveValue('demo-mor');
    await expect(target.getByTestId('send-campaign')).toHaveValue('1');
    await target.getByTestId('send-campaign').fill('2');

    await target.getByRole('button', { name: 'Next: plan →' }).click();
    const send = page.getByRole('region', { name: 'Plan and send' });
    await expect(send.getByTestId('send-plan')).toContainText('Will send 3 rows (3 numbers) to campaign 2');
    await expect(send.getByTestId('send-plan')).toContainText('Left out: 1 invalid, 1 duplicate. Nothing was sent.');

    await send.getByRole('button', { name: 'Send 3 numbers to campaign 2' }).click();
    const receipt = send.getByTestId('send-receipt');
    await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished');
    await expect(receipt.getByTestId('receipt-summary')).toContainText('MOR campaign 2');
    await expectReceiptFigures(receipt, { rows: 5, imported: 3, invalid: 1, duplicate: 1, rejected: 0 });
  });

  test('a campaign that refuses numbers gives each row the provider\'s words', async ({ page }) => {
    await dropFile(page, 'leads.csv', Buffer.from(CSV));
    const target = await goToStep(page, 'Target');
    await target.getByTestId('send-profile').selectOption('demo-ringostat');
    await expect(target.getByTestId('send-campaign')).toHaveValue('456');
    await target.getByTestId('send-campaign').fill('999');
    const send = await goToStep(page, 'Plan & send');
    await send.getByRole('button', { name: /^Send 3 numbers/ }).click();
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
