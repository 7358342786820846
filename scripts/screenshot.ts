import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gotoAtlas, launchChromium, openAtlas } from './lib/browser';
import { PROJECT_ROOT } from './lib/preview-handler';

/**
 * `npm run screenshot`: renders the atlas in headless Chromium and writes the pictures the README
 * shows (docs/screenshots/), in both languages and both themes.
 */
const outDir = resolve(PROJECT_ROOT, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
try {
  const shots = [
    { name: 'atlas-en.png', language: 'en', theme: 'standard' },
    { name: 'atlas-fr-projector.png', language: 'fr', theme: 'projector' },
  ] as const;
  for (const shot of shots) {
    const settings = JSON.stringify({ schemaVersion: 1, language: shot.language, theme: shot.theme });
    const { page, context } = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, storage: { 'atlas.settings': settings } });
    await gotoAtlas(page);
    await page.waitForTimeout(500);
    const file = resolve(outDir, shot.name);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
}
