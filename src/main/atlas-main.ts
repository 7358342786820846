import type * as ElectronModule from 'electron';
import { join } from 'node:path';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/ipc-contract';
import { languageFromLocale } from '../shared/languages';
import { progressDocument } from '../shared/progress';
import { settingsDocument, type Settings } from '../shared/settings';
import { STRINGS } from '../shared/strings';
import { buildMenuTemplate } from './app-menu';
import { createAudienceWindows, type AudiencePlacement } from './audience-window';
import { registerIpcHandlers } from './ipc-router';
import { DocumentStore } from '../shared/persisted-document';
import { FileDocumentStorage } from './json-file-store';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './navigation-policy';
import { createProgressFileHandlers } from './progress-files';
import { createHandoutPdfHandler } from './handout-pdf';
import { createHandlers } from './request-handlers';
import { serveAppFile, type AppRoots } from './static-files';
import { denyAllPermissions, hardenWebContents } from './web-contents-security';
import { MIN_WINDOW_SIZE, placeWindow, windowStateDocument, type WindowState } from './window-state';

/**
 * Wires the main process to Electron. Every decision lives in a plain module; this file only
 * connects them, in the order Electron requires (privileged scheme before ready). It receives the
 * Electron module as an argument so the wiring can be tested with a fake one.
 */
export type ElectronApi = Pick<
  typeof ElectronModule,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'Menu' | 'shell' | 'dialog' | 'screen' | 'session'
>;

export interface AtlasPaths {
  /** Where `out/` lives (the asar when packaged). */
  appRoot: string;
  /** Where `content/` and `models/` live (the resources folder when packaged). */
  dataRoot: string;
}

export function atlasPaths(electron: ElectronApi): AtlasPaths {
  const appRoot = electron.app.getAppPath();
  return { appRoot, dataRoot: electron.app.isPackaged ? process.resourcesPath : appRoot };
}

export function launchAtlas(electron: ElectronApi, paths: AtlasPaths = atlasPaths(electron)): void {
  const { app, protocol } = electron;
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: ElectronModule.BrowserWindow | null = null;
  let language = languageFromLocale(app.getLocale());

  const offerExternalLink = (url: string): void => {
    const m = STRINGS[language].menu;
    const options: ElectronModule.MessageBoxOptions = {
      type: 'question',
      buttons: [m.openExternalOpen, m.openExternalCancel],
      defaultId: 1,
      cancelId: 1,
      title: m.openExternalTitle,
      message: m.openExternalMessage,
      detail: url,
    };
    const answer = mainWindow ? electron.dialog.showMessageBox(mainWindow, options) : electron.dialog.showMessageBox(options);
    void answer.then(({ response }) => (response === 0 ? electron.shell.openExternal(url) : undefined));
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, offerExternalLink));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    const roots: AppRoots = {
      renderer: join(paths.appRoot, 'out', 'renderer'),
      content: join(paths.dataRoot, 'content'),
      models: join(paths.dataRoot, 'models'),
    };
    const userData = app.getPath('userData');
    const settings = new DocumentStore(new FileDocumentStorage(join(userData, 'settings.json')), settingsDocument(language));
    const progress = new DocumentStore(new FileDocumentStorage(join(userData, 'progress.json')), progressDocument);

    denyAllPermissions(electron.session.defaultSession);
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
      const answer = await serveAppFile({ method: request.method, pathname: url.pathname, range: request.headers.get('range') }, roots);
      return new Response(answer.body as ConstructorParameters<typeof Response>[0], { status: answer.status, headers: answer.headers });
    });

    const sendCommand = (command: MenuCommand): void => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
    const applyMenu = (current: Settings): void => {
      language = current.language;
      const template = buildMenuTemplate({ language: current.language, theme: current.theme, platform: process.platform }, sendCommand);
      electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
    };
    applyMenu((await settings.load()).value);

    const audience = createAudienceWindows({
      displays: () => electron.screen.getAllDisplays(),
      create: (placement) => openAudienceWindow(electron, paths, placement),
    });

    registerIpcHandlers(
      electron.ipcMain,
      createHandlers({
        roots: { content: roots.content, models: roots.models },
        settings,
        progress,
        progressFiles: createProgressFileHandlers({
          // Attached to the window, so the dialog is modal to it and stays in front.
          dialogs: {
            showSaveDialog: (options) => (mainWindow ? electron.dialog.showSaveDialog(mainWindow, options) : electron.dialog.showSaveDialog(options)),
            showOpenDialog: (options) => (mainWindow ? electron.dialog.showOpenDialog(mainWindow, options) : electron.dialog.showOpenDialog(options)),
          },
          strings: () => STRINGS[language].progress.fileDialog,
          defaultFolder: () => app.getPath('documents'),
        }),
        saveHandoutPdf: createHandoutPdfHandler({
          showSaveDialog: (options) => (mainWindow ? electron.dialog.showSaveDialog(mainWindow, options) : electron.dialog.showSaveDialog(options)),
          strings: () => STRINGS[language].handout.saveDialog,
          defaultFolder: () => app.getPath('documents'),
        }),
        audience,
        // The presenter is the main window: the audience goes to another display than its own.
        presenterBounds: () => mainWindow?.getNormalBounds() ?? electron.screen.getPrimaryDisplay().workArea,
        appInfo: () => ({
          name: app.getName(),
          version: app.getVersion(),
          platform: process.platform,
          versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
        }),
        onSettingsSaved: applyMenu,
      }),
      (message) => console.warn(`[atlas] ${message}`),
    );

    const windowState = new DocumentStore(new FileDocumentStorage(join(userData, 'window-state.json')), windowStateDocument);
    mainWindow = await openMainWindow(electron, paths, windowState);
    mainWindow.on('closed', () => {
      mainWindow = null;
      // The room's window goes with the presenter's: it has nothing to show on its own.
      audience.close();
    });
  });
}

async function openMainWindow(
  electron: ElectronApi,
  paths: AtlasPaths,
  windowState: DocumentStore<WindowState>,
): Promise<ElectronModule.BrowserWindow> {
  const saved = (await windowState.load()).value;
  const bounds = placeWindow(saved.bounds, electron.screen.getAllDisplays(), electron.screen.getPrimaryDisplay());

  // Written inline and literal so reviewers and static scanners can read the security settings.
  const window = new electron.BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#101820',
    webPreferences: {
      preload: join(paths.appRoot, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // In presenter mode the audience window may cover this one on a single screen; its lesson
      // clock (which drives the room's picture) must keep its animation frames there.
      backgroundThrottling: false,
    },
  });
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    void windowState
      .save({ schemaVersion: 1, bounds: window.getNormalBounds(), maximized: window.isMaximized() })
      .catch((error: unknown) => console.warn(`[atlas] window position not saved: ${String(error)}`));
  });
  await window.loadURL(APP_ENTRY_URL);
  return window;
}

/**
 * Presenter mode's audience window: the same page in its audience view (`?view=audience`), which
 * draws what the presenter's window broadcasts and has no controls of its own.
 */
function openAudienceWindow(electron: ElectronApi, paths: AtlasPaths, placement: AudiencePlacement): ElectronModule.BrowserWindow {
  // Written inline and literal, like the main window's, so the security settings can be read at a glance.
  const window = new electron.BrowserWindow({
    ...placement.bounds,
    fullscreen: placement.fullScreen,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#000000',
    webPreferences: {
      preload: join(paths.appRoot, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  // Shown without taking focus: the teacher's keys and clicker stay with the presenter's window.
  window.once('ready-to-show', () => window.showInactive());
  void window.loadURL(`${APP_ENTRY_URL}?view=audience`);
  return window;
}
