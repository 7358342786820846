import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { defaultSettings } from '../src/shared/settings';
import { gotoAtlas, launchChromium, openAtlas } from './lib/browser';
import { PROJECT_ROOT } from './lib/preview-handler';

/**
 * `npm run screenshot`: renders the atlas in headless Chromium and writes the pictures the README
 * shows (docs/screenshots/), in both languages and both themes.
 */
const outDir = resolve(PROJECT_ROOT, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });
/** The first lobule the search box offers (the default gland is the same every time). */
async function openFirstLobule(page: Page): Promise<void> {
  const name = await page.evaluate(() => [...document.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('Lobule ')));
  if (!name) throw new Error('the search box offers no lobule');
  const search = page.getByRole('combobox');
  await search.fill(name);
  await search.press('Enter');
  await page.locator('canvas[data-scale="lobule"]').waitFor({ timeout: 120_000 });
}

/** Clicks where a 3D label points (labels are drawn at their anchor's projection). */
async function clickLabel(page: Page, text: string): Promise<void> {
  const label = page.locator('.scene-label').filter({ has: page.locator('.scene-label__text', { hasText: text }) });
  const point = await label.evaluate((el) => ({ x: el.getBoundingClientRect().left, y: el.getBoundingClientRect().top }));
  await page.mouse.click(point.x, point.y);
}

/** The physiology view: day 3 after birth, an ejection set off by a cry, or the supply simulator. */
async function showPhysiology(page: Page, what: 'day-3' | 'ejection' | 'supply', language: 'en' | 'fr'): Promise<void> {
  const fr = language === 'fr';
  await page.getByRole('button', { name: fr ? 'Physiologie' : 'Physiology', exact: true }).click();
  await page.locator('.physiology-view canvas[data-physiology-scene="ready"]').waitFor({ timeout: 120_000 });
  if (what === 'day-3') await page.getByRole('combobox', { name: 'Jump to' }).selectOption({ label: 'Day 3' });
  if (what === 'ejection') {
    await page.getByRole('tab', { name: 'A feed' }).click();
    await page.getByRole('button', { name: 'Baby cries' }).click();
    await page.getByRole('button', { name: 'Next moment' }).click();
  }
  if (what === 'supply') await page.getByRole('tab', { name: fr ? 'Offre et demande' : 'Supply and demand' }).click();
  await page.waitForTimeout(1500);
}

const browser = await launchChromium();
try {
  const shots = [
    { name: 'atlas-en.png', language: 'en', theme: 'standard', tree: false, select: null },
    { name: 'atlas-en-tree.png', language: 'en', theme: 'standard', tree: true, select: null },
    { name: 'atlas-en-duct.png', language: 'en', theme: 'standard', tree: false, select: 'Duct 3' },
    { name: 'atlas-fr-projector.png', language: 'fr', theme: 'projector', tree: false, select: 'Mamelon' },
    { name: 'atlas-en-lobule.png', language: 'en', theme: 'standard', tree: false, select: null, closeUp: 'lobule' },
    { name: 'atlas-en-alveolus.png', language: 'en', theme: 'standard', tree: false, select: null, closeUp: 'alveolus' },
    { name: 'atlas-fr-alveolus-projector.png', language: 'fr', theme: 'projector', tree: false, select: null, closeUp: 'alveolus' },
    { name: 'atlas-en-lesson.png', language: 'en', theme: 'standard', tree: false, select: null, lesson: true },
    { name: 'physiology-en-day3.png', language: 'en', theme: 'standard', tree: false, select: null, physiology: 'day-3' },
    { name: 'physiology-en-ejection.png', language: 'en', theme: 'standard', tree: false, select: null, physiology: 'ejection' },
    { name: 'physiology-fr-projector-supply.png', language: 'fr', theme: 'projector', tree: false, select: null, physiology: 'supply' },
  ] as const;
  for (const shot of shots) {
    const settings = JSON.stringify({ ...defaultSettings(shot.language), theme: shot.theme });
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
    if ('lesson' in shot) {
      await page.getByRole('button', { name: 'Lessons' }).click();
      await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^Start/ }).first().click();
      const player = page.getByRole('region', { name: /^Lesson: / });
      // The silent reading clock, so the picture does not depend on audio playing here.
      await player.getByRole('combobox', { name: 'Voice', exact: true }).selectOption('reading');
      await player.getByRole('button', { name: 'Next step' }).click();
      await player.getByRole('button', { name: 'Play', exact: true }).click();
      await page.locator('.lesson-player__caption').waitFor();
      await page.waitForTimeout(2500);
      await player.getByRole('button', { name: 'Pause', exact: true }).click();
    }
    if ('physiology' in shot) await showPhysiology(page, shot.physiology, shot.language);
    if ('closeUp' in shot) {
      await openFirstLobule(page);
      if (shot.closeUp === 'alveolus') {
        await clickLabel(page, shot.language === 'fr' ? 'Alvéoles' : 'Alveoli');
        await page.locator('canvas[data-scale="alveolus"]').waitFor({ timeout: 120_000 });
        await clickLabel(page, shot.language === 'fr' ? 'Cellules myoépithéliales' : 'Myoepithelial cells');
      }
      // Move the pointer away so no name tag covers the picture.
      await page.mouse.move(640, 740);
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
