import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';

/** The 3D gland driven as a learner would: the structure list, search, layers, the cut and the tree view. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Where a 3D label points, in page pixels: each label is drawn at the projection of its anchor. */
async function labelPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const label = page.locator('.scene-label').filter({ has: page.locator('.scene-label__text', { hasText: new RegExp(`^${text}$`) }) });
  await expect.poll(() => label.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
  return label.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { x: box.left, y: box.top };
  });
}

async function open() {
  const atlas = await openAtlas(browser, { viewport: { width: 1100, height: 700 }, reducedMotion: 'reduce' });
  await gotoAtlas(atlas.page);
  await atlas.page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
  return atlas;
}

describe('the gland', () => {
  it('lists about nine main ducts, walks the structure tree by keyboard and explains what is selected', async () => {
    const { page, context, errors } = await open();
    const tree = page.getByRole('tree', { name: 'Structures' });
    const mainDucts = await tree.getByRole('treeitem', { name: /^Duct \d+$/ }).count();
    expect(mainDucts).toBe(9);

    await tree.getByRole('treeitem', { name: 'Breast' }).focus();
    await page.keyboard.press('ArrowDown'); // Skin
    await page.keyboard.press('ArrowDown'); // Nipple
    await page.keyboard.press('ArrowDown'); // Areola
    await page.keyboard.press('ArrowDown'); // Duct 1
    const info = page.getByRole('complementary', { name: 'Duct 1' });
    await info.getByText('Milk duct', { exact: false }).first().waitFor();
    expect(await info.getByText(/lactiferous sinuses/).count()).toBeGreaterThan(0);
    expect(await info.getByRole('heading', { name: 'Sources' }).count()).toBe(1);

    await page.keyboard.press('ArrowRight'); // open Duct 1
    await page.keyboard.press('ArrowRight'); // first branch
    const selected = tree.locator('[aria-selected="true"]');
    await expect.poll(() => selected.textContent()).toMatch(/Branch 1\.1/);
    await page.getByRole('complementary', { name: /Branch 1\.1/ }).getByRole('navigation', { name: 'Where it sits' }).getByRole('button', { name: 'Breast' }).waitFor();
    await page.keyboard.press('ArrowLeft'); // back to the parent
    await expect.poll(() => selected.textContent()).toMatch(/Duct 1$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a structure by name, and says so when nothing matches', async () => {
    const { page, context } = await open();
    const search = page.getByRole('combobox', { name: 'Find a structure' });
    await search.fill('Pectoralis major');
    await search.press('Enter');
    await page.getByRole('complementary', { name: 'Pectoralis major' }).waitFor();
    await search.fill('lactiferous sinus');
    await search.press('Enter');
    await page.getByText('No structure is called “lactiferous sinus”.').waitFor();
    await context.close();
  });

  it('shows the info panel in French, from the French content files', async () => {
    const { page, context } = await open();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('treeitem', { name: 'Mamelon' }).click();
    const info = page.getByRole('complementary', { name: 'Mamelon' });
    await info.getByRole('heading', { name: 'Sources' }).waitFor();
    expect(await info.getByText(/Tronc/).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('hides and shows layers, and cuts the breast with a movable section', async () => {
    const { page, context } = await open();
    const ducts = page.getByRole('checkbox', { name: 'Milk ducts' });
    await ducts.uncheck();
    expect(await ducts.isChecked()).toBe(false);
    await ducts.check();
    const slider = page.getByRole('slider', { name: 'Cut position, medial to lateral' });
    expect(await slider.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Cross-section' }).check();
    expect(await slider.isDisabled()).toBe(false);
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await slider.getAttribute('aria-valuetext')).toBe('48 % from the medial edge');
    await context.close();
  });

  it('turns the gland into a tree and back, with the labels following', async () => {
    const { page, context } = await open();
    const treeButton = page.getByRole('button', { name: 'Tree view' });
    await page.getByText('Nipple', { exact: true }).first().waitFor();
    await treeButton.click();
    await page.locator('canvas[data-layout="tree"]').waitFor({ timeout: 120_000 });
    expect(await treeButton.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.scene-label__text').allTextContents()).toEqual(['Trunk', 'Branches', 'Leaves']);
    await treeButton.click();
    await page.locator('canvas[data-layout="anatomy"]').waitFor({ timeout: 120_000 });
    expect(await page.locator('.scene-label__text').allTextContents()).toEqual(['Nipple', 'Milk ducts', 'Alveoli']);
    await context.close();
  });

  it('names what is under the pointer and selects it with a click', async () => {
    const { page, context, errors } = await open();
    const nipple = await labelPoint(page, 'Nipple');
    await page.mouse.move(nipple.x, nipple.y);
    const tip = page.locator('.scene-hover-tip');
    await expect.poll(() => tip.textContent()).toBe('Nipple');
    await page.mouse.click(nipple.x, nipple.y);
    await page.getByRole('complementary', { name: 'Nipple' }).getByRole('heading', { name: 'Sources' }).waitFor();
    await page.mouse.move(5, 300);
    await expect.poll(() => tip.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('flies into a lobule, opens one of its alveoli, and climbs back out', async () => {
    const { page, context, errors } = await open();
    const lobuleName = await page.evaluate(() => [...document.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('Lobule ')));
    expect(lobuleName).toBeTruthy();
    const search = page.getByRole('combobox', { name: 'Find a structure' });
    await search.fill(lobuleName!);
    await search.press('Enter');
    await page.locator('canvas[data-scale="lobule"]').waitFor({ timeout: 120_000 });
    const whereItSits = page.getByRole('complementary', { name: lobuleName! }).getByRole('navigation', { name: 'Where it sits' });
    const steps = await whereItSits.getByRole('listitem').allTextContents();
    expect(steps[0]).toBe('Breast');
    expect(steps[1]).toMatch(/^Duct \d$/);
    expect(steps.at(-1)).toBe(lobuleName);
    expect(await page.locator('.scene-label__text').allTextContents()).toEqual(['Terminal duct', 'Alveoli', 'Capillaries']);
    expect(await page.getByRole('button', { name: 'Tree view' }).isDisabled()).toBe(true);

    // Point at an alveolus and open it.
    const alveoli = await labelPoint(page, 'Alveoli');
    await page.mouse.move(alveoli.x, alveoli.y);
    const tip = page.locator('.scene-hover-tip');
    await expect.poll(() => tip.textContent()).toMatch(/^Alveolus [\d.]+$/);
    const alveolusName = (await tip.textContent())!;
    await page.mouse.click(alveoli.x, alveoli.y);
    await page.locator('canvas[data-scale="alveolus"]').waitFor({ timeout: 120_000 });
    await page.getByRole('complementary', { name: alveolusName }).getByText(/lactocytes/).first().waitFor();
    expect(await page.locator('.scene-label__text').allTextContents()).toEqual(['Lactocytes', 'Myoepithelial cells', 'Capillaries', 'Milk in the lumen']);

    // Its parts explain themselves.
    const milk = await labelPoint(page, 'Milk in the lumen');
    await page.mouse.click(milk.x, milk.y);
    const milkPanel = page.getByRole('complementary', { name: 'Milk in the lumen' });
    await milkPanel.getByText(/no sinuses/).waitFor();
    expect(await milkPanel.getByRole('navigation', { name: 'Where it sits' }).getByRole('button', { name: alveolusName }).count()).toBe(1);

    // Esc climbs one level at a time; with the info panel closed, the zoom trail jumps straight back to the breast.
    await page.keyboard.press('Escape');
    await page.getByRole('complementary', { name: alveolusName }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('canvas[data-scale="lobule"]').waitFor();
    await page.getByRole('complementary', { name: lobuleName! }).getByRole('button', { name: 'Close' }).click();
    const trail = page.getByRole('navigation', { name: 'Zoom level' });
    expect(await trail.getByRole('listitem').allTextContents()).toEqual(['Breast', steps[1], lobuleName]);
    expect(await page.locator('canvas[data-scale="lobule"]').count()).toBe(1);
    await trail.getByRole('button', { name: 'Breast' }).click();
    await page.locator('canvas[data-scale="breast"]').waitFor();
    await page.getByRole('complementary', { name: 'Breast' }).waitFor();
    expect(await page.locator('.scene-label__text').allTextContents()).toEqual(['Nipple', 'Milk ducts', 'Alveoli']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reaches the close-ups and their parts with the keyboard alone', async () => {
    const { page, context, errors } = await open();
    const lobuleName = await page.evaluate(() => [...document.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('Lobule ')));
    await page.getByRole('combobox', { name: 'Find a structure' }).focus();
    await page.keyboard.type(lobuleName!);
    await page.keyboard.press('Enter');
    await page.locator('canvas[data-scale="lobule"]').waitFor({ timeout: 120_000 });
    const controls = page.getByRole('group', { name: 'In this close-up' });
    await controls.getByRole('button', { name: 'Open an alveolus' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('canvas[data-scale="alveolus"]').waitFor({ timeout: 120_000 });
    const lactocytes = controls.getByRole('button', { name: 'Lactocytes' });
    await lactocytes.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Lactocytes' }).getByText(/single layer/).first().waitFor();
    expect(await lactocytes.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('application', { name: '3D view of the lactating breast' }).focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('canvas[data-scale="breast"]').waitFor();
    // Back on the gland with the lobule still selected, and the layers back in the panel.
    await page.getByRole('complementary', { name: lobuleName! }).waitFor();
    await page.getByRole('checkbox', { name: 'Milk ducts' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with full motion, glides to the lobule before opening its close-up', async () => {
    const { page, context, errors } = await openAtlas(browser, { viewport: { width: 1100, height: 700 }, reducedMotion: 'no-preference' });
    await gotoAtlas(page);
    const lobuleName = await page.evaluate(() => [...document.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('Lobule ')));
    const search = page.getByRole('combobox', { name: 'Find a structure' });
    await search.fill(lobuleName!);
    await search.press('Enter');
    // The flight takes several frames: at first the gland is still shown, with the lobule selected.
    expect(await page.locator('canvas').getAttribute('data-scale')).toBe('breast');
    await page.getByRole('complementary', { name: lobuleName! }).waitFor();
    await page.locator('canvas[data-scale="lobule"]').waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
