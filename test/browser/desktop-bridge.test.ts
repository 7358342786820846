import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';
import type { AtlasBridge, MenuCommand } from '../../src/shared/ipc-contract';

/**
 * The renderer as it runs inside Electron: a `window.atlas` bridge is injected before the app
 * starts, answering with the same envelopes the preload returns, so the Electron host, menu
 * commands and error envelopes are exercised in real Chromium.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    atlas?: AtlasBridge;
    __bridgeCalls: [string, unknown][];
    __menu(command: MenuCommand): void;
  }
}

async function openWithBridge(options: { refuseSettings?: boolean } = {}) {
  const atlas = await openAtlas(browser);
  await atlas.context.addInitScript(({ refuseSettings }) => {
    const calls: [string, unknown][] = [];
    let listener: ((command: MenuCommand) => void) | null = null;
    const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
    const bridge: AtlasBridge = {
      getAppInfo: () => ok({ name: 'Lactation Atlas', version: '9.9.9', shell: 'desktop' as const, platform: 'linux', versions: { electron: '45.5.0' } }),
      listContent: () => ok({ root: 'content' as const, entries: [] }),
      readContent: (request) =>
        request?.path === 'about/fr.md'
          ? Promise.resolve({ ok: false as const, error: { code: 'not-found' as const, message: 'No content file at "about/fr.md"' } })
          : ok({ root: request!.root, path: request!.path, text: '# About\n\nText served by the desktop bridge.' }),
      readSettings: () => ok({ value: { schemaVersion: 2 as const, language: 'en' as const, theme: 'standard' as const, narrationVoice: 'audio' as const, systemVoice: null, narrationSpeed: 1 as const }, notice: null, readOnly: false }),
      writeSettings: (settings) => {
        calls.push(['writeSettings', settings]);
        if (refuseSettings) return Promise.resolve({ ok: false as const, error: { code: 'read-only' as const, message: 'The settings file was written by a newer version' } });
        return ok(settings!);
      },
      readProgress: () => ok({ value: { schemaVersion: 2 as const, lessons: {}, bookmarks: [] }, notice: { kind: 'newer-version' as const, document: 'progress', version: 3 }, readOnly: true }),
      writeProgress: (progress) => ok(progress!),
      exportProgress: () => ok({ status: 'cancelled' as const }),
      importProgress: () => ok({ status: 'cancelled' as const }),
      saveHandoutPdf: () => ok({ status: 'cancelled' as const }),
      openAudience: () => ok({ display: 'external' as const }),
      closeAudience: () => ok({ closed: true }),
      toggleAudienceFullScreen: () => ok({ fullScreen: true }),
      onMenuCommand: (next) => {
        listener = next;
        return () => (listener = null);
      },
    };
    window.atlas = bridge;
    window.__bridgeCalls = calls;
    window.__menu = (command) => listener?.(command);
  }, options);
  await gotoAtlas(atlas.page);
  return atlas;
}

describe('the renderer inside the desktop app (injected bridge)', () => {
  it('uses the bridge, and tells the learner their progress file is from a newer atlas', async () => {
    const { page, context, errors, foreignRequests } = await openWithBridge();
    await page.getByRole('status').getByText(/saved by a newer version of the atlas \(format 3\)/).waitFor();
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('obeys the application menu: language, theme, shortcuts and about', async () => {
    const { page, context } = await openWithBridge();
    await page.evaluate(() => window.__menu({ type: 'set-language', language: 'fr' }));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Atlas de la lactation');
    await page.evaluate(() => window.__menu({ type: 'set-theme', theme: 'projector' }));
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('projector');
    expect(await page.evaluate(() => window.__bridgeCalls)).toEqual([
      ['writeSettings', { schemaVersion: 2, language: 'fr', theme: 'standard', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 }],
      ['writeSettings', { schemaVersion: 2, language: 'fr', theme: 'projector', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 }],
    ]);

    await page.evaluate(() => window.__menu({ type: 'show-shortcuts' }));
    await page.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.evaluate(() => window.__menu({ type: 'show-about' }));
    const about = page.getByRole('dialog', { name: 'À propos de l’Atlas de la lactation' });
    await about.getByRole('alert').getByText('La présentation de l’atlas n’a pas pu être chargée : No content file at "about/fr.md"').waitFor();
    await page.keyboard.press('Escape');
    await about.waitFor({ state: 'hidden' });

    await page.evaluate(() => window.__menu({ type: 'set-language', language: 'en' }));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lactation Atlas');
    await page.evaluate(() => window.__menu({ type: 'show-about' }));
    const aboutEn = page.getByRole('dialog', { name: 'About the Lactation Atlas' });
    await aboutEn.getByText('Text served by the desktop bridge.').waitFor();
    expect(await aboutEn.getByText('Version 9.9.9 · Desktop app').count()).toBe(1);
    await context.close();
  });

  it('reports a refused save instead of hiding it', async () => {
    const { page, context } = await openWithBridge({ refuseSettings: true });
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await page.getByRole('status').getByText('Saving failed (settings): The settings file was written by a newer version').waitFor();
    await context.close();
  });
});
