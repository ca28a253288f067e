import type { DialsheetBridge } from '../src/shared/bridge';
import { dropFile } from './fixtures/drop-file';
import { goToStep } from './fixtures/import-steps';
import { expect, test } from './fixtures/web-host';

type BridgeWindow = Window & { dialsheet: DialsheetBridge };

const numbersCsv = (count: number, from: number): Buffer =>
  Buffer.from(['phone,name', ...Array.from({ length: count }, (_, i) => `+38093${String(from + i).padStart(7, '0')},Contact ${i}`)].join('\n'));

test.describe('the import, a step at a time', () => {
  test.beforeEach(async ({ page, webHost }) => {
    await page.goto(webHost.url);
  });

  test('walks from the file to the receipt from the keyboard, each step announced by its title', async ({ page }) => {
    await dropFile(page, 'walk.csv', numbersCsv(3, 100));
    const steps = page.getByRole('navigation', { name: 'Import steps' });
    await expect(steps.getByRole('button', { name: /^File/ })).toHaveAttribute('aria-current', 'step');
    await expect(page.getByRole('region', { name: 'How the file is read' })).toBeVisible();

    const titles = ['Which column is what', 'Check the numbers', 'Where the numbers go', 'Plan and send'];
    const nexts = ['Next: columns →', 'Next: check →', 'Next: target →', 'Next: plan →'];
    for (const [i, title] of titles.entries()) {
      await page.getByRole('button', { name: nexts[i] }).focus();
      await page.keyboard.press('Enter');
      // Focus moves to the new step's title, so a screen reader says where the user is.
      await expect(page.getByRole('heading', { name: title })).toBeFocused();
    }
    const send = page.getByRole('region', { name: 'Plan and send' });
    await expect(send.getByTestId('send-plan')).toContainText('Will send 3 rows (3 numbers) to campaign 1');
    await send.getByRole('button', { name: 'Send 3 numbers to campaign 1' }).press('Enter');
    await expect(send.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 15_000 });

    // Back through the steps and forward again: the receipt of this sheet is still there.
    await page.getByRole('button', { name: '← Back' }).press('Space');
    await expect(page.getByRole('heading', { name: 'Where the numbers go' })).toBeFocused();
    await goToStep(page, 'Plan & send');
    await expect(send.getByTestId('receipt-state')).toHaveText('Finished');
  });

  test('MOR: numbers per file is checked, and the plan splits the list into that many files', async ({ page }) => {
    await dropFile(page, 'split.csv', numbersCsv(25, 200));
    const target = await goToStep(page, 'Target');
    const perFile = target.getByLabel('Numbers per MOR file');
    await expect(perFile).toHaveValue('100000');

    for (const typed of ['0', '2000000', 'ten', '2.5']) {
      await perFile.fill(typed);
      await target.getByRole('button', { name: 'Next: plan →' }).click();
      await expect(perFile).toHaveAttribute('aria-invalid', 'true');
      await expect(target).toContainText('Give a whole number from 1 to 1,000,000.');
      await expect(page.getByRole('heading', { name: 'Where the numbers go' })).toBeVisible();
    }
    await perFile.fill('10');
    await expect(target).not.toContainText('Give a whole number');
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    const send = page.getByRole('region', { name: 'Plan and send' });
    await expect(send.getByTestId('send-plan')).toContainText('as 3 CSV files of up to 10 numbers, one after another');
    const batches = send.getByRole('table', { name: 'Batches to send' }).getByRole('row');
    await expect(batches).toHaveCount(4);
    await expect(batches.nth(3)).toContainText('File 3 of 3');

    // A changed option makes a new plan on the way back in: the old one is never what is sent.
    await goToStep(page, 'Target');
    await perFile.fill('5');
    await goToStep(page, 'Plan & send');
    await expect(send.getByTestId('send-plan')).toContainText('as 5 CSV files of up to 5 numbers');
  });

  test('Ringostat: how many at once and how fast, within the caps, shown in the plan', async ({ page }) => {
    await dropFile(page, 'pace.csv', numbersCsv(4, 300));
    const target = await goToStep(page, 'Target');
    await target.getByTestId('send-profile').selectOption('demo-ringostat');
    await expect(target.getByLabel('Numbers per MOR file')).toHaveCount(0);
    const atOnce = target.getByLabel('Numbers sent at once');
    const rate = target.getByLabel('Requests a second');
    await expect(atOnce).toHaveValue('2');
    await expect(rate).toHaveValue('2');

    await atOnce.fill('9');
    await rate.fill('11');
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    await expect(target).toContainText('Give a whole number from 1 to 8.');
    await expect(target).toContainText('Give a number from 0.1 to 10.0.');
    await atOnce.fill('1');
    await rate.fill('0,5');
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    await expect(page.getByRole('region', { name: 'Plan and send' }).getByTestId('send-plan')).toContainText(
      '4 requests, at most 0.5 a second and 1 at once (about 8 s)',
    );
  });

  test('CC-iSales: an import time where the profile has an SFTP file server, and a clear word where not', async ({ page }) => {
    await dropFile(page, 'schedule.csv', numbersCsv(2, 400));
    let target = await goToStep(page, 'Target');
    // The Demo profile puts call-data files on the simulator's SFTP server.
    await target.getByTestId('send-profile').selectOption('demo-isales');
    const now = target.getByRole('radio', { name: 'As soon as it is uploaded' });
    const at = target.getByRole('radio', { name: 'At' });
    const time = target.getByLabel("Import time, by the server's clock");
    await expect(now).toBeChecked();
    await expect(time).toBeDisabled();
    await at.check();
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    await expect(target).toContainText('Give the time as hours and minutes, such as 21:30.');
    await time.fill('21:30');
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    const plan = page.getByRole('region', { name: 'Plan and send' }).getByTestId('send-plan');
    await expect(plan).toContainText("then imported by CC-iSales at 21:30 (the server's clock)");
    await expect(plan).toContainText('as 1 call-data file put on sftp://');

    // A profile without a file server adds numbers through the API at once: no time to choose.
    const saved = await page.evaluate(() =>
      (window as unknown as BridgeWindow).dialsheet.saveProfile({
        profile: {
          id: 'office-isales',
          name: 'Office iSales',
          provider: 'isales',
          baseUrl: 'https://isales.example.com:28443',
          defaultCountry: 'UA',
          vdnId: 1,
          accessKey: 'AK1',
          campaignId: '1001',
        },
        secrets: { secretKey: 'office-secret-key' },
      }),
    );
    expect(saved.ok).toBe(true);
    // The Target step reads the profiles again each time it shows.
    target = await goToStep(page, 'Target');
    await target.getByTestId('send-profile').selectOption('office-isales');
    await expect(target.getByTestId('provider-options')).toContainText('an import time needs an SFTP file server in the profile');
    await expect(target.getByRole('radio')).toHaveCount(0);
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    await expect(page.getByRole('region', { name: 'Plan and send' }).getByTestId('send-plan')).toContainText('1 add-numbers call of up to 20 numbers, a second apart (about 1 s)');
    // The web host is shared with the specs after this one, which expect the Demo profiles alone.
    expect(await page.evaluate(() => (window as unknown as BridgeWindow).dialsheet.deleteProfile({ id: 'office-isales' }))).toMatchObject({ ok: true });
  });

  test('a plan the core refuses is said once, and asked for again only when the user says so', async ({ page }) => {
    await dropFile(page, 'refused.csv', numbersCsv(2, 700));
    const plans: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/rpc/planSheetUpload')) plans.push(request.url());
    });
    const target = await goToStep(page, 'Target');
    await target.getByTestId('send-campaign').fill('no such campaign!');
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    const send = page.getByRole('region', { name: 'Plan and send' });
    await expect(send.getByRole('alert')).toContainText('campaign');
    await expect(send.getByRole('button', { name: /^Send \d/ })).toHaveCount(0);
    // Time for a loop to show itself, had the refusal made the step ask again.
    await page.waitForTimeout(1_000);
    expect(plans).toHaveLength(1);
    await send.getByRole('button', { name: 'Plan again' }).click();
    await expect.poll(() => plans.length).toBe(2);
    await expect(send.getByRole('alert')).toContainText('campaign');

    // Put right on the Target step, the plan is made on the way back.
    await (await goToStep(page, 'Target')).getByTestId('send-campaign').fill('2');
    await goToStep(page, 'Plan & send');
    await expect(send.getByTestId('send-plan')).toContainText('to campaign 2');
    await expect(send.getByRole('alert')).toHaveCount(0);
  });

  test('the target outlives the sheet: the next file goes to the same place with the same options', async ({ page }) => {
    await dropFile(page, 'first.csv', numbersCsv(2, 500));
    const target = await goToStep(page, 'Target');
    await target.getByTestId('send-profile').selectOption('demo-ringostat');
    await target.getByTestId('send-campaign').fill('457');
    await target.getByLabel('Numbers sent at once').fill('3');

    await dropFile(page, 'second.csv', numbersCsv(2, 600));
    await expect(page.getByTestId('file-name')).toHaveText('second.csv');
    // A new file starts at its first step, with its own plan to make.
    await expect(page.getByRole('region', { name: 'How the file is read' })).toBeVisible();
    await goToStep(page, 'Target');
    await expect(target.getByTestId('send-profile')).toHaveValue('demo-ringostat');
    await expect(target.getByTestId('send-campaign')).toHaveValue('457');
    await expect(target.getByLabel('Numbers sent at once')).toHaveValue('3');
    await expect(page.getByRole('navigation', { name: 'Import steps' }).getByRole('button', { name: /^Target/ })).toContainText('Demo (Ringostat)');
  });
});

