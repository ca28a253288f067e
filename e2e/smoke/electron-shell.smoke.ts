import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { CALL_NAMES, ipcCallChannel, PAGE_CALL_NAMES } from '../../src/shared/channels';
import { createFakeElectron, type FakeWebContents } from './fake-electron';

const out = resolve(__dirname, '../../out');
const mainBundle = join(out, 'main/index.js');
const fake = createFakeElectron();

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };

function requiresOf(code: string): string[] {
  return [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? '');
}

beforeAll(async () => {
  expect(existsSync(mainBundle), 'run `npm run build` before the smoke test').toBe(true);
  const original = moduleInternals._load;
  moduleInternals._load = (request, parent, isMain) => (request === 'electron' ? fake.electron : original(request, parent, isMain));
  try {
    // The bundle registers its scheme at load and waits for app readiness, as under Electron.
    Module.createRequire(mainBundle)(mainBundle);
  } finally {
    moduleInternals._load = original;
  }
  expect(fake.BrowserWindow.created).toHaveLength(0);
  fake.electron.app.readyResolve();
  await vi.waitFor(() => expect(fake.BrowserWindow.created).toHaveLength(1));
});

describe('the built Electron shell, started against a recording electron', () => {
  it('registers app:// as a privileged scheme before the app is ready, and sandboxes every renderer', () => {
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('app.whenReady'));
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.calls).toContain('app.enableSandbox');
  });

  it('creates one window with the secure options and loads the app page', () => {
    const [window] = fake.BrowserWindow.created;
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(window?.loaded).toEqual(['app://dialsheet/index.html']);
  });

  it('names a preload that exists in the build and needs nothing but electron', () => {
    const preload = (fake.BrowserWindow.created[0]?.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(join(out, 'preload/index.js'));
    expect(existsSync(preload)).toBe(true);
    expect(new Set(requiresOf(readFileSync(preload, 'utf8')))).toEqual(new Set(['electron']));
  });

  it('has the preload expose exactly the named functions of the contract, and nothing raw', async () => {
    const preload = join(out, 'preload/index.js');
    const exposed: Record<string, unknown> = {};
    const invoked: { channel: string; input: unknown }[] = [];
    const dropped = { name: 'list.csv', size: 3, arrayBuffer: () => Promise.resolve(new ArrayBuffer(3)) };
    const sandboxRequire = (name: string): unknown => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot load ${name}`);
      return {
        contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
        ipcRenderer: { invoke: (channel: string, input: unknown) => Promise.resolve(void invoked.push({ channel, input })), on: () => undefined, removeListener: () => undefined },
        // Only a real dropped file has a path; a File made by the page has none.
        webUtils: { getPathForFile: (file: unknown) => (file === dropped ? '/home/someone/list.csv' : '') },
      };
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(preload, 'utf8'), { require: sandboxRequire, module, exports: module.exports, Buffer });
    const api = exposed.dialsheet as Record<string, unknown>;
    expect(Object.keys(exposed)).toEqual(['dialsheet']);
    expect(Object.keys(api).sort()).toEqual([...PAGE_CALL_NAMES, 'openFile', 'on'].sort());
    // Opening by path is the preload's alone: the page has no function for it.
    expect(api).not.toHaveProperty('openSheetPath');
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    const openFile = api.openFile as (file: unknown) => Promise<unknown>;
    await openFile(dropped);
    await openFile({ ...dropped });
    expect(invoked.map((i) => i.channel)).toEqual([ipcCallChannel('openSheetPath'), ipcCallChannel('openSheetBytes')]);
    expect(invoked[0]?.input).toEqual({ path: '/home/someone/list.csv' });
  });

  it('binds a handler for every call in the contract', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(CALL_NAMES.map(ipcCallChannel).sort());
  });

  it('answers the app page and refuses any other sender', async () => {
    const contents = fake.BrowserWindow.created[0]?.webContents as FakeWebContents;
    const handler = fake.ipcHandlers.get(ipcCallChannel('appInfo'));
    const fromApp = { sender: contents, senderFrame: { url: 'app://dialsheet/index.html' } };
    await expect(handler?.(fromApp, {})).resolves.toMatchObject({ ok: true, value: { name: 'Dialsheet', defaultCountry: 'UA' } });
    const fromElsewhere = { sender: contents, senderFrame: { url: 'https://evil.example/' } };
    await expect(handler?.(fromElsewhere, {})).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
    const fromStranger = { sender: {}, senderFrame: { url: 'app://dialsheet/index.html' } };
    await expect(handler?.(fromStranger, {})).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it("serves the renderer's index.html over app://", async () => {
    const serve = fake.protocolHandlers.get('app');
    const response = await serve?.(new Request('app://dialsheet/index.html'));
    expect(response?.status).toBe(200);
    const html = (await response?.text()) ?? '';
    expect(html).toBe(readFileSync(join(out, 'renderer/index.html'), 'utf8'));
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await serve?.(new Request(`app://dialsheet/${script}`)))?.status).toBe(200);
  });

  it('denies every permission request', () => {
    let granted: boolean | undefined;
    fake.permission.request?.({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(fake.permission.check?.({}, 'notifications')).toBe(false);
  });

  it('hardens the window: navigation stopped, new windows denied', () => {
    const contents = fake.BrowserWindow.created[0]?.webContents as FakeWebContents;
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('the intake worker, as the shell starts it', () => {
  it('reads a file in its own thread and pushes progress to the window', async () => {
    const contents = fake.BrowserWindow.created[0]?.webContents as FakeWebContents;
    const open = fake.ipcHandlers.get(ipcCallChannel('openSheetBytes'));
    const fromApp = { sender: contents, senderFrame: { url: 'app://dialsheet/index.html' } };
    const csv = Buffer.from('Телефон;ПІБ\n0931234567;Іван\n0931234567;Петро\n', 'utf8').toString('base64');
    const answer = (await open?.(fromApp, { name: 'a.csv', dataBase64: csv })) as { ok: boolean; value: { summary: unknown } };
    expect(answer).toMatchObject({ ok: true, value: { summary: { rows: 2, valid: 1, duplicate: 1 } } });
    await vi.waitFor(() =>
      expect(contents.sent.some((m) => m.channel === 'dialsheet:event:sheetProgress' && (m.payload as { done: boolean }).done)).toBe(true),
    );
  });
});

describe('a job, as the shell runs it', () => {
  it('journals it in the data folder, shows its progress on the taskbar and a notification when it ends', async () => {
    const contents = fake.BrowserWindow.created[0]?.webContents as FakeWebContents;
    const window = fake.BrowserWindow.created[0];
    const fromApp = { sender: contents, senderFrame: { url: 'app://dialsheet/index.html' } };
    const call = async (name: (typeof CALL_NAMES)[number], input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> =>
      (await fake.ipcHandlers.get(ipcCallChannel(name))?.(fromApp, input)) as { ok: boolean; value?: unknown; error?: unknown };
    const csv = Buffer.from('Phone\n+380501112233\n+380501112234\nhello\n', 'utf8').toString('base64');
    const opened = (await call('openSheetBytes', { name: 'calls.csv', dataBase64: csv })) as { value: { sheetId: string } };
    const sent = await call('sendSheet', { sheetId: opened.value.sheetId, profileId: 'demo-mor', campaignId: '2' });
    expect(sent).toMatchObject({ ok: true, value: { state: 'finished', counts: { imported: 2, invalid: 1 } } });
    const id = (sent.value as { id: string }).id;
    expect(existsSync(join('/tmp/dialsheet-smoke/userData/jobs', id, 'journal.jsonl'))).toBe(true);
    expect(contents.sent.some((m) => m.channel === 'dialsheet:event:jobProgress' && (m.payload as { jobId: string }).jobId === id)).toBe(true);
    expect(window?.progressBars.some((f) => f > 0 && f <= 1)).toBe(true);
    expect(window?.progressBars.at(-1)).toBe(-1);
    expect(fake.notifications.at(-1)).toEqual({ title: 'Upload finished', body: 'calls.csv → MOR campaign 2: 2 of 3 rows imported.' });
  });
});

describe('the built CLI', () => {
  it('runs without electron', () => {
    const cli = readFileSync(join(out, 'main/cli.js'), 'utf8');
    const chunks = requiresOf(cli).filter((r) => r.startsWith('./'));
    const all = [cli, ...chunks.map((c) => readFileSync(join(out, 'main', c), 'utf8'))];
    expect(all.flatMap(requiresOf)).not.toContain('electron');
  });
});

// Last: it quits the (recording) app.
describe('the Demo profiles, as the shell serves them', () => {
  it('lists them from a simulator started on first need, and closes that simulator before quitting', async () => {
    const contents = fake.BrowserWindow.created[0]?.webContents as FakeWebContents;
    const fromApp = { sender: contents, senderFrame: { url: 'app://dialsheet/index.html' } };
    const answer = (await fake.ipcHandlers.get(ipcCallChannel('listProfiles'))?.(fromApp, {})) as { ok: boolean; value: { id: string; baseUrl: string }[] };
    expect(answer.ok).toBe(true);
    expect(answer.value.slice(0, 3).map((p) => p.id)).toEqual(['demo-mor', 'demo-ringostat', 'demo-isales']);
    const simulatorUrl = answer.value[0]?.baseUrl ?? '';
    expect((await fetch(`${simulatorUrl}/api/autodialer_get_campaign_statistics`, { method: 'POST' })).status).toBe(200);

    let prevented = false;
    fake.electron.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.calls).toContain('app.quit'));
    await expect(fetch(`${simulatorUrl}/api/autodialer_get_campaign_statistics`, { method: 'POST' })).rejects.toThrow();
  });
});
