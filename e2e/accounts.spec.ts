import { request as httpRequest } from 'node:http';

import type { Page } from '@playwright/test';

import { makeTestPki, startHttpsServer, type TestCertificate, type TestServer } from '../src/main/core/net/testing/tls-test-servers';
import { DEMO_CREDENTIALS, DEMO_SFTP } from '../src/main/core/simulator/demo-credentials';
import { expect, test } from './fixtures/web-host';

const openAccounts = async (page: Page): Promise<void> => {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Accounts' }).click();
  await page.getByRole('region', { name: 'Accounts' }).getByRole('listitem', { name: 'Demo (Ringostat)' }).waitFor();
};

/** What a Demo profile's card lists under a term, such as its address on a port known only at run time. */
async function listed(page: Page, profileId: string, term: string): Promise<string> {
  const card = page.getByTestId(`profile-${profileId}`);
  return (await card.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
}

async function demoRingostatUrl(page: Page): Promise<string> {
  const address = await listed(page, 'demo-ringostat', 'Address');
  expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  return address;
}

/** An on-premises HTTPS front for the Demo Ringostat: every request passed on as it came. */
const httpsFront = (demo: URL, certificate: TestCertificate): Promise<TestServer> =>
  startHttpsServer(certificate, (inbound, outbound) => {
    const onward = httpRequest({ host: demo.hostname, port: demo.port, path: inbound.url, method: inbound.method, headers: inbound.headers }, (answer) => {
      outbound.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outbound);
    });
    inbound.pipe(onward);
  });

