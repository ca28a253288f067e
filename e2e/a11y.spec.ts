import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

import type { DialsheetBridge } from '../src/shared/bridge';
import { dropFile } from './fixtures/drop-file';
import { goToStep } from './fixtures/import-steps';
import { expect, test } from './fixtures/web-host';

// Accessibility proof of every screen (the import's steps, History/receipt, IVR results, CLIs and
// Accounts): axe (WCAG 2.1 A and AA) in the light and the dark theme, the keyboard alone, and no
// layout jumps while loading.

type BridgeWindow = Window & { dialsheet: DialsheetBridge };

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const THEMES = ['light', 'dark'] as const;

/** Axe's violations, one block per rule, each element by its selector and what is wrong with it. */
function described(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`).join('\n');
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n\n');
}

/**
 * Elements that look clickable (a pointer cursor) but that the keyboard cannot reach: neither a
 * control nor inside one, and not focusable.
 */
const mouseOnly = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const interactive = 'a[href], button, input, select, textarea, summary, label, [tabindex], [role="button"], [role="tab"], [role="link"], [contenteditable="true"]';
    return Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => element.checkVisibility() && getComputedStyle(element).cursor === 'pointer')
      .filter((element) => element.closest(interactive) === null)
      .map((element) => element.outerHTML.slice(0, 120));
  });

/**
 * Runs axe on the page as it is, in the light theme and then the dark one, and expects no violation
 * in either, and nothing on it that only a mouse can use.
 */
async function expectAccessible(page: Page, state: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    // Colours follow the theme through CSS variables: nothing to wait for but a frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    // Soft: one run lists the violations of every state, not only the first.
    expect.soft(violations.map((v) => v.id), `${state}, ${colorScheme} theme:\n${described(violations)}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect.soft(await mouseOnly(page), `${state}: clickable only by mouse`).toEqual([]);
}

const nav = (page: Page): Locator => page.getByRole('navigation', { name: 'Screens' });
const openScreen = async (page: Page, name: string): Promise<void> => nav(page).getByRole('button', { name, exact: true }).click();

/** Opens a MOR tool's screen (IVR results, CLIs) with the Demo MOR chosen, and checks it before anything is done. */
async function openMorTool(page: Page, url: string, screen: string, testId: string): Promise<Locator> {
  await page.goto(url);
  await openScreen(page, screen);
  const tool = page.getByTestId(testId);
  await expect(tool.getByLabel('MOR profile')).toHaveValue('demo-mor');
  await expectAccessible(page, `${screen}, nothing done yet`);
  return tool;
}

// Two good numbers, one that is not a number, one repeat: the receipt has three statuses.
const SHEET = (first: number): string =>
  ['Name,Phone', `One,+38067${first}001`, `Two,+38067${first}002`, 'Bad,12', `Again,+38067${first}001`].join('\r\n') + '\r\n';

/**
 * Sends a small sheet to the Demo Ringostat's campaign 456 through the bridge, as the Check & send
 * screen would: a job in the History. Not to a MOR campaign: the IVR spec, on the same host, expects
 * MOR's campaigns 2 and 3 as the demo seeds them.
 */
async function makeJob(page: Page, fileName: string, first: number): Promise<void> {
  const answer = await page.evaluate(
    async ({ fileName, text }) => {
      const bridge = (window as unknown as BridgeWindow).dialsheet;
      const opened = await bridge.openFile(new File([text], fileName, { type: 'text/csv' }));
      if (!opened.ok) return opened;
      return bridge.sendSheet({ sheetId: opened.value.sheetId, profileId: 'demo-ringostat' });
    },
    { fileName, text: SHEET(first) },
  );
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
}

/** A few jobs in the shared host's History, made once. */
async function ensureJobs(page: Page): Promise<void> {
  const listed = await page.evaluate(() => (window as unknown as BridgeWindow).dialsheet.listJobs({}));
  const names = listed.ok ? listed.value.jobs.map((job) => job.fileName) : [];
  for (const [i, name] of ['a11y-first.csv', 'a11y-second.csv', 'a11y-third.csv'].entries()) {
    if (!names.includes(name)) await makeJob(page, name, 1000 + i);
  }
}

/** A profile of our own, so that Accounts offers Edit and Delete; gone again at the end of the test. */
async function saveOwnProfile(page: Page, id: string, name: string): Promise<void> {
  const saved = await page.evaluate(
    ({ id, name }) =>
      (window as unknown as BridgeWindow).dialsheet.saveProfile({
        profile: { id, name, provider: 'ringostat', baseUrl: 'https://api.ringostat.net', defaultCountry: 'UA', projectId: '123', campaignId: 456 },
        secrets: { authKey: 'a11y-auth-key' },
      }),
    { id, name },
  );
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
}