test.describe('removing rows in the check', () => {
  // Two good numbers, one too short, one not a number, a repeat of the first good one.
  const CSV = ['phone,name', '+380931110001,First', '+380931110002,Second', '12,Short', 'hello,Word', '+380931110001,Repeat'].join('\n');

  test('one at a time or all of a kind, the rows of one problem, put back; removed rows are left out of the send', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await dropFile(page, 'remove.csv', Buffer.from(CSV));
    const check = await goToStep(page, 'Check');
    const figures = async (valid: string, invalid: string, duplicate: string): Promise<void> => {
      await expect(page.getByTestId('count-valid')).toHaveText(valid);
      await expect(page.getByTestId('count-invalid')).toHaveText(invalid);
      await expect(page.getByTestId('count-duplicate')).toHaveText(duplicate);
    };
    await figures('2', '2', '1');
    const rows = page.getByRole('table', { name: 'Rows of remove.csv' }).getByRole('row');
    const actions = page.getByRole('group', { name: 'Remove rows' });

    // A problem's bar lists its rows alone, and removes them in one click.
    await check.getByRole('button', { name: /^Too short/ }).click();
    await expect(check.getByRole('button', { name: /^Too short/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(actions).toContainText('Rows with this problem: Too short');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Short');
    await actions.getByRole('button', { name: 'Remove this row (1)' }).click();
    await expect(actions.getByRole('status')).toHaveText('1 row removed: it stays under Removed and will not be sent.');
    await figures('2', '1', '1');
    await expect(page.getByRole('tab', { name: /^Removed/ })).toHaveText('Removed 1');

    // One row by hand: the first holder of a number goes, so its repeat is no longer a duplicate.
    await actions.getByRole('button', { name: 'Show every row' }).click();
    await expect(rows).toHaveCount(6);
    await page.getByRole('button', { name: 'Remove row 2: it will not be sent' }).click();
    await figures('2', '1', '0');

    // All the invalid rows at once, from their tab.
    await page.getByRole('tab', { name: /^Invalid/ }).click();
    await actions.getByRole('button', { name: 'Remove the invalid row (1)' }).click();
    await figures('2', '0', '0');
    await page.getByRole('tab', { name: /^Removed/ }).click();
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('Removed');

    // The plan leaves them out and says why; the receipt counts them with the invalid rows.
    let send = await goToStep(page, 'Plan & send');
    await expect(send.getByTestId('send-plan')).toContainText('Will send 2 rows (2 numbers)');
    await expect(send.getByRole('table', { name: 'Rows that will not be sent' })).toContainText('Removed before sending.');

    // Put back: everything as it was, the repeat a duplicate again.
    await goToStep(page, 'Check');
    await page.getByRole('tab', { name: /^Removed/ }).click();
    await actions.getByRole('button', { name: 'Put back the removed rows (3)' }).click();
    await expect(actions.getByRole('status')).toHaveText('3 rows put back.');
    await figures('2', '2', '1');

    // Removed again, one, and sent: the receipt accounts for every row.
    await page.getByRole('tab', { name: /^All/ }).click();
    await page.getByRole('button', { name: 'Remove row 5: it will not be sent' }).click();
    await figures('2', '1', '1');
    send = await goToStep(page, 'Plan & send');
    await send.getByRole('button', { name: 'Send 2 numbers to campaign 1' }).click();
    await expect(send.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 15_000 });
    await expect(send.getByTestId('receipt-invalid')).toHaveText('2');
    await expect(send.getByTestId('receipt-duplicate')).toHaveText('1');
    await expect(send.getByTestId('receipt-imported')).toHaveText('2');
  });
});
