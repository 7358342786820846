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
    { name: 'atlas-en.png', language: 'en', theme: 'standard', tree: false, select: null },
    { name: 'atlas-en-tree.png', language: 'en', theme: 'standard', tree: true, select: null },
    { name: 'atlas-en-duct.png', language: 'en', theme: 'standard', tree: false, select: 'Duct 3' },
    { name: 'atlas-fr-projector.png', language: 'fr', theme: 'projector', tree: false, select: 'Mamelon' },
  ] as const;
  for (const shot of shots) {
    const settings = JSON.stringify({ schemaVersion: 1, language: shot.language, theme: shot.theme });
    const { page, context } = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce', storage: { 'atlas.settings': settings } });
    await gotoAtlas(page);
    if (shot.tree) {
      await page.getByRole('button', { name: 'Tree view' }).click();
      await page.locator('canvas[data-layout="tree"]').waitFor();
    }
    if (shot.select) {
      await page.getByRole('treeitem', { name: shot.select }).click();
      await page.getByRole('complementary', { name: shot.select }).getByText(/Sources/).waitFor();
    }
    await page.waitForTimeout(800);
    const file = resolve(outDir, shot.name);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
}