async function deleteProfile(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => (window as unknown as BridgeWindow).dialsheet.deleteProfile({ id }), id);
}

interface FocusLook {
  name: string;
  outline: string;
  outlineVisible: boolean;
  boxShadow: string;
  focusVisible: boolean;
}

/** How the focused element looks (its outline and shadow, whether :focus-visible applies), marked to be found again. */
const focusedLook = (page: Page, marker: number): Promise<FocusLook | null> =>
  page.evaluate((marker) => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    element.setAttribute('data-a11y-probe', String(marker));
    const style = getComputedStyle(element);
    const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60);
    return {
      name: `${element.tagName.toLowerCase()} “${label || element.outerHTML.slice(0, 80)}”`,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)',
      boxShadow: style.boxShadow,
      focusVisible: element.matches(':focus-visible'),
    };
  }, marker);

/**
 * Tabs through the screen from the top of the page (or through an open dialog), and expects every
 * element the keyboard reaches to show it has the focus: an outline, or a shadow it lacks at rest.
 * Answers how many elements it reached.
 */
async function expectFocusRings(page: Page, screen: string, limit = 80): Promise<number> {
  // Tab starts from the page's top: the header, made focusable for a moment.
  await page.evaluate(() => {
    const top = document.querySelector<HTMLElement>('dialog[open]') ?? document.querySelector<HTMLElement>('header');
    if (!top) return;
    top.tabIndex = -1;
    top.focus();
    top.removeAttribute('tabindex');
  });
  const looks: FocusLook[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const look = await focusedLook(page, i);
    // Past the page's end (the browser's own controls), or round a dialog and back to its start.
    if (look === null || (looks.length > 0 && look.name === looks[0]?.name)) break;
    looks.push(look);
  }
  // The same elements at rest, to tell a focus ring from a shadow they always have.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const resting = await page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('[data-a11y-probe]')).map((element) => {
        const marker = element.getAttribute('data-a11y-probe') ?? '';
        element.removeAttribute('data-a11y-probe');
        return [marker, getComputedStyle(element).boxShadow];
      }),
    ),
  );
  const missing = looks.flatMap((look, i) => {
    if (!look.focusVisible) return [`${look.name}: focused by Tab but not :focus-visible`];
    if (look.outlineVisible || (look.boxShadow !== 'none' && look.boxShadow !== resting[String(i)])) return [];
    return [`${look.name}: no outline (${look.outline}) and no focus shadow`];
  });
  expect.soft(missing, `${screen}: controls without a visible focus indicator`).toEqual([]);
  return looks.length;
}

