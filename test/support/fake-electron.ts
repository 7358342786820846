import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { ElectronApi } from '../../src/main/atlas-main';
import type { Rect } from '../../src/main/window-state';

/**
 * A stand-in for the parts of Electron the main process uses: EventEmitters and spies, enough to
 * run the real wiring in Node and assert what it asked Electron to do. The real binary cannot run
 * on the build machines.
 */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly send = vi.fn();
  readonly mainFrame = { url: 'app://atlas/index.html', parent: null };

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Simulates a navigation attempt; tells whether a listener prevented it. */
  navigate(url: string): 'prevented' | 'allowed' {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return prevented ? 'prevented' : 'allowed';
  }

  attachWebview(): 'prevented' | 'allowed' {
    let prevented = false;
    this.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    return prevented ? 'prevented' : 'allowed';
  }

  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly show = vi.fn();
  readonly showInactive = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn(() => (this.maximized = true));
  maximized = false;
  bounds: Rect;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options as Partial<Rect>;
    this.bounds = { x, y, width, height };
    this.fullScreen = options['fullscreen'] === true;
    FakeBrowserWindow.instances.push(this);
  }
  getNormalBounds(): Rect {
    return this.bounds;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  // Presenter mode's audience window is closed, and made full screen, from main.
  destroyed = false;
  fullScreen = false;
  readonly close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  setFullScreen(value: boolean): void {
    this.fullScreen = value;
  }
}

export interface FakeElectronOptions {
  appPath: string;
  userData: string;
  locale?: string;
  singleInstance?: boolean;
  displays?: { workArea: Rect; bounds?: Rect }[];
  dialogResponse?: number;
}

export function createFakeElectron(options: FakeElectronOptions) {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const displays = (options.displays ?? [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]).map((display) => ({ bounds: display.workArea, ...display }));
  FakeBrowserWindow.instances = [];

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getAppPath: () => options.appPath,
    getPath: vi.fn(() => options.userData),
    getLocale: () => options.locale ?? 'en-GB',
    getName: () => 'Lactation Atlas',
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
    quit: vi.fn(),
    whenReady: () => ready,
  });

  const electron = {
    app,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler)),
    },
    ipcMain: { handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => ipcHandlers.set(channel, listener)) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: options.dialogResponse ?? 0, checkboxChecked: false })) },
    screen: { getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0] },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    BrowserWindow: FakeBrowserWindow,
  };

  return {
    electron: electron as unknown as ElectronApi,
    spies: electron,
    app,
    ready: () => markReady(),
    protocolHandlers,
    ipcHandlers,
    windows: () => FakeBrowserWindow.instances,
  };
}
