import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas, type OpenOptions } from '../../scripts/lib/browser';
import { milkPixelsAtNipples, type Anchors } from './support';

/** The physiology explore view, driven like a learner: the timeline, a feed, supply and demand. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openPhysiology(options: OpenOptions = {}) {
  const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', ...options });
  await gotoAtlas(atlas.page);
  await atlas.page.getByRole('button', { name: 'Physiology', exact: true }).click();
  await atlas.page.getByRole('complementary', { name: 'Explore and simulate' }).waitFor();
  return atlas;
}

const live = (page: Page) => page.locator('.physiology-view [role="status"]');
const explanation = (page: Page) => page.getByTestId('physiology-explanation');
const scrubber = (page: Page) => page.getByRole('slider', { name: "Time in the mother's life" });
const summary = (page: Page) => page.locator('.supply__summary');
const millilitres = async (page: Page) => Number(/made (\d+) mL/.exec((await summary(page).textContent()) ?? '')?.[1]);

/** Milk-white pixels round the nipples in the explore view's scene (see support.ts). */
async function milkInScene(page: Page): Promise<number> {
  const canvas = page.locator('.physiology-view canvas[data-physiology-scene="ready"]');
  await canvas.waitFor({ timeout: 60_000 });
  const anchors = JSON.parse((await canvas.getAttribute('data-anchors')) ?? '{}') as Anchors;
  return milkPixelsAtNipples(page, await canvas.screenshot(), anchors);
}

describe('physiology: explore and simulate', () => {
  it('scrubs the life timeline by keyboard and landmark; day 3 is secretory activation, in the stage text and the live region', async () => {
    const { page, context, errors } = await openPhysiology();
    const slider = scrubber(page);
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('Before pregnancy — Before pregnancy');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('combobox', { name: /Jump to/ }).selectOption('day-3');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('Day 3 after birth — Secretory activation (lactogenesis II)');
    await expect.poll(() => page.locator('.explore__now-stage').textContent()).toBe('Secretory activation (lactogenesis II)');
    await expect.poll(() => live(page).textContent()).toMatch(/^Day 3 after birth: Secretory activation \(lactogenesis II\)\./);
    await expect.poll(() => explanation(page).textContent()).toMatch(/^The placenta is out, so progesterone has fallen/);
    // Each hormone's chart is named by its glyph and name, with its level in words.
    const progesterone = page.locator('.hormone-chart', { hasText: 'Progesterone' });
    await expect.poll(() => progesterone.textContent()).toMatch(/^PgProgesterone.*now low/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('plays a feed on its compressed clock: the ejections and the flow are reported as they come', async () => {
    const { page, context, errors } = await openPhysiology({ reducedMotion: 'no-preference' });
    await page.getByRole('tab', { name: 'A feed' }).click();
    await expect.poll(() => page.locator('.explore-tabs__panel:not([hidden]) .explore__hint').textContent()).toMatch(/×15/);
    await page.getByRole('button', { name: 'Start a feed' }).click();
    await expect.poll(() => explanation(page).textContent()).toMatch(/^The baby latched/);
    await expect.poll(() => live(page).textContent(), { timeout: 60_000 }).toMatch(/Ejection 1 of \d+ \(breastfeed\): milk flowing toward the nipple\./);
    await expect.poll(() => explanation(page).textContent()).toMatch(/^Ejection 1 of \d+: oxytocin made the myoepithelial cells contract; the ducts widened and milk moved to the nipple\.$/);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with reduced motion a feed does not play: it steps through its moments to the summary', async () => {
    const { page, context } = await openPhysiology();
    await page.getByRole('tab', { name: 'A feed' }).click();
    await expect(page.getByRole('button', { name: 'Play' }).count()).resolves.toBe(0);
    // Between feeds no milk moves in the ducts.
    expect(await milkInScene(page)).toBeLessThan(3);
    await page.getByRole('button', { name: 'Baby cries' }).click();
    await expect.poll(() => explanation(page).textContent()).toMatch(/^The baby cried: oxytocin was released before any suckling/);
    const time = page.locator('.explore__feed-time');
    const before = await time.textContent();
    await page.waitForTimeout(600);
    expect(await time.textContent()).toBe(before);
    // The cry's oxytocin sets off a first ejection before the latch (this feed's seed has one).
    await page.getByRole('button', { name: 'Next moment' }).click();
    await expect.poll(() => explanation(page).textContent()).toMatch(/^Ejection 1 of \d+, before the latch: the oxytocin released by the cry/);
    await expect.poll(() => live(page).textContent()).toMatch(/Before the latch, ejection 1 of \d+ set off by the cry: milk flowing toward the nipple\./);
    // The picture agrees: milk reaches the nipple openings of both breasts.
    await expect.poll(() => milkInScene(page)).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Next moment' }).click();
    await expect.poll(() => explanation(page).textContent()).toMatch(/^The baby latched after crying/);
    await page.getByRole('button', { name: 'Next moment' }).click();
    await expect.poll(() => explanation(page).textContent()).toMatch(/^Ejection 2 of \d+: oxytocin made/);
    await page.getByRole('button', { name: 'Summary' }).click();
    await expect.poll(() => explanation(page).textContent()).toMatch(/^The feed is over\. Ejections: \d+\./);
    await expect.poll(() => live(page).textContent()).toMatch(/The breastfeed is over\./);
    await context.close();
  });

  it('supply and demand: fewer feeds a day make less milk, said in words; typed nonsense is clamped with a visible note', async () => {
    const { page, context, errors } = await openPhysiology();
    await page.getByRole('tab', { name: 'Supply and demand' }).click();
    const before = await millilitres(page);
    expect(before).toBeGreaterThan(0);
    const feeds = page.getByRole('slider', { name: 'Feeds per day' });
    await feeds.focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => feeds.getAttribute('aria-valuetext')).toBe('7 feeds a day');
    await expect.poll(() => millilitres(page)).toBeLessThan(before);
    await expect.poll(() => explanation(page).textContent()).toMatch(/^Feeding 7 times a day instead of 8 left the breasts fuller for longer, so they made less: \d+ mL a day instead of \d+\.$/);
    await expect.poll(() => page.locator('.supply__days li').first().textContent()).toMatch(/^Day 1: \d+ mL \(\d+ left, \d+ right\)$/);
    await page.getByRole('spinbutton', { name: 'Feeds per day, typed value' }).fill('40');
    await expect.poll(() => page.getByRole('list', { name: 'Values brought into range' }).textContent()).toContain('Feeds per day: 40 is above what the model allows, so 18 is used.');
    await expect.poll(() => feeds.getAttribute('aria-valuetext')).toBe('18 feeds a day');
    expect(await summary(page).textContent()).not.toMatch(/NaN/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('every control has a name and the view passes axe, in the projector theme too', async () => {
    const { page, context } = await openPhysiology({ storage: { 'atlas.settings': JSON.stringify({ schemaVersion: 1, language: 'en', theme: 'projector' }) } });
    for (const tab of ['Timeline', 'A feed', 'Supply and demand']) {
      await page.getByRole('tab', { name: tab }).click();
      const result = await new AxeBuilder({ page }).include('.physiology-view .explore').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    }
    // The tabs move with the arrow keys.
    await page.getByRole('tab', { name: 'Supply and demand' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('Timeline');
    // The panel folds away to give the scene the whole width, and comes back.
    const toggle = page.getByRole('button', { name: 'Explore panel' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.getByRole('complementary', { name: 'Explore and simulate' }).count()).toBe(0);
    await toggle.click();
    await page.getByRole('complementary', { name: 'Explore and simulate' }).waitFor();
    await context.close();
  });
});
