// The planted-secret test: a recognisable Auth-key goes into saved profiles, real jobs run with it
// (one that succeeds, one refused for a wrong key that contains it, one against a server that
// echoes the key back), receipts are exported and the history opened; then the key must be
// nowhere it could leak: rpc answers, events, the page and its storage, the exports, the host's
// output, and every file in the data folder (where the profiles file holds it only encrypted).
import type { ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { Download, Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';

import { startSimulator, type Simulator } from '../src/main/core/simulator/start-simulator';
import type { DialsheetBridge } from '../src/shared/bridge';
import { dropFile } from './fixtures/drop-file';
import { goToStep, sendSheet } from './fixtures/import-steps';
import { expect, newDataDir, startWebHostProcess, test } from './fixtures/web-host';

type BridgeWindow = Window & { dialsheet: DialsheetBridge };

const PLANTED = 'PLANTED-S3CRET-7f3a9c';
/** Refused by the simulator, whose project has PLANTED as its key: the provider's error path. */
const WRONG = `${PLANTED}-wrong`;
/** Sent to a server that quotes the key back in its refusal, raw and in base64. */
const ECHOED = `echo-${PLANTED}`;

const base64Forms = (secret: string): string[] => {
  const standard = Buffer.from(secret, 'utf8').toString('base64');
  return [standard, standard.replace(/=+$/, ''), Buffer.from(secret, 'utf8').toString('base64url')];
};
// The planted text itself, its tail on its own, and each whole secret as base64 (how a header or a
// debug page would carry it). Every one of them contains PLANTED as plain text.
const NEEDLES = [PLANTED, 'S3CRET-7f3a9c', ...[PLANTED, WRONG, ECHOED].flatMap(base64Forms)];

function leaks(text: string): string[] {
  return NEEDLES.filter((needle) => text.includes(needle));
}

/** Bytes read as UTF-8 and as UTF-16, so a secret written in either is found. */
function leaksInBytes(bytes: Buffer): string[] {
  return [...new Set([...leaks(bytes.toString('utf8')), ...leaks(bytes.toString('utf16le')), ...leaks(bytes.subarray(1).toString('utf16le'))])];
}

/** Ringostat numbers, one per row. */
function numbersCsv(first: number): Buffer {
  return Buffer.from(`Name,Phone\r\n${[0, 1, 2].map((i) => `Contact ${i},+38063${String(first + i).padStart(7, '0')}`).join('\r\n')}\r\n`, 'utf8');
}

/** A Ringostat look-alike that refuses every key and quotes it back, as a careless debug page might. */
async function startEchoServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    const key = String(req.headers['auth-key'] ?? '');
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `Auth-key ${key} is not valid for this project`, debug: Buffer.from(`auth-key: ${key}`).toString('base64'), key64: Buffer.from(key).toString('base64') }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The host's event stream, as a second page would get it. */
function listenToEvents(port: number, token: string): { text: () => string; close: () => void } {
  let text = '';
  const req = httpRequest({ host: '127.0.0.1', port, path: '/events', headers: { host: `127.0.0.1:${port}`, 'x-dialsheet-token': token } }, (res) => {
    res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  });
  req.on('error', () => undefined);
  req.end();
  return { text: () => text, close: () => req.destroy() };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const parts: string[] = [JSON.stringify({ creator: book.creator, title: book.title, subject: book.subject, keywords: book.keywords, description: book.description })];
  book.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => parts.push(cell.text)));
  });
  return parts.join('\n');
}

async function downloaded(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Everything the page shows and keeps: the DOM, form values, and both storages. */
async function pageState(page: Page): Promise<string> {
  const inside = await page.evaluate(() => {
    const values: string[] = [];
    document.querySelectorAll<HTMLInputElement>('input, textarea, select').forEach((field) => values.push(field.value));
    const storage = (s: Storage): Record<string, string | null> => {
      const kept: Record<string, string | null> = {};
      for (let i = 0; i < s.length; i += 1) kept[String(s.key(i))] = s.getItem(String(s.key(i)));
      return kept;
    };
    return JSON.stringify({ values, local: storage(localStorage), session: storage(sessionStorage), title: document.title });
  });
  return `${await page.content()}\n${inside}`;
}

async function sendWith(page: Page, fileName: string, profileId: string, first: number): Promise<Locator> {
  await dropFile(page, fileName, numbersCsv(first));
  // The import steps belong to the sheet: wait for this file's, not the last one's.
  await expect(page.getByTestId('file-name')).toHaveText(fileName);
  const target = await goToStep(page, 'Target');
  // The list is read again as the step shows: a choice made before it comes would be replaced.
  await expect(target.getByTestId('send-profile').locator(`option[value="${profileId}"]`)).toHaveCount(1);
  await target.getByTestId('send-profile').selectOption(profileId);
  await expect(target.getByTestId('send-campaign')).toHaveValue('456');
  const send = await sendSheet(page);
  const receipt = send.getByTestId('send-receipt');
  await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished', { timeout: 20_000 });
  await expect(receipt.getByTestId('receipt-summary')).toContainText(fileName);
  return receipt;
}

async function exportBoth(page: Page, receipt: Locator): Promise<{ csv: Buffer; xlsx: Buffer }> {
  const [csv] = await Promise.all([page.waitForEvent('download'), receipt.getByRole('button', { name: 'Export CSV' }).click()]);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), receipt.getByRole('button', { name: 'Export XLSX' }).click()]);
  return { csv: await downloaded(csv), xlsx: await downloaded(xlsx) };
}

