import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/lib/electron-binary';
import { PROJECT_ROOT } from '../../scripts/lib/preview-handler';
import { contract } from '../../src/shared/ipc-contract';

/**
 * The real desktop app, where Electron's binary exists (it cannot be downloaded on the build and
 * CI machines, so there this suite is skipped and says why). Everything it checks is also covered
 * in Node with a fake `electron` and in Chromium; this is the end-to-end confirmation.
 */
const binary = electronBinary(dirname(createRequire(import.meta.url).resolve('electron/package.json')));
if (!binary) console.info('[electron suite] skipped: no Electron binary on this machine (run `npm start` once with internet access to fetch it).');

describe.skipIf(!binary)('the desktop app in Electron', () => {
  let app: ElectronApplication;
  beforeAll(async () => {
    app = await electron.launch({ executablePath: binary!, args: [PROJECT_ROOT], env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the renderer from app://atlas with the bridge and nothing else exposed', async () => {
    const page = await app.firstWindow();
    await page.getByRole('banner').waitFor();
    expect(page.url()).toBe('app://atlas/index.html');
    const keys = await page.evaluate(() => Object.keys((window as unknown as { atlas: object }).atlas).sort());
    expect(keys).toEqual([...Object.keys(contract), 'onMenuCommand'].sort());
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  });

  it('answers bridge calls and reports itself as the desktop app', async () => {
    const page = await app.firstWindow();
    const info = await page.evaluate(() => (window as unknown as { atlas: { getAppInfo(): Promise<unknown> } }).atlas.getAppInfo());
    expect(info).toMatchObject({ ok: true, value: { shell: 'desktop' } });
  });

  it('refuses navigation away from the app', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://atlas/index.html');
  });
});
