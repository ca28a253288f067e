import { EventEmitter } from 'node:events';

// A recording stand-in for the parts of the electron module the shell touches. It is not
// Electron: it lets the built main bundle start in plain Node so its wiring can be checked.

export type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

/** Windows announce their web contents to the app, as Electron's do. */
export class FakeBrowserWindow extends EventEmitter {
  static app: EventEmitter = new EventEmitter();
  static readonly created: FakeBrowserWindow[] = [];
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.created;
  static fromWebContents = (contents: unknown): FakeBrowserWindow | null =>
    FakeBrowserWindow.created.find((w) => w.webContents === contents) ?? null;
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  /** Every value given to setProgressBar (the taskbar's progress), in order. */
  readonly progressBars: number[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
    FakeBrowserWindow.app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show(): void {}
  setProgressBar(fraction: number): void {
    this.progressBars.push(fraction);
  }
  isMinimized = (): boolean => false;
  restore(): void {}
  focus(): void {}
}

export function createFakeElectron() {
  const calls: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    readyResolve: (): void => undefined,
    enableSandbox: () => calls.push('app.enableSandbox'),
    requestSingleInstanceLock: () => true,
    whenReady(): Promise<void> {
      calls.push('app.whenReady');
      return new Promise<void>((resolve) => {
        app.readyResolve = resolve;
      });
    },
    quit: () => calls.push('app.quit'),
    exit: (code: number) => calls.push(`app.exit ${code}`),
    getName: () => 'Dialsheet',
    getLocale: () => 'uk-UA',
    getLocaleCountryCode: () => 'UA',
    getPath: (name: string) => `/tmp/dialsheet-smoke/${name}`,
  });

  FakeBrowserWindow.app = app;
  const BrowserWindow = FakeBrowserWindow;

  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const permission = { request: undefined as Listener | undefined, check: undefined as Listener | undefined };

  const notifications: { title?: string; body?: string }[] = [];
  class Notification {
    static isSupported = (): boolean => true;
    constructor(readonly options: { title?: string; body?: string }) {}
    show(): void {
      notifications.push(this.options);
    }
  }

  const electron = {
    app,
    Notification,
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.push('protocol.registerSchemesAsPrivileged');
        privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          permission.request = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          permission.check = handler;
        },
      },
    },
    shell: { openExternal: (url: string) => Promise.resolve(void calls.push(`shell.openExternal ${url}`)) },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    webContents: { getAllWebContents: () => BrowserWindow.created.map((w) => w.webContents) },
  };

  return { electron, calls, ipcHandlers, protocolHandlers, privileged, permission, BrowserWindow, notifications };
}
