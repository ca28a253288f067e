import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

import type { Download, Locator, Page } from '@playwright/test';

import { startSimulator } from '../src/main/core/simulator/start-simulator';
import type { DialsheetBridge } from '../src/shared/bridge';
import { dropFile } from './fixtures/drop-file';
import { goToStep, sendSheet } from './fixtures/import-steps';
import { expectReceiptFigures } from './fixtures/receipt';
import { expect, newDataDir, startWebHostProcess, test } from './fixtures/web-host';

type BridgeWindow = Window & { dialsheet: DialsheetBridge };

// Three good numbers, one that is not a number, one repeat of the first: five data rows (rows 2-6).
const SMALL_CSV = 'Name,Phone\r\nOlena,050 123 45 67\r\nPetro,066 123 45 67\r\nIvan,067 123 45 67\r\nBad,12\r\nAgain,+380501234567\r\n';

/** `count` good, distinct Ukrainian mobile numbers, one per row, starting at `first`. */
function numbersCsv(count: number, first: number): Buffer {
  const rows = Array.from({ length: count }, (_, i) => `Contact ${i + 1},+38063${String(first + i).padStart(7, '0')}`);
  return Buffer.from(`Name,Phone\r\n${rows.join('\r\n')}\r\n`, 'utf8');
}

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** Waits until the progress line says at least `atLeast` numbers are done. */
async function waitForDone(receipt: Locator, atLeast: number): Promise<void> {
  await expect
    .poll(async () => Number(/^([\d,\s]+) of/.exec((await receipt.getByTestId('progress-done').textContent()) ?? '')?.[1]?.replace(/\D/g, '') ?? 0), {
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(atLeast);
}

const count = async (receipt: Locator, status: string): Promise<number> => Number((await receipt.getByTestId(`receipt-${status}`).textContent())?.replace(/\D/g, ''));

async function openHistoryReceipt(page: Page, fileName: string): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByRole('row').filter({ hasText: fileName }).first().getByRole('button', { name: /^Open the receipt of/ }).click();
  return page.getByRole('region', { name: `Receipt of ${fileName}` });
}

test.describe('upload jobs in the window', () => {
  test('the plan lists batches and skipped rows; the receipt filters, and exports as CSV and XLSX', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await dropFile(page, 'jobs-plan.csv', Buffer.from(SMALL_CSV));
    const target = await goToStep(page, 'Target');
    await target.getByTestId('send-profile').selectOption('demo-ringostat');
    await expect(target.getByTestId('send-campaign')).toHaveValue('456');
    await expect(target.getByLabel('Numbers sent at once')).toHaveValue('2');

    await target.getByRole('button', { name: 'Next: plan →' }).click();
    const send = page.getByRole('region', { name: 'Plan and send' });
    const plan = send.getByTestId('plan-details');
    await expect(plan.getByTestId('send-plan')).toContainText('Will send 3 rows (3 numbers) to campaign 456');
    const batches = plan.getByRole('table', { name: 'Batches to send' });
    await expect(batches.getByRole('row')).toHaveCount(2);
    await expect(batches.getByRole('row').nth(1)).toContainText('3 requests, one per number');
    await expect(batches.getByRole('row').nth(1)).toContainText('rows 2–4');
    const skipped = plan.getByRole('table', { name: 'Rows that will not be sent' });
    await expect(skipped.getByRole('row')).toHaveCount(3);
    await expect(skipped.getByRole('row').nth(1)).toContainText('5');
    await expect(skipped.getByRole('row').nth(1)).toContainText('Invalid');
    await expect(skipped.getByRole('row').nth(2)).toContainText('Duplicate');
    await expect(skipped.getByRole('row').nth(2)).toContainText('row 2');

    await send.getByRole('button', { name: 'Send 3 numbers to campaign 456' }).click();
    const receipt = send.getByTestId('send-receipt');
    await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 15_000 });
    await expect(receipt.getByTestId('progress-done')).toHaveText('3 of 3 numbers have an outcome');
    // What was sent is not offered again until planned anew.
    await expect(send.getByRole('button', { name: /^Send \d/ })).toHaveCount(0);
    await expectReceiptFigures(receipt, { rows: 5, imported: 3, invalid: 1, duplicate: 1, rejected: 0, unknown: 0 });

    // Tabs only for statuses that have rows, plus All.
    const tabs = receipt.getByRole('tablist', { name: 'Show receipt rows' }).getByRole('tab');
    await expect(tabs).toHaveText(['All 5', 'Imported 3', 'Invalid 1', 'Duplicate 1']);
    const table = receipt.getByRole('table', { name: 'Receipt rows of jobs-plan.csv' });
    await expect(table.getByRole('row')).toHaveCount(6);
    await tabs.filter({ hasText: 'Invalid' }).click();
    await expect(tabs.filter({ hasText: 'Invalid' })).toHaveAttribute('aria-selected', 'true');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('5');
    await expect(table.getByRole('row').nth(1)).toContainText('12');
    await expect(table.getByRole('row').nth(1)).toContainText('Invalid');

    const [csv] = await Promise.all([page.waitForEvent('download'), receipt.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^jobs-plan receipt j\d{8}-\d{6}-[0-9a-f]{6}\.csv$/);
    const csvBytes = await downloaded(csv);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvBytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('Row,Number,Status,Message');
    expect(lines).toHaveLength(1 + 5);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['2', '3', '4', '5', '6']);
    expect(lines[4]).toMatch(/^5,12,invalid,/);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), receipt.getByRole('button', { name: 'Export XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await downloaded(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('the history keeps the job across a reload, and opening it shows the same receipt', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await dropFile(page, 'jobs-history.csv', Buffer.from(SMALL_CSV));
    await expect((await goToStep(page, 'Target')).getByTestId('send-profile')).toHaveValue('demo-mor');
    const send = await sendSheet(page, { campaign: '2' });
    const sent = send.getByTestId('send-receipt');
    await expect(sent.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 15_000 });
    await expect(sent.getByTestId('receipt-imported')).toHaveText('3');

    await page.reload();
    // No sheet is open after a reload: the start screen lists the recent uploads under the drop zone.
    const recent = page.getByRole('region', { name: 'Recent uploads' });
    await expect(recent.getByRole('row').filter({ hasText: 'jobs-history.csv' }).first()).toContainText('Demo (MOR)');
    await expect(recent.getByRole('row').filter({ hasText: 'jobs-history.csv' }).first()).toContainText('Finished');

    const receipt = await openHistoryReceipt(page, 'jobs-history.csv');
    await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished');
    await expect(receipt.getByTestId('receipt-summary')).toContainText('MOR campaign 2');
    await expectReceiptFigures(receipt, { rows: 5, imported: 3, invalid: 1, duplicate: 1 });
    await expect(receipt.getByRole('table', { name: 'Receipt rows of jobs-history.csv' }).getByRole('row')).toHaveCount(6);

    await page.getByRole('button', { name: '← All uploads' }).click();
    await expect(page.getByRole('region', { name: 'History' }).getByRole('row').filter({ hasText: 'jobs-history.csv' })).not.toHaveCount(0);
  });

  test('a send can be paused mid-way and resumed to the end', async ({ page, webHost }) => {
    test.setTimeout(60_000);
    await page.goto(webHost.url);
    // The Demo Ringostat profile sends 2 numbers a second: 16 numbers take about 8 s.
    await dropFile(page, 'jobs-pause.csv', numbersCsv(16, 1000));
    const send = await sendSheet(page, { profile: 'demo-ringostat' });
    const receipt = send.getByTestId('send-receipt');
    await waitForDone(receipt, 1);
    await expect(receipt.getByTestId('progress-rate')).toContainText('numbers/s');

    // Cancel asks first; keeping on sends on.
    await receipt.getByRole('button', { name: 'Cancel', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this upload?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Keep sending' }).click();
    await expect(confirm).toBeHidden();

    await waitForDone(receipt, 3);
    await receipt.getByRole('button', { name: 'Pause' }).click();
    await expect(receipt.getByTestId('receipt-state')).toHaveText('Paused', { timeout: 10_000 });
    expect(await count(receipt, 'waiting')).toBeGreaterThan(0);
    expect(await count(receipt, 'imported')).toBeLessThan(16);
    await expect(receipt.getByRole('tab', { name: /^Waiting/ })).toBeVisible();

    await receipt.getByRole('button', { name: 'Resume' }).click();
    await expect(receipt.getByTestId('progress-state')).toHaveText('Sending');
    await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 30_000 });
    await expect(receipt.getByTestId('receipt-imported')).toHaveText('16');
    await expect(receipt.getByTestId('receipt-waiting')).toHaveCount(0);
    await expect(receipt.getByRole('tab', { name: /^Waiting/ })).toHaveCount(0);
    await expect(receipt.getByTestId('progress-done')).toHaveText('16 of 16 numbers have an outcome');
  });

  test('an upload cut short by a killed host is offered on the next start, resumes, and its numbers in flight wait for a choice', async ({
    browser,
    page,
  }) => {
    test.setTimeout(90_000);
    // A Ringostat of our own that answers each request 800 ms late: two requests start a second, so one is
    // always in flight, and it outlives the hosts (the Demo profiles' simulator dies with its host).
    const sim = await startSimulator({ faults: { latencyMs: 800, providers: ['ringostat'] } });
    const dataDir = newDataDir();
    const hosts: ChildProcess[] = [];
    try {
      const first = await startWebHostProcess({ dataDir });
      hosts.push(first.child);
      // Its own page: once the host is killed, its requests fail, which is expected there.
      const doomed = await browser.newPage();
      await doomed.goto(first.host.url);
      const saved = await doomed.evaluate(
        (baseUrl) =>
          (window as unknown as BridgeWindow).dialsheet.saveProfile({
            profile: { id: 'slow-ringostat', name: 'Slow Ringostat', provider: 'ringostat', baseUrl, defaultCountry: 'UA', projectId: '123', campaignId: 456 },
            secrets: { authKey: 'demo-ringostat-auth-key' },
          }),
        sim.urls.ringostat,
      );
      expect(saved.ok).toBe(true);
      await doomed.reload();
      await dropFile(doomed, 'jobs-crash.csv', numbersCsv(12, 2000));
      const send = await sendSheet(doomed, { profile: 'slow-ringostat' });
      await waitForDone(send.getByTestId('send-receipt'), 3);
      const exited = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGKILL');
      await exited;
      await doomed.close();

      const second = await startWebHostProcess({ dataDir });
      hosts.push(second.child);
      await page.goto(second.host.url);
      const banner = page.getByRole('region', { name: 'Unfinished upload' });
      await expect(banner).toContainText('An upload was interrupted: jobs-crash.csv → Ringostat campaign 456');
      const outcome = /(\d+) of 12 numbers have an outcome/.exec((await banner.textContent()) ?? '');
      expect(Number(outcome?.[1])).toBeGreaterThanOrEqual(3);
      expect(Number(outcome?.[1])).toBeLessThan(12);

      await banner.getByRole('button', { name: 'Resume' }).click();
      await expect(banner).toBeHidden();
      const receipt = page.getByRole('region', { name: 'Receipt of jobs-crash.csv' });
      await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 30_000 });
      await expect(receipt.getByTestId('receipt-waiting')).toHaveCount(0);
      const unknown = await count(receipt, 'unknown');
      expect(unknown).toBeGreaterThanOrEqual(1);
      expect((await count(receipt, 'imported')) + unknown).toBe(12);

      await receipt.getByRole('tab', { name: /^Unknown/ }).click();
      await expect(receipt.getByRole('table', { name: 'Receipt rows of jobs-crash.csv' }).getByRole('row').nth(1)).toContainText('Dialsheet stopped while this number was being sent');

      const choice = receipt.getByRole('group', { name: 'Unknown numbers' });
      await expect(choice).toContainText(`${unknown} ${unknown === 1 ? 'row has' : 'rows have'} a number with an unknown outcome`);
      // Send again asks first, and says why.
      await choice.getByRole('button', { name: 'Send again' }).click();
      const confirm = page.getByRole('dialog', { name: 'Send the unknown numbers again?' });
      await expect(confirm).toContainText('twice');
      await confirm.getByRole('button', { name: 'Don’t send' }).click();
      await expect(confirm).toBeHidden();

      await choice.getByRole('button', { name: 'Leave as unknown' }).click();
      await expect(choice).toBeHidden();
      await expect(receipt.getByTestId('receipt-unknown')).toHaveText(String(unknown));
      // The choice hides as its call begins; the job is itself again once the call has written it.
      const job = async (): Promise<unknown> => {
        const jobs = await page.evaluate(() => (window as unknown as BridgeWindow).dialsheet.listJobs({}));
        return jobs.ok ? jobs.value.jobs.find((j) => j.fileName === 'jobs-crash.csv') : undefined;
      };
      await expect.poll(job).toMatchObject({ state: 'finished', undecided: 0, counts: { waiting: 0, unknown } });
      await expect(choice).toBeHidden();
    } finally {
      // Off the host before it stops, so the page's event stream does not report it gone.
      await page.goto('about:blank');
      for (const child of hosts) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await sim.close();
    }
  });
});
