// The desktop shell: windows, the app:// protocol, IPC binding. All the work is in ../core.
import { join } from 'node:path';

import { app, BrowserWindow, ipcMain, Notification, protocol, safeStorage, session, shell } from 'electron';

import { ipcEventChannel } from '../../shared/channels';
import { createHandlers } from '../core/handlers';
import { jobEndText } from '../core/jobs/job-end-text';
import { workerIntake } from '../core/intake/worker/worker-intake';
import { countryFromLocale } from '../core/locale-country';
import { embeddedDemo } from '../core/profiles-service/embedded-demo';
import { ProfilesService } from '../core/profiles-service/profiles-service';
import type { LogError } from '../core/rpc/dispatch';
import type { EmitEvent } from '../core/rpc/handler-table';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { hardenContents } from './harden-contents';
import { bindIpc } from './ipc';
import { safeStorageBox } from './safe-storage-box';
import { APP_ENTRY_URL, isAppUrl } from './trusted-urls';
import { secureWindowOptions } from './window-options';

const rendererDir = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/index.js');
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

const logError: LogError = (message, error) => console.error(`[dialsheet] ${message}`, error);

registerAppScheme(protocol);
app.enableSandbox();

// The Demo profiles' simulator: started on first need, on free ports of 127.0.0.1.
const demo = embeddedDemo({ onError: (error) => logError('demo simulator failed', error) });

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(preloadPath, !app.isPackaged));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  handleAppProtocol(protocol, rendererDir);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const defaultCountry = app.getLocaleCountryCode() || countryFromLocale(app.getLocale());
  const dataDir = app.getPath('userData');
  const toWindows: EmitEvent = (name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(ipcEventChannel(name), payload);
    // The taskbar (or dock) shows a job's progress while the window is behind others.
    if (name === 'jobProgress' && 'jobId' in payload) setTaskbarProgress(payload.total === 0 ? 1 : payload.done / payload.total);
  };
  const setTaskbarProgress = (fraction: number): void => {
    for (const window of BrowserWindow.getAllWindows()) window.setProgressBar(fraction);
  };
  const handlers = createHandlers({
    defaultCountry,
    emit: toWindows,
    profiles: new ProfilesService({ dataDir, secretBox: safeStorageBox(safeStorage), demo: () => demo.setup() }),
    jobsDir: join(dataDir, 'jobs'),
    env: process.env,
    onJobEnd: (summary) => {
      setTaskbarProgress(-1);
      if (Notification.isSupported()) new Notification(jobEndText(summary)).show();
    },
    intake: workerIntake({
      workerFile: join(__dirname, 'intake-worker.js'),
      dataDir,
      defaultCountry,
      onProgress: (event) => toWindows('sheetProgress', event),
      logError,
    }),
  });
  bindIpc(
    ipcMain,
    handlers,
    (event) => BrowserWindow.fromWebContents(event.sender) !== null && isAppUrl(event.senderFrame?.url, devServerUrl),
    logError,
  );
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => shell.openExternal(url)));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Quitting waits for the simulator's listeners to close, then quits again (it is no longer running).
app.on('will-quit', (event) => {
  if (!demo.running()) return;
  event.preventDefault();
  void demo
    .close()
    .catch((error: unknown) => logError('closing the demo simulator failed', error))
    .finally(() => app.quit());
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  start().catch((error: unknown) => {
    logError('start-up failed', error);
    app.exit(1);
  });
}
