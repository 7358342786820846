import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { launchAtlas } from '../../src/main/atlas-main';
import { contract } from '../../src/shared/ipc-contract';
import { createFakeElectron, FakeWebContents } from '../support/fake-electron';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

async function setUp(options: Partial<Parameters<typeof createFakeElectron>[0]> = {}) {
  const appPath = await tempDir();
  const userData = await tempDir();
  await mkdir(join(appPath, 'out', 'renderer'), { recursive: true });
  await mkdir(join(appPath, 'content', 'about'), { recursive: true });
  await mkdir(join(appPath, 'models'), { recursive: true });
  await writeFile(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>atlas</title>');
  await writeFile(join(appPath, 'content', 'about', 'en.md'), '# About');
  await writeFile(join(appPath, 'package.json'), '{"secret":true}');
  const fake = createFakeElectron({ appPath, userData, ...options });
  return { ...fake, appPath, userData };
}

async function launched(options: Partial<Parameters<typeof createFakeElectron>[0]> = {}) {
  const fake = await setUp(options);
  launchAtlas(fake.electron, { appRoot: fake.appPath, dataRoot: fake.appPath });
  fake.ready();
  await vi.waitFor(() => expect(fake.windows()).toHaveLength(1));
  return fake;
}

const ownFrame = { senderFrame: { url: 'app://atlas/index.html', parent: null } };
const foreignFrame = { senderFrame: { url: 'https://evil.example/', parent: null } };

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [item.label ?? '', ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]);
}