test.describe('a planted secret', () => {
  test('appears nowhere outside the encrypted profiles file after good, refused and echoed runs', async ({ page }) => {
    test.setTimeout(60_000);
    let sim: Simulator | undefined;
    let echo: Server | undefined;
    let child: ChildProcess | undefined;
    try {
      sim = await startSimulator();
      const project = sim.state.ringostat.projects.get(sim.credentials.ringostat.projectId);
      if (project === undefined) throw new Error('the simulator has no Ringostat project');
      project.authKey = PLANTED;
      const echoServer = await startEchoServer();
      echo = echoServer.server;

      const dataDir = newDataDir();
      const started = await startWebHostProcess({ dataDir });
      child = started.child;
      const { host } = started;
      const events = listenToEvents(host.port, host.token);

      const rpc: { url: string; request: string; response: string }[] = [];
      const reading: Promise<void>[] = [];
      page.on('response', (response) => {
        if (!new URL(response.url()).pathname.startsWith('/rpc/')) return;
        reading.push(
          response.text().then(
            (body) => void rpc.push({ url: response.url(), request: response.request().postData() ?? '', response: body }),
            () => undefined,
          ),
        );
      });
      const snapshots: string[] = [];
      const exports: { name: string; text: string; bytes: Buffer }[] = [];

      await page.goto(host.url);
      const ringostat = { provider: 'ringostat', defaultCountry: 'UA', projectId: sim.credentials.ringostat.projectId, campaignId: 456 } as const;
      const saved = await page.evaluate(
        async ({ profiles }) => Promise.all(profiles.map(({ profile, key }) => (window as unknown as BridgeWindow).dialsheet.saveProfile({ profile, secrets: { authKey: key } }))),
        {
          profiles: [
            { profile: { ...ringostat, id: 'planted-ringostat', name: 'Planted', baseUrl: sim.urls.ringostat }, key: PLANTED },
            { profile: { ...ringostat, id: 'wrong-ringostat', name: 'Wrong key', baseUrl: sim.urls.ringostat }, key: WRONG },
            { profile: { ...ringostat, id: 'echo-ringostat', name: 'Echoing server', baseUrl: echoServer.url }, key: ECHOED },
          ],
        },
      );
      expect(saved.map((s) => s.ok)).toEqual([true, true, true]);
      expect(saved.map((s) => (s.ok ? s.value.secrets : null))).toEqual([{ authKey: 'set' }, { authKey: 'set' }, { authKey: 'set' }]);

      // Test connection on each: ok, refused by the simulator, refused by a server quoting the key.
      const verdicts = await page.evaluate(async () =>
        Promise.all(['planted-ringostat', 'wrong-ringostat', 'echo-ringostat'].map((profileId) => (window as unknown as BridgeWindow).dialsheet.testConnection({ profileId }))),
      );
      expect(verdicts.map((v) => (v.ok ? v.value.kind : v.error.code))).toEqual(['ok', 'credentials-rejected', 'credentials-rejected']);
      const echoed = verdicts[2]?.ok ? (verdicts[2].value.providerText ?? '') : '';
      // The server did quote the key; what reaches the window has it masked.
      expect(echoed).toContain('Auth-key');
      expect(echoed).toMatch(/\*\*\*|\[secret\]/);
      snapshots.push(await pageState(page));

      await page.reload();
      // A good run: every number imported, under the planted key.
      const good = await sendWith(page, 'planted-good.csv', 'planted-ringostat', 100);
      await expect(good.getByTestId('receipt-imported')).toHaveText('3');
      expect(sim.state.ringostat.projects.get(sim.credentials.ringostat.projectId)?.campaigns.get(456)?.rows).toHaveLength(3);
      snapshots.push(await pageState(page));
      const goodFiles = await exportBoth(page, good);

      // A refused run: a wrong key holding the planted text; the provider's words are shown.
      const wrong = await sendWith(page, 'planted-wrong.csv', 'wrong-ringostat', 200);
      await expect(wrong.getByTestId('receipt-rejected')).toHaveText('3');
      const wrongShown = (await wrong.innerText()).trim();
      expect(wrongShown).toContain('Ringostat refused the credentials');
      snapshots.push(await pageState(page));
      const wrongFiles = await exportBoth(page, wrong);

      // A server that quotes the key back: its words are kept, the key is not.
      const echoRun = await sendWith(page, 'planted-echo.csv', 'echo-ringostat', 300);
      await expect(echoRun.getByTestId('receipt-rejected')).toHaveText('3');
      const echoShown = (await echoRun.innerText()).trim();
      snapshots.push(await pageState(page));
      const echoFiles = await exportBoth(page, echoRun);

      for (const [name, files] of [
        ['good', goodFiles],
        ['wrong', wrongFiles],
        ['echo', echoFiles],
      ] as const) {
        exports.push({ name: `${name}.csv`, text: files.csv.toString('utf8'), bytes: files.csv });
        exports.push({ name: `${name}.xlsx`, text: await xlsxText(files.xlsx), bytes: files.xlsx });
      }
      expect(exports.find((e) => e.name === 'wrong.csv')?.text).toContain('Ringostat refused the credentials');

      // The history, and each receipt opened from it.
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
      const history = page.getByRole('region', { name: 'History' });
      for (const fileName of ['planted-good.csv', 'planted-wrong.csv', 'planted-echo.csv']) {
        await expect(history.getByRole('row').filter({ hasText: fileName })).toHaveCount(1);
      }
      snapshots.push(await pageState(page));
      for (const fileName of ['planted-good.csv', 'planted-wrong.csv', 'planted-echo.csv']) {
        await history.getByRole('row').filter({ hasText: fileName }).getByRole('button', { name: /^Open the receipt of/ }).click();
        const receipt = page.getByRole('region', { name: `Receipt of ${fileName}` });
        await expect(receipt.getByTestId('receipt-state')).toHaveText('Finished');
        snapshots.push(await pageState(page));
        await page.getByRole('button', { name: '← All uploads' }).click();
      }
      await page.evaluate(() => (window as unknown as BridgeWindow).dialsheet.listJobs({}));

      // Off the host before it stops, so the page's event stream does not report it gone.
      await page.goto('about:blank');
      await Promise.all(reading);
      events.close();
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;

      const found: string[] = [];
      const check = (where: string, text: string): void => {
        for (const needle of leaks(text)) found.push(`${where}: ${needle}`);
      };
      // Only a saveProfile request may carry a key: it is how a key gets in.
      for (const { url, request, response } of rpc) {
        check(`answer of ${url}`, response);
        if (!url.endsWith('/rpc/saveProfile')) check(`request to ${url}`, request);
      }
      expect(rpc.filter((r) => r.url.endsWith('/rpc/saveProfile') && r.request.includes(PLANTED))).toHaveLength(3);
      expect(rpc.some((r) => r.url.endsWith('/rpc/exportReceipt'))).toBe(true);
      check('the event stream', events.text());
      expect(events.text()).toContain('event: jobProgress');
      snapshots.forEach((snapshot, i) => check(`page snapshot ${i}`, snapshot));
      check('receipt shown after the refused run', wrongShown);
      check('receipt shown after the echoed run', echoShown);
      check('test connection verdicts', JSON.stringify(verdicts));
      for (const file of exports) {
        check(`export ${file.name}`, file.text);
        for (const needle of leaksInBytes(file.bytes)) found.push(`export ${file.name} bytes: ${needle}`);
      }
      check("the host's stdout and stderr", host.output());
      const files = await filesUnder(dataDir);
      // What the runs leave: the profiles, the key file, and each job's header, plan and journal.
      expect(files.map((f) => f.slice(dataDir.length + 1)).sort()).toEqual(
        expect.arrayContaining(['profiles.json', 'secret.key', expect.stringMatching(/^jobs\/j[\d-]+[0-9a-f]{6}\/journal\.jsonl$/)]),
      );
      expect(files.filter((f) => f.endsWith('journal.jsonl'))).toHaveLength(3);
      if (process.platform !== 'win32') {
        // Only this user may read the sealed secrets and their key, or look into the jobs.
        const mode = async (path: string): Promise<string> => ((await stat(path)).mode & 0o777).toString(8);
        expect(await mode(join(dataDir, 'profiles.json'))).toBe('600');
        expect(await mode(join(dataDir, 'secret.key'))).toBe('600');
        expect(await mode(join(dataDir, 'jobs'))).toBe('700');
        for (const journal of files.filter((f) => f.endsWith('journal.jsonl'))) expect(await mode(join(journal, '..'))).toBe('700');
      }
      for (const file of files) {
        for (const needle of leaksInBytes(await readFile(file))) found.push(`${file.slice(dataDir.length + 1)}: ${needle}`);
      }
      expect(found).toEqual([]);
      // The refusals said why, in the provider's and Dialsheet's words, with the key masked.
      const journals = await Promise.all(files.filter((f) => f.endsWith('journal.jsonl')).map((f) => readFile(f, 'utf8')));
      expect(journals.join('\n')).toContain('Ringostat refused the credentials');
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      echo?.close();
      await sim?.close();
    }
  });
});
