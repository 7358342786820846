import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, launchChromium, openAtlas } from '../../scripts/lib/browser';
import { milkPixelsAtNipples, type Anchors } from './support';

/**
 * The physiology scene on its bench page (`?bench=physiology`), which draws the model's scripted
 * breastfeed a month after birth at the feed second `at` (src/renderer/physiology/scene/PhysiologyBench.tsx).
 * In that feed (DEFAULT_FEED, seed 3) the second suckling ejection runs from about 717 s to 879 s,
 * with its forward flow near its peak at 790 s; at 600 s the baby is suckling between ejections.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openScene(query: string, options: { locale?: string; reducedMotion?: 'reduce' | 'no-preference' } = {}) {
  const atlas = await openAtlas(browser, { viewport: { width: 1000, height: 620 }, reducedMotion: options.reducedMotion ?? 'reduce', ...(options.locale ? { locale: options.locale } : {}) });
  await atlas.page.goto(`${APP_URL}?bench=physiology&${query}`);
  const canvas = atlas.page.locator('canvas[data-physiology-scene="ready"]');
  await canvas.waitFor({ timeout: 60_000 });
  const anchors = JSON.parse((await canvas.getAttribute('data-anchors')) ?? '{}') as Anchors;
  return { ...atlas, canvas, anchors };
}

describe('the physiology scene', () => {
  it('draws milk flowing to the nipple openings during an ejection, and none between ejections', async () => {
    const during = await openScene('at=790');
    expect(Object.keys(during.anchors)).toEqual(expect.arrayContaining(['left-nipple', 'right-nipple', 'anterior-pituitary', 'posterior-pituitary', 'left-nipple-opening-1']));
    // No placenta a month after birth.
    expect(during.anchors['placenta']).toBeUndefined();
    const milkDuring = await milkPixelsAtNipples(during.page, await during.canvas.screenshot(), during.anchors);
    expect(during.errors).toEqual([]);
    await during.context.close();

    const between = await openScene('at=600');
    const milkBetween = await milkPixelsAtNipples(between.page, await between.canvas.screenshot(), between.anchors);
    await between.context.close();

    expect(milkDuring).toBeGreaterThan(20);
    expect(milkBetween).toBeLessThan(3);
  });

  it('draws no frames while nothing moves, even with its clock ticking, and keeps drawing while a feed runs', async () => {
    // `play` ticks the scene's clock every animation frame, as the app's clock will.
    const idle = await openScene('feed=none&play', { reducedMotion: 'no-preference' });
    await idle.page.waitForTimeout(500);
    const frames = () => idle.page.evaluate(() => window.__atlasBench?.renderedFrames() ?? -1);
    const before = await frames();
    await idle.page.waitForTimeout(1500);
    expect(await frames()).toBe(before);
    await idle.context.close();

    const feeding = await openScene('at=790&play', { reducedMotion: 'no-preference' });
    const start = await feeding.page.evaluate(() => window.__atlasBench?.renderedFrames() ?? -1);
    await expect.poll(() => feeding.page.evaluate(() => window.__atlasBench?.renderedFrames() ?? -1)).toBeGreaterThan(start + 1);
    await feeding.context.close();
  });

  it('shows the placenta in pregnancy and names the parts in French', async () => {
    const { page, anchors, context, errors } = await openScene('hours=-1000&feed=none', { locale: 'fr-FR' });
    expect(anchors['placenta']).toBeDefined();
    await expect.poll(() => page.locator('[data-label="anteriorPituitary"]').textContent()).toBe('Antéhypophyse (prolactine)');
    expect(await page.locator('[data-label="placenta"] .physiology-label__text').isVisible()).toBe(true);
    const legend = page.getByRole('complementary', { name: 'Ce qui circule' });
    expect(await legend.getByText('Prolactine').count()).toBe(1);
    expect(await legend.locator('[data-hormone="hpl"]').getAttribute('data-present')).toBe('yes');
    expect(errors).toEqual([]);
    await context.close();
  });
});