test.describe('the Accounts screen', () => {
  test.beforeEach(async ({ page, webHost }) => {
    await page.goto(webHost.url);
    await openAccounts(page);
  });

  test('lists the Demo profiles read-only, with their secrets only as set', async ({ page }) => {
    const accounts = page.getByRole('region', { name: 'Accounts' });
    for (const name of ['Demo (MOR)', 'Demo (Ringostat)', 'Demo (CC-iSales)']) {
      const card = accounts.getByRole('listitem', { name });
      await expect(card.getByText('Built in, read-only')).toBeVisible();
      await expect(card.getByRole('button', { name: `Test the connection of ${name}` })).toBeVisible();
      await expect(card.getByRole('button', { name: `Edit ${name}` })).toHaveCount(0);
      await expect(card.getByRole('button', { name: `Delete ${name}` })).toHaveCount(0);
    }
    await expect(page.getByTestId('profile-demo-mor').getByTestId('secret-apiSecret')).toHaveText('API secret: set');
    await expect(page.locator('body')).not.toContainText(DEMO_CREDENTIALS.mor.apiSecret);
  });

  test('adds a Ringostat profile, tests it, edits it keeping the secret, sees a wrong key refused, and deletes it', async ({ page }) => {
    const baseUrl = await demoRingostatUrl(page);
    const { projectId, authKey } = DEMO_CREDENTIALS.ringostat;

    // Add.
    await page.getByRole('button', { name: 'Add Ringostat' }).click();
    const form = page.getByRole('region', { name: 'New Ringostat profile' });
    await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
    await form.getByLabel('Name', { exact: true }).fill('Office Ringostat');
    await form.getByLabel('Server address').fill(baseUrl);
    await form.getByLabel('Project id').fill(projectId);
    await form.getByLabel('Default campaign (optional)').fill('456');
    await form.getByLabel(/^Auth key/).fill(authKey);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByTestId('accounts-notice')).toHaveText('Saved “Office Ringostat”.');

    const card = page.getByRole('region', { name: 'Accounts' }).getByRole('listitem', { name: 'Office Ringostat' });
    await expect(card.getByTestId('secret-authKey')).toHaveText('Auth key: set');
    await expect(card).not.toContainText(authKey);

    // Test connection: ok.
    await card.getByRole('button', { name: 'Test the connection of Office Ringostat' }).click();
    await expect(card.getByTestId('verdict-kind')).toHaveText('Test passed');

    // Edit the name; the secret field is left empty, so the stored key is kept.
    await card.getByRole('button', { name: 'Edit Office Ringostat' }).click();
    const edit = page.getByRole('region', { name: 'Edit “Office Ringostat”' });
    await expect(edit.getByLabel(/^Auth key/)).toHaveValue('');
    await expect(edit.getByText('Auth key (set)')).toBeVisible();
    await edit.getByLabel('Name', { exact: true }).fill('Office Ringostat (Kyiv)');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    const renamed = page.getByRole('region', { name: 'Accounts' }).getByRole('listitem', { name: 'Office Ringostat (Kyiv)' });
    await expect(renamed.getByTestId('secret-authKey')).toHaveText('Auth key: set');
    await renamed.getByRole('button', { name: 'Test the connection of Office Ringostat (Kyiv)' }).click();
    await expect(renamed.getByTestId('verdict-kind')).toHaveText('Test passed');

    // A wrong key: the verdict says the credentials were refused, with Ringostat's own words.
    await renamed.getByRole('button', { name: 'Edit Office Ringostat (Kyiv)' }).click();
    const wrong = page.getByRole('region', { name: 'Edit “Office Ringostat (Kyiv)”' });
    await wrong.getByLabel(/^Auth key/).fill('not-the-demo-key');
    await wrong.getByRole('button', { name: 'Save profile' }).click();
    await renamed.getByRole('button', { name: 'Test the connection of Office Ringostat (Kyiv)' }).click();
    await expect(renamed.getByTestId('verdict-kind')).toHaveText('Credentials rejected');
    await expect(renamed.getByTestId('verdict-message')).toContainText('Ringostat refused the project id or the Auth-key');
    await expect(renamed.getByTestId('verdict-provider')).toContainText('The provider said:');
    await expect(renamed.getByTestId('verdict-provider').locator('q')).not.toBeEmpty();

    // Delete: asked first; "Keep it" keeps it, then it goes.
    await renamed.getByRole('button', { name: 'Delete Office Ringostat (Kyiv)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the profile “Office Ringostat (Kyiv)”?' });
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(renamed).toBeVisible();
    await renamed.getByRole('button', { name: 'Delete Office Ringostat (Kyiv)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete profile' }).click();
    await expect(page.getByTestId('accounts-notice')).toHaveText('Deleted “Office Ringostat (Kyiv)”.');
    await expect(renamed).toHaveCount(0);
    await page.reload();
    await openAccounts(page);
    await expect(page.getByRole('listitem', { name: 'Office Ringostat (Kyiv)' })).toHaveCount(0);
  });

  test('a field the core refuses shows its message next to the form; a required field is flagged before saving', async ({ page }) => {
    // From the keyboard alone.
    await page.getByRole('button', { name: 'Add Ringostat' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('region', { name: 'New Ringostat profile' });

    // Left empty: flagged in the window, nothing sent.
    await form.getByRole('button', { name: 'Save profile' }).click();
    const name = form.getByLabel('Name', { exact: true });
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('Required.');
    await expect(name).toBeFocused();

    // Filled but wrong: the core's own words.
    await name.fill('Bad project');
    await form.getByLabel('Project id').fill('project-123');
    await form.getByRole('button', { name: 'Save profile' }).click();
    const error = form.getByTestId('profile-save-error');
    await expect(error).toHaveText(/^The profile was not saved: projectId: The project id is the number after projectId=/);
    await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Bad project');

    // Cancel leaves nothing behind.
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('region', { name: 'Accounts' })).toBeFocused();
    await expect(page.getByRole('listitem', { name: 'Bad project' })).toHaveCount(0);
  });

  test('a CC-iSales profile with SFTP: the unknown host key is shown, trusted with one click, and the test then passes', async ({ page }) => {
    const baseUrl = await listed(page, 'demo-isales', 'Address');
    const sftp = /^(?<user>[^@]+)@(?<host>[^:]+):(?<port>\d+)(?<dir>\/.*)$/.exec(await listed(page, 'demo-isales', 'SFTP'))?.groups;
    const demoKey = await listed(page, 'demo-isales', 'SFTP host key');
    expect(sftp).toBeDefined();
    const { vdnId, accessKey, secretKey, serverId } = DEMO_CREDENTIALS.isales;

    await page.getByRole('button', { name: 'Add CC-iSales' }).click();
    const form = page.getByRole('region', { name: 'New CC-iSales profile' });
    await form.getByLabel('Name', { exact: true }).fill('Contact centre');
    await form.getByLabel('Server address').fill(baseUrl);
    await form.getByLabel('VDN id').fill(String(vdnId));
    await form.getByLabel('Access key (AK)').fill(accessKey);
    await form.getByLabel(/^Secret key \(SK\)/).fill(secretKey);
    await form.getByLabel('Upload files by SFTP').check();
    await form.getByLabel('SFTP server').fill(sftp?.host ?? '');
    await form.getByLabel('SFTP port').fill('not a port');
    await form.getByLabel('SFTP user name').fill(sftp?.user ?? '');
    await form.getByLabel('Remote folder').fill(sftp?.dir ?? '');
    await form.getByLabel('iSales file server id').fill(serverId);
    await form.getByLabel(/^SFTP password/).fill(DEMO_SFTP.password);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form.getByLabel('SFTP port')).toHaveAccessibleDescription('Enter a whole number.');
    await form.getByLabel('SFTP port').fill(sftp?.port ?? '');
    await form.getByRole('button', { name: 'Save profile' }).click();

    const card = page.getByRole('region', { name: 'Accounts' }).getByRole('listitem', { name: 'Contact centre' });
    await expect(card.getByTestId('secret-secretKey')).toHaveText('Secret key (SK): set');
    await expect(card.getByTestId('secret-sftpPassword')).toHaveText('SFTP password: set');
    await expect(card.getByTestId('secret-sftpPrivateKey')).toHaveText('SFTP private key: not set');
    await card.getByRole('button', { name: 'Test the connection of Contact centre' }).click();
    await expect(card.getByTestId('verdict-kind')).toHaveText('SFTP host key not trusted yet');
    await expect(card.getByTestId('pin-fingerprint')).toHaveText(demoKey);
    await card.getByRole('button', { name: 'Trust this key' }).click();
    await expect(card.getByTestId('verdict-kind')).toHaveText('Test passed');
    expect(await listed(page, (await card.getAttribute('data-testid'))?.replace(/^profile-/, '') ?? '', 'SFTP host key')).toBe(demoKey);

    // The host is shared with the other specs, which expect only the Demo profiles.
    await card.getByRole('button', { name: 'Delete Contact centre' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete profile' }).click();
    await expect(card).toHaveCount(0);
  });

  test('a Ringostat behind a self-signed certificate: refused, shown, trusted with one click; another certificate is refused', async ({ page }) => {
    test.setTimeout(60_000);
    const demo = new URL(await demoRingostatUrl(page));
    const pki = await makeTestPki();
    const front = (certificate: TestCertificate): Promise<TestServer> => httpsFront(demo, certificate);
    let server = await front(pki.selfSigned);
    try {
      await page.getByRole('button', { name: 'Add Ringostat' }).click();
      const form = page.getByRole('region', { name: 'New Ringostat profile' });
      await form.getByLabel('Name', { exact: true }).fill('On-prem Ringostat');
      await form.getByLabel('Server address').fill(new URL(demo.pathname, server.url).toString());
      await form.getByLabel('Project id').fill(DEMO_CREDENTIALS.ringostat.projectId);
      await form.getByLabel(/^Auth key/).fill(DEMO_CREDENTIALS.ringostat.authKey);
      await form.getByRole('button', { name: 'Save profile' }).click();
      const card = page.getByRole('region', { name: 'Accounts' }).getByRole('listitem', { name: 'On-prem Ringostat' });

      await card.getByRole('button', { name: 'Test the connection of On-prem Ringostat' }).click();
      await expect(card.getByTestId('verdict-kind')).toHaveText('Secure connection refused');
      const prompt = card.getByRole('group', { name: 'Trust this certificate' });
      await expect(prompt.getByTestId('pin-fingerprint')).toHaveText(pki.selfSigned.sha256);
      await expect(prompt).toContainText('dialer.on-prem.test');
      expect(server.requests()).toBe(0);
      await prompt.getByRole('button', { name: 'Trust this certificate' }).click();
      await expect(card.getByTestId('verdict-kind')).toHaveText('Test passed');
      await expect(card).toContainText(`certificate ${pki.selfSigned.sha256}`);
      expect(server.requests()).toBeGreaterThan(0);

      // The server now shows another certificate on the same address: refused, with nothing sent.
      await server.close();
      const port = new URL(server.url).port;
      server = await front(pki.leaf);
      await card.getByRole('button', { name: 'Edit On-prem Ringostat' }).click();
      const edit = page.getByRole('region', { name: 'Edit “On-prem Ringostat”' });
      await edit.getByLabel('Server address').fill(new URL(demo.pathname, server.url).toString());
      await edit.getByRole('button', { name: 'Save profile' }).click();
      expect(new URL(server.url).port).not.toBe(port);
      await card.getByRole('button', { name: 'Test the connection of On-prem Ringostat' }).click();
      await expect(card.getByTestId('verdict-kind')).toHaveText('Secure connection refused');
      await expect(card).toContainText('is not the one pinned in this profile');
      await expect(card).toContainText('Nothing was sent.');
      // A renewed certificate can be trusted in its turn, once its fingerprint is confirmed.
      await expect(prompt.getByTestId('pin-fingerprint')).toHaveText(pki.leaf.sha256);
      expect(server.requests()).toBe(0);

      await card.getByRole('button', { name: 'Delete On-prem Ringostat' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete profile' }).click();
      await expect(card).toHaveCount(0);
    } finally {
      await server.close();
    }
  });

  test('the server certificate is chosen in the form: a fingerprint typed in, the usual authorities again, our own CA', async ({ page }) => {
    test.setTimeout(60_000);
    const demo = new URL(await demoRingostatUrl(page));
    const pki = await makeTestPki();
    let server = await httpsFront(demo, pki.selfSigned);
    try {
      await page.getByRole('button', { name: 'Add Ringostat' }).click();
      const form = page.getByRole('region', { name: 'New Ringostat profile' });
      await form.getByLabel('Name', { exact: true }).fill('Pinned by hand');
      await form.getByLabel('Server address').fill(new URL(demo.pathname, server.url).toString());
      await form.getByLabel('Project id').fill(DEMO_CREDENTIALS.ringostat.projectId);
      await form.getByLabel(/^Auth key/).fill(DEMO_CREDENTIALS.ringostat.authKey);
      const trust = form.getByRole('group', { name: 'Server certificate' });
      await expect(trust.getByRole('radio', { name: 'Trusted by this computer’s usual certificate authorities' })).toBeChecked();

      // A fingerprint one digit short, from the keyboard: flagged next to the field, nothing saved.
      await trust.getByRole('radio', { name: 'A pinned certificate fingerprint' }).focus();
      await page.keyboard.press('Space');
      const fingerprint = trust.getByLabel('SHA-256 fingerprint of the server’s certificate');
      const typed = pki.selfSigned.sha256.replace(/:/g, '').toLowerCase();
      await fingerprint.fill(typed.slice(1));
      await expect(trust.getByTestId('fingerprint-normalised')).toHaveCount(0);
      await form.getByRole('button', { name: 'Save profile' }).click();
      await expect(fingerprint).toHaveAttribute('aria-invalid', 'true');
      await expect(fingerprint).toHaveAccessibleDescription(/This is not a SHA-256 fingerprint: it must be 64 hexadecimal digits/);
      await expect(fingerprint).toBeFocused();
      await expect(form.getByTestId('profile-save-error')).toHaveCount(0);

      // The right one, lower case and without colons: saved in the usual form, and the test passes.
      await fingerprint.fill(typed);
      await expect(trust.getByTestId('fingerprint-normalised')).toHaveText(pki.selfSigned.sha256);
      await form.getByRole('button', { name: 'Save profile' }).click();
      const card = page.getByRole('region', { name: 'Accounts' }).getByRole('listitem', { name: 'Pinned by hand' });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(`certificate ${pki.selfSigned.sha256}`);
      await card.getByRole('button', { name: 'Test the connection of Pinned by hand' }).click();
      await expect(card.getByTestId('verdict-kind')).toHaveText('Test passed');
      expect(server.requests()).toBeGreaterThan(0);

      // Back to the usual authorities: the pin is gone, the test is refused and offers the certificate again.
      await card.getByRole('button', { name: 'Edit Pinned by hand' }).click();
      const edit = page.getByRole('region', { name: 'Edit “Pinned by hand”' });
      const editTrust = edit.getByRole('group', { name: 'Server certificate' });
      await expect(editTrust.getByRole('radio', { name: 'A pinned certificate fingerprint' })).toBeChecked();
      await expect(editTrust.getByLabel('SHA-256 fingerprint of the server’s certificate')).toHaveValue(pki.selfSigned.sha256);
      const usual = editTrust.getByRole('radio', { name: 'Trusted by this computer’s usual certificate authorities' });
      await expect(usual).toHaveAccessibleDescription(/the next test will ask again if the server’s certificate is not trusted/);
      await usual.check();
      await expect(editTrust.getByLabel('SHA-256 fingerprint of the server’s certificate')).toHaveCount(0);
      await edit.getByRole('button', { name: 'Save profile' }).click();
      await expect(card).not.toContainText('TLS pin');
      await card.getByRole('button', { name: 'Test the connection of Pinned by hand' }).click();
      await expect(card.getByTestId('verdict-kind')).toHaveText('Secure connection refused');
      await expect(card.getByRole('group', { name: 'Trust this certificate' }).getByTestId('pin-fingerprint')).toHaveText(pki.selfSigned.sha256);

      // Our own CA, with a server whose certificate it signed: a pasted private key is refused in the window.
      await server.close();
      server = await httpsFront(demo, pki.leaf);
      await card.getByRole('button', { name: 'Edit Pinned by hand' }).click();
      await edit.getByLabel('Server address').fill(new URL(demo.pathname, server.url).toString());
      await editTrust.getByRole('radio', { name: 'Our own certificate authority (CA)' }).check();
      const caPem = editTrust.getByLabel('CA certificate (PEM)');
      await caPem.fill(pki.ca.key);
      await edit.getByRole('button', { name: 'Save profile' }).click();
      await expect(caPem).toHaveAttribute('aria-invalid', 'true');
      await expect(caPem).toHaveAccessibleDescription(/This is a private key, not a certificate\./);
      await caPem.fill(pki.ca.cert);
      await edit.getByRole('button', { name: 'Save profile' }).click();
      await expect(card).toContainText('own certificate authority');
      await card.getByRole('button', { name: 'Test the connection of Pinned by hand' }).click();
      await expect(card.getByTestId('verdict-kind')).toHaveText('Test passed');

      await card.getByRole('button', { name: 'Delete Pinned by hand' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete profile' }).click();
      await expect(card).toHaveCount(0);
    } finally {
      await server.close();
    }

    // In Ukrainian: the group, its choices and a field's error.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('uk');
    await page.getByRole('button', { name: 'Додати Ringostat' }).click();
    const form = page.getByRole('region', { name: 'Новий профіль Ringostat' });
    const trust = form.getByRole('group', { name: 'Сертифікат сервера' });
    await expect(trust.getByRole('radio', { name: 'Довіряти звичним центрам сертифікації цього комп’ютера' })).toBeChecked();
    await trust.getByRole('radio', { name: 'Закріплений відбиток сертифіката' }).check();
    await form.getByRole('button', { name: 'Зберегти профіль' }).click();
    await expect(trust.getByLabel('Відбиток SHA-256 сертифіката сервера')).toHaveAccessibleDescription(/Обов’язкове поле\./);
    await form.getByRole('button', { name: 'Скасувати' }).click();
  });

  test('is all in Ukrainian when the window is', async ({ page }) => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('uk');
    await page.getByRole('navigation', { name: 'Екрани' }).getByRole('button', { name: 'Облікові записи' }).click();
    const accounts = page.getByRole('region', { name: 'Облікові записи' });
    await expect(accounts.getByRole('button', { name: 'Додати Ringostat' })).toBeVisible();
    await expect(page.getByTestId('profile-demo-mor').getByTestId('secret-apiSecret')).toHaveText('Секрет API: задано');
    await accounts.getByRole('button', { name: 'Перевірити з’єднання профілю Demo (MOR)' }).click();
    await expect(page.getByTestId('profile-demo-mor').getByTestId('verdict-kind')).toHaveText('Перевірку пройдено');
  });
});
