import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';

/** The 3D gland driven as a learner would: the structure list, search, layers, the cut and the tree view. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

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
});
