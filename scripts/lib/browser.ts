import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppRoots } from '../../src/main/static-files';
import { handlePreviewRequest, projectRoots } from './preview-handler';

/**
 * Real Chromium (Debian's, found on the PATH or named by ATLAS_CHROMIUM) driving the renderer the
 * way a learner would. The app is served at http://atlas.test/ by routing, from the same handler as
 * the preview server; every other request is aborted and recorded, which proves the app stays
 * offline.
 */
export const APP_URL = 'http://atlas.test/';

export function findChromium(): string {
  const named = process.env['ATLAS_CHROMIUM'];
  if (named) {
    if (!existsSync(named)) throw new Error(`ATLAS_CHROMIUM=${named} does not exist.`);
    return named;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on the PATH; try the next name
    }
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian: `apt-get install -y chromium`) or set ATLAS_CHROMIUM=/path/to/chromium.',
  );
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu-vsync',
  '--disable-frame-rate-limit',
  '--disable-quic',
  '--enable-precise-memory-info',
  // Compositing on SwiftShader stalls screenshots for good once the gland's tree view has been
  // drawn; software compositing (WebGL still on SwiftShader) does not.
  '--disable-gpu-compositing',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface AtlasPage {
  context: BrowserContext;
  page: Page;
  /** URLs the app tried to reach outside its own origin (all were aborted). */
  foreignRequests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** window.devicePixelRatio; Playwright's default is 1. */
  deviceScaleFactor?: number;
  reducedMotion?: 'reduce' | 'no-preference';
  locale?: string;
  roots?: AppRoots;
  /** localStorage entries to seed before the app starts. */
  storage?: Record<string, string>;
}

export async function openAtlas(browser: Browser, options: OpenOptions = {}): Promise<AtlasPage> {
  const roots = options.roots ?? projectRoots();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 960, height: 600 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    locale: options.locale ?? 'en-GB',
    ...(options.deviceScaleFactor !== undefined ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
  });
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== new URL(APP_URL).origin) {
      foreignRequests.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    const answer = await handlePreviewRequest(
      { method: route.request().method(), pathname: url.pathname, range: route.request().headers()['range'] },
      roots,
    );
    await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body ? Buffer.from(answer.body) : '' });
  });
  if (options.storage) {
    await context.addInitScript((entries: Record<string, string>) => {
      if (sessionStorage.getItem('atlas-test-seeded')) return;
      sessionStorage.setItem('atlas-test-seeded', '1');
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, options.storage);
  }
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, foreignRequests, errors };
}

/** Loads the app and waits until the header is drawn and the 3D view has painted. */
export async function gotoAtlas(page: Page): Promise<void> {
  await page.goto(APP_URL);
  await page.getByRole('banner').waitFor();
  await page.locator('canvas').first().waitFor();
  await page.waitForTimeout(300);
}