describe('launchAtlas', () => {
  it('registers the privileged app:// scheme before the app is ready, and takes the single-instance lock', async () => {
    const fake = await setUp();
    launchAtlas(fake.electron, { appRoot: fake.appPath, dataRoot: fake.appPath });
    expect(fake.spies.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(fake.spies.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.windows()).toHaveLength(0);
  });

  it('quits at once when another atlas is already running', async () => {
    const fake = await setUp({ singleInstance: false });
    launchAtlas(fake.electron, { appRoot: fake.appPath, dataRoot: fake.appPath });
    fake.ready();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.spies.app.quit).toHaveBeenCalled();
    expect(fake.windows()).toHaveLength(0);
  });

  it('opens one window with the secure options and loads the app from app://', async () => {
    const fake = await launched();
    const [window] = fake.windows();
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: join(fake.appPath, 'out', 'preload', 'index.cjs'),
    });
    await vi.waitFor(() => expect(window?.loadURL).toHaveBeenCalledWith('app://atlas/index.html'));
  });

  it('serves the renderer with the CSP and refuses traversal and foreign hosts', async () => {
    const fake = await launched();
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const ok = await handler!(new Request('app://atlas/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handler!(new Request('app://atlas/content/about/en.md'))).status).toBe(200);
    for (const url of ['app://atlas/content/%2e%2e/package.json', 'app://atlas/%2e%2e/package.json', 'app://other/index.html']) {
      const answer = await handler!(new Request(url));
      expect(answer.status, url).toBe(404);
      expect(await answer.text()).not.toContain('secret');
    }
  });

  it('registers exactly the contract channels, checking the sender before anything else', async () => {
    const fake = await launched();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(contract).map((spec) => spec.channel).sort());
    const write = fake.ipcHandlers.get('settings:write')!;
    const settings = { schemaVersion: 2, language: 'fr', theme: 'projector', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 };

    expect(await write(foreignFrame, settings)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await write({ senderFrame: { url: 'app://atlas/index.html', parent: {} } }, settings)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await write(ownFrame, { ...settings, language: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await expect(readFile(join(fake.userData, 'settings.json'), 'utf8')).rejects.toThrow();

    expect(await write(ownFrame, settings)).toEqual({ ok: true, value: settings });
    expect(JSON.parse(await readFile(join(fake.userData, 'settings.json'), 'utf8'))).toEqual(settings);
  });

  it('opens presenter mode\'s audience window full screen on the projector, as securely as the main window', async () => {
    const laptop = { x: 0, y: 0, width: 1440, height: 900 };
    const projector = { x: 1440, y: 0, width: 1920, height: 1080 };
    const fake = await launched({ displays: [{ bounds: laptop, workArea: { ...laptop, y: 25, height: 875 } }, { bounds: projector, workArea: projector }] });
    const open = fake.ipcHandlers.get('presentation:open-audience')!;
    expect(await open(foreignFrame, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.windows()).toHaveLength(1);

    expect(await open(ownFrame, undefined)).toEqual({ ok: true, value: { display: 'external' } });
    const audience = fake.windows()[1]!;
    expect(audience.options).toMatchObject({ ...projector, fullscreen: true });
    expect(audience.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, disableBlinkFeatures: 'Auxclick' });
    await vi.waitFor(() => expect(audience.loadURL).toHaveBeenCalledWith('app://atlas/index.html?view=audience'));

    // Asking again brings the same window forward; F toggles its full screen.
    await open(ownFrame, undefined);
    expect(fake.windows()).toHaveLength(2);
    expect(await fake.ipcHandlers.get('presentation:toggle-full-screen')!(ownFrame, undefined)).toEqual({ ok: true, value: { fullScreen: false } });

    // The room's window goes when the presenter's window closes.
    fake.windows()[0]!.emit('closed');
    expect(audience.close).toHaveBeenCalled();
  });

  it('rebuilds the menu in the language the learner picks', async () => {
    const fake = await launched({ locale: 'en-US' });
    const templates = fake.spies.Menu.buildFromTemplate.mock.calls.map(([t]) => t as MenuItemConstructorOptions[]);
    expect(labels(templates.at(-1)!)).toContain('View');
    await fake.ipcHandlers.get('settings:write')!(ownFrame, { schemaVersion: 2, language: 'fr', theme: 'standard', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 });
    const latest = fake.spies.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
    expect(labels(latest)).toContain('Affichage');
    expect(fake.spies.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
  });

  it('starts in French on a French system', async () => {
    const fake = await launched({ locale: 'fr-FR' });
    const reply = (await fake.ipcHandlers.get('settings:read')!(ownFrame, undefined)) as { ok: true; value: { value: { language: string } } };
    expect(reply.value.value.language).toBe('fr');
  });

  it('sends menu commands to the window', async () => {
    const fake = await launched();
    const template = fake.spies.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
    const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined =>
      items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? i.submenu : [])]).find((i) => i.label === label);
    const help = template.find((item) => item.label === 'Help')!;
    (find(help.submenu as MenuItemConstructorOptions[], 'Keyboard shortcuts')?.click as () => void)();
    expect(fake.windows()[0]?.webContents.send).toHaveBeenCalledWith('menu:command', { type: 'show-shortcuts' });
  });

  it('hardens every web contents: no navigation, no windows, https links only after the learner confirms', async () => {
    const fake = await launched({ dialogResponse: 1 });
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('https://example.org/')).toBe('prevented');
    expect(contents.openWindow('https://www.who.int/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.spies.dialog.showMessageBox).toHaveBeenCalled());
    expect(fake.spies.shell.openExternal).not.toHaveBeenCalled();

    fake.spies.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    contents.openWindow('https://www.who.int/');
    await vi.waitFor(() => expect(fake.spies.shell.openExternal).toHaveBeenCalledWith('https://www.who.int/'));
    contents.openWindow('file:///etc/passwd');
    expect(fake.spies.dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('denies all permission requests', async () => {
    const fake = await launched();
    expect(fake.spies.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.spies.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
  });

  it('remembers the window position and puts it back on a visible display when that monitor is gone', async () => {
    const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 900 } };
    const projector = { workArea: { x: 1440, y: 0, width: 1920, height: 1080 } };
    const first = await launched({ displays: [laptop, projector] });
    const window = first.windows()[0]!;
    window.bounds = { x: 1600, y: 50, width: 1200, height: 760 };
    window.emit('close');
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(join(first.userData, 'window-state.json'), 'utf8'))).toMatchObject({ bounds: window.bounds }),
    );

    const second = createFakeElectron({ appPath: first.appPath, userData: first.userData, displays: [laptop] });
    launchAtlas(second.electron, { appRoot: first.appPath, dataRoot: first.appPath });
    second.ready();
    await vi.waitFor(() => expect(second.windows()).toHaveLength(1));
    expect(second.windows()[0]?.options).toMatchObject({ x: 120, y: 70, width: 1200, height: 760 });
  });

  it('focuses the existing window when the atlas is started again', async () => {
    const fake = await launched();
    fake.app.emit('second-instance');
    expect(fake.windows()[0]?.focus).toHaveBeenCalled();
  });
});
