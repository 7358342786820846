import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';

/** The glossary: from the header, the info panel and the lesson transcript, driven like a learner. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open() {
  const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce' });
  await gotoAtlas(atlas.page);
  await atlas.page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
  return atlas;
}

/** The text of the element that has the focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
/** The glossary entry whose heading has the focus ('' when the focus is elsewhere, e.g. still on the link just clicked). */
const focusedEntry = (page: Page) => page.evaluate(() => (document.activeElement?.tagName === 'H3' ? (document.activeElement.textContent ?? '') : ''));

describe('the glossary', () => {
  it('searches in French without accents, follows "see also" and shows a structure in 3D', async () => {
    const { page, context, errors } = await open();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Glossaire' }).click();
    const glossary = page.getByRole('dialog', { name: 'Glossaire' });
    await glossary.getByRole('status').filter({ hasText: /termes, par ordre alphabétique/ }).waitFor();
    const all = await glossary.getByRole('article').count();
    expect(all).toBeGreaterThanOrEqual(50);
    // Alphabetical in French: "Activation sécrétoire" comes before "Adrénaline", "Œstrogènes" among the O.
    const headings = await glossary.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings.indexOf('Activation sécrétoire')).toBeLessThan(headings.indexOf('Adrénaline'));
    expect(headings.indexOf('Ocytocine')).toBeLessThan(headings.indexOf('Œstrogènes'));

    await glossary.getByRole('searchbox', { name: 'Chercher dans le glossaire' }).fill('myoépith');
    const entry = glossary.getByRole('article', { name: 'Cellule myoépithéliale' });
    await entry.waitFor();
    expect(await glossary.getByRole('article').count()).toBeLessThan(all);
    expect(await glossary.getByRole('article', { name: 'Prolactine' }).count()).toBe(0);
    // Without its accents, the same entry.
    await glossary.getByRole('searchbox').fill('MYOEPITH');
    await entry.waitFor();

    // "See also" moves to the other entry, even though the search hid it.
    await entry.getByRole('button', { name: 'Ocytocine' }).click();
    await expect.poll(() => focusedEntry(page)).toBe('Ocytocine');
    await expect.poll(() => glossary.getByRole('searchbox').inputValue()).toBe('');
    await glossary.getByRole('article', { name: 'Ocytocine' }).getByRole('button', { name: 'Cellule myoépithéliale' }).click();
    await expect.poll(() => focusedEntry(page)).toBe('Cellule myoépithéliale');

    // "Show in 3D" opens an alveolus and selects its myoepithelial cells.
    await glossary.getByRole('article', { name: 'Cellule myoépithéliale' }).getByRole('button', { name: 'Montrer en 3D' }).click();
    await expect.poll(() => glossary.isVisible()).toBe(false);
    await page.getByRole('complementary', { name: 'Cellules myoépithéliales' }).waitFor();
    await expect.poll(() => page.locator('canvas').first().getAttribute('data-scale')).toBe('alveolus');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens from the info panel: the structure’s own entry and the glossary words of its text', async () => {
    const { page, context, errors } = await open();
    await page.getByRole('treeitem', { name: 'Nipple' }).click();
    const info = page.getByRole('complementary', { name: 'Nipple' });
    await info.getByRole('button', { name: 'Glossary: Nipple' }).click();
    const glossary = page.getByRole('dialog', { name: 'Glossary' });
    await expect.poll(() => focused(page)).toBe('Nipple');
    await glossary.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => glossary.isVisible()).toBe(false);

    // A word of the description: "let-down" opens the entry it is another name of.
    await info.getByRole('button', { name: /^let-down: open “Milk ejection reflex” in the glossary$/ }).click();
    await expect.poll(() => focused(page)).toBe('Milk ejection reflex');
    // Each glossary word is linked once in the panel.
    await page.keyboard.press('Escape');
    const words = await info.getByRole('button', { name: /in the glossary$/ }).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
    expect(new Set(words).size).toBe(words.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens from a word of the lesson transcript, while the sentence still seeks', async () => {
    const { page, context, errors } = await open();
    await page.getByRole('button', { name: 'Lessons' }).click();
    const library = page.getByRole('dialog', { name: 'Lessons' });
    await library.getByRole('heading', { name: 'The tree of milk' }).waitFor();
    await library.getByRole('button', { name: /^Start/ }).first().click();
    const player = page.getByRole('region', { name: 'Lesson: The tree of milk' });
    await player.getByRole('combobox', { name: 'Voice', exact: true }).selectOption('reading');
    const transcript = page.getByRole('complementary', { name: 'The tree of milk' });
    const word = transcript.getByRole('button', { name: /^main ducts: open “Lactiferous duct” in the glossary$/ });
    expect(await word.count()).toBeGreaterThan(0);
    await word.first().click();
    const glossary = page.getByRole('dialog', { name: 'Glossary' });
    await expect.poll(() => focused(page)).toBe('Lactiferous duct');
    expect(await glossary.getByRole('article', { name: 'Lactiferous duct' }).getAttribute('class')).toMatch(/--target/);
    // During a lesson the gland is the lesson's: no "Show in 3D".
    expect(await glossary.getByRole('button', { name: 'Show in 3D' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => glossary.isVisible()).toBe(false);
    // The sentence around a glossary word keeps its seek button, named by the whole sentence.
    const sentence = transcript.locator('.transcript__sentence--linked').first();
    expect(await sentence.getByRole('button').first().getAttribute('aria-label')).toMatch(/^\d+:\d\d /);
    expect(errors).toEqual([]);
    await context.close();
  });
});