test.describe('accessibility', () => {
  test('the start screen, with no file open', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await expect(nav(page).getByRole('button', { name: 'Check & send' })).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page, 'start screen');
  });

  test('each step of the import, from the file to the receipt', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await dropFile(page, 'a11y-steps.csv', Buffer.from(SHEET(7654)));
    await expect(page.getByRole('table', { name: 'Rows of a11y-steps.csv' }).getByRole('row')).toHaveCount(5);
    await expectAccessible(page, 'import: file');
    await goToStep(page, 'Columns');
    await expectAccessible(page, 'import: columns');
    await goToStep(page, 'Check');
    await page.getByRole('tab', { name: /^Invalid/ }).click();
    await page.getByRole('button', { name: 'Fix the number in row 4' }).click();
    await expectAccessible(page, 'import: check, a number being fixed');
    await page.getByLabel('New number for row 4').press('Escape');
    const target = await goToStep(page, 'Target');
    await target.getByTestId('send-profile').selectOption('demo-ringostat');
    await target.getByLabel('Numbers sent at once').fill('0');
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    await expect(target.getByLabel('Numbers sent at once')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'import: target, an option refused');
    await target.getByLabel('Numbers sent at once').fill('2');
    await target.getByRole('button', { name: 'Next: plan →' }).click();
    const send = page.getByRole('region', { name: 'Plan and send' });
    await expect(send.getByTestId('plan-details')).toBeVisible();
    await expectAccessible(page, 'import: plan');
    await send.getByRole('button', { name: /^Send \d/ }).click();
    await expect(send.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 15_000 });
    await expectAccessible(page, 'import: receipt');
  });

  test('the History with a few jobs, and a job’s receipt', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await ensureJobs(page);
    await openScreen(page, 'History');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('row').filter({ hasText: 'a11y-third.csv' })).toHaveCount(1);
    await expectAccessible(page, 'History');

    await history.getByRole('row').filter({ hasText: 'a11y-second.csv' }).getByRole('button', { name: /^Open the receipt of/ }).click();
    const receipt = page.getByRole('region', { name: 'Receipt of a11y-second.csv' });
    const table = receipt.getByRole('table', { name: 'Receipt rows of a11y-second.csv' });
    await expect(table.getByRole('row')).toHaveCount(5);
    await expectAccessible(page, 'receipt');

    // A filter tab, then the receipt again.
    await receipt.getByRole('tab', { name: /^Invalid/ }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expectAccessible(page, 'receipt, invalid rows');
  });

  test('IVR results: fetched, empty and refused', async ({ page, webHost }) => {
    const ivr = await openMorTool(page, webHost.url, 'IVR results', 'ivr');
    const campaign = ivr.getByRole('textbox', { name: 'Campaign', exact: true });

    await campaign.fill('1');
    await ivr.getByRole('button', { name: 'Fetch' }).click();
    await expect(ivr.getByRole('table', { name: 'IVR poll results of campaign 1' }).getByTestId('ivr-row')).toHaveCount(2);
    await expectAccessible(page, 'IVR results fetched');

    await campaign.fill('3');
    await campaign.press('Enter');
    await expect(ivr.getByTestId('ivr-empty')).toBeVisible();
    await expectAccessible(page, 'IVR results, none yet');

    await campaign.fill('2');
    await campaign.press('Enter');
    await expect(ivr.getByRole('alert')).toContainText('could not be fetched');
    await expectAccessible(page, 'IVR results refused');
  });

  test('CLIs checked, with a receipt, and refused', async ({ page, webHost }) => {
    const clis = await openMorTool(page, webHost.url, 'CLIs', 'clis');

    const sheet = ['Device ID,Number', '1,37061120001', '999,37061120002', '1,12ab'].join('\n');
    await clis.getByTestId('clis-input').setInputFiles({ name: 'a11y-clis.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await expect(clis.getByTestId('clis-check-row')).toHaveCount(3);
    await expectAccessible(page, 'CLIs checked');
    await clis.getByRole('button', { name: 'Add 2 CLIs' }).click();
    await expect(clis.getByTestId('clis-row')).toHaveCount(3);
    await expectAccessible(page, 'CLIs with a receipt');

    await clis.getByTestId('clis-input').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('phone,name\n0930000001,Ann\n') });
    await expect(clis.getByRole('alert')).toContainText('The sheet could not be checked');
    await expect(clis.getByRole('button', { name: 'Add CLIs' })).toBeDisabled();
    await expectAccessible(page, 'CLIs refused');
  });

  test('Accounts: the list, a test verdict, the form open and a validation error', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await openScreen(page, 'Accounts');
    const accounts = page.getByRole('region', { name: 'Accounts' });
    await expect(accounts.getByRole('listitem', { name: 'Demo (Ringostat)' })).toBeVisible();
    await accounts.getByRole('button', { name: 'Test the connection of Demo (MOR)' }).click();
    await expect(page.getByTestId('profile-demo-mor').getByTestId('verdict-kind')).toHaveText('Test passed');
    await expectAccessible(page, 'Accounts');

    await accounts.getByRole('button', { name: 'Add CC-iSales' }).click();
    const form = page.getByRole('region', { name: 'New CC-iSales profile' });
    await form.getByLabel('Upload files by SFTP').check();
    await expectAccessible(page, 'Accounts, the add form');

    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'Accounts, the form with fields flagged');

    await form.getByLabel('Name', { exact: true }).fill('Bad project');
    await form.getByLabel('Server address').fill('not an address');
    await form.getByLabel('VDN id').fill('1');
    await form.getByLabel('Access key (AK)').fill('ak');
    await form.getByLabel('SFTP server').fill('sftp.example.com');
    await form.getByLabel('SFTP user name').fill('user');
    await form.getByLabel('iSales file server id').fill('1');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form.getByTestId('profile-save-error')).toContainText('The profile was not saved');
    await expectAccessible(page, 'Accounts, the form with the core’s refusal');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  test('a confirm dialog: accessible, holds the focus, and Escape gives the focus back to its opener', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await saveOwnProfile(page, 'a11y-dialog', 'A11y dialog');
    try {
      await page.reload();
      await openScreen(page, 'Accounts');
      const opener = page.getByRole('button', { name: 'Delete A11y dialog' });
      await opener.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Delete the profile “A11y dialog”?' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
      await expectAccessible(page, 'confirm dialog');

      // The focus never leaves the dialog, whichever way the keyboard goes.
      for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
        await page.keyboard.press(key);
        expect(await dialog.evaluate((element) => element.contains(document.activeElement)), `focus after ${key}`).toBe(true);
      }
      await expectFocusRings(page, 'confirm dialog', 6);

      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();
    } finally {
      await deleteProfile(page, 'a11y-dialog');
    }
  });

  test('the keyboard alone: the screens from the navigation, a focus ring on every control, nothing mouse-only', async ({ page, webHost }) => {
    test.setTimeout(60_000);
    await page.goto(webHost.url);
    await ensureJobs(page);
    await page.reload();

    // From the top of the page, Tab reaches the navigation first (once the page has drawn it).
    const checkAndSend = nav(page).getByRole('button', { name: 'Check & send' });
    await expect(page.getByRole('region', { name: 'Recent uploads' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(checkAndSend).toBeFocused();
    // The navigation is a list of buttons, the current screen marked aria-current="page": Tab moves
    // between them and Enter or Space switches (arrow keys are for tab lists, which this is not).
    await page.keyboard.press('Tab');
    await expect(nav(page).getByRole('button', { name: 'History' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nav(page).getByRole('button', { name: 'History' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(nav(page).getByRole('button', { name: 'IVR results' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('ivr')).toBeVisible();
    await expect(nav(page).getByRole('button', { name: 'History' })).not.toHaveAttribute('aria-current');

    // Every screen: each control the keyboard reaches shows it has the focus.
    for (const screen of ['Check & send', 'History', 'IVR results', 'CLIs', 'Accounts']) {
      await openScreen(page, screen);
      if (screen === 'History') await expect(page.getByRole('region', { name: 'History' }).getByRole('row').nth(1)).toBeVisible();
      if (screen === 'Accounts') await expect(page.getByRole('listitem', { name: 'Demo (MOR)' })).toBeVisible();
      if (screen === 'IVR results') {
        // Enter fetches once the profile is there to fetch with.
        await expect(page.getByTestId('ivr').getByLabel('MOR profile')).toHaveValue('demo-mor');
        await page.getByTestId('ivr').getByRole('textbox', { name: 'Campaign', exact: true }).fill('1');
        await page.getByTestId('ivr').getByRole('textbox', { name: 'Campaign', exact: true }).press('Enter');
        await expect(page.getByTestId('ivr-row')).toHaveCount(2);
      }
      const reached = await expectFocusRings(page, screen);
      expect(reached, `${screen}: controls the keyboard reached`).toBeGreaterThan(5);
      expect(await mouseOnly(page), `${screen}: clickable only by mouse`).toEqual([]);
    }

    // A receipt, opened from the keyboard, with its rows and tabs.
    await openScreen(page, 'History');
    const open = page.getByRole('region', { name: 'History' }).getByRole('button', { name: /^Open the receipt of a11y-first\.csv/ });
    await open.focus();
    await page.keyboard.press('Enter');
    const receipt = page.getByRole('region', { name: 'Receipt of a11y-first.csv' });
    await expect(receipt.getByRole('table').getByRole('row')).toHaveCount(5);
    await expectFocusRings(page, 'receipt');
    expect(await mouseOnly(page), 'receipt: clickable only by mouse').toEqual([]);
    // The filter tabs are a tab list: one Tab stop, the selected tab; the arrow keys, Home and End move and show.
    const tabs = receipt.getByRole('tablist', { name: 'Show receipt rows' }).getByRole('tab');
    await expect(tabs).toHaveText(['All 4', 'Imported 2', 'Invalid 1', 'Duplicate 1']);
    await expect(tabs.and(page.locator('[tabindex="0"]'))).toHaveText(['All 4']);
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(1)).toBeFocused();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(receipt.getByRole('table').getByRole('row')).toHaveCount(3);
    await page.keyboard.press('End');
    await expect(tabs.nth(3)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(tabs.first()).toBeFocused();
    await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.nth(3)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(tabs.first()).toBeFocused();
    // Tab leaves the list for the rows.
    await page.keyboard.press('Tab');
    await expect(receipt.getByRole('region', { name: 'Receipt rows of a11y-first.csv' })).toBeFocused();
  });

  test('no layout jumps: what loads later has its place kept', async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await ensureJobs(page);
    // The profiles answer late, as on a slow disk: the IVR screen's form must not move when they come.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/rpc/listProfiles**', async (route) => {
      await held;
      await route.continue();
    });
    await openScreen(page, 'IVR results');
    const ivr = page.getByTestId('ivr');
    await expect(ivr.getByTestId('ivr-status')).toHaveText('Reading the profiles…');
    const before = await ivr.getByTestId('ivr-results').boundingBox();
    release();
    await expect(ivr.getByLabel('MOR profile')).toHaveValue('demo-mor');
    expect(await ivr.getByTestId('ivr-results').boundingBox()).toEqual(before);

    // Fetching: the results' place stays where it was, and grows only downwards.
    await ivr.getByRole('textbox', { name: 'Campaign', exact: true }).fill('1');
    await ivr.getByRole('button', { name: 'Fetch' }).click();
    await expect(ivr.getByTestId('ivr-row')).toHaveCount(2);
    const after = await ivr.getByTestId('ivr-results').boundingBox();
    expect(after?.y).toBe(before?.y);
    expect(after?.x).toBe(before?.x);
  });
});
