import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';

/**
 * A lesson's handout made like a teacher would: from the lesson's card, pictures drawn one by one
 * under a progress bar, then printed. The print itself is Chromium's PDF of the page in print media
 * (window.print is stubbed, so no dialog blocks the test), read back with unpdf.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SHOTS = `${process.cwd()}/.scratch/shots`;

interface Language {
  locale: string;
  lessons: string;
  title: string;
  button: string;
  layer: string;
  preparing: RegExp;
  ready: string;
  printed: RegExp;
  stepTitle: string;
  answerKey: string;
  steps: number;
}

const ENGLISH: Language = {
  locale: 'en-GB',
  lessons: 'Lessons',
  title: 'The tree of milk',
  button: 'Handout (PDF): The tree of milk',
  layer: 'Handout: The tree of milk',
  preparing: /^Preparing picture [1-8] of 8$/,
  ready: 'The handout is ready.',
  printed: /went to the print dialog/,
  stepTitle: 'No lakes of milk behind the nipple',
  answerKey: 'Answer key',
  steps: 8,
};

const FRENCH: Language = {
  locale: 'fr-FR',
  lessons: 'Leçons',
  title: 'L’arbre à lait',
  button: 'Fiche (PDF)\u00a0: L’arbre à lait',
  layer: 'Fiche\u00a0: L’arbre à lait',
  preparing: /^Préparation de l’image [1-8] sur 8$/,
  ready: 'La fiche est prête.',
  printed: /envoyée à la fenêtre d’impression/,
  stepTitle: 'Pas de lacs de lait derrière le mamelon',
  answerKey: 'Corrigé',
  steps: 8,
};

async function openHandout(language: Language): Promise<{ page: Page; layer: Locator; foreignRequests: string[]; errors: string[] }> {
  const atlas = await openAtlas(browser, { viewport: { width: 1000, height: 700 }, reducedMotion: 'reduce', locale: language.locale });
  // The browser preview prints with window.print; counted here instead of opening a dialog.
  await atlas.page.addInitScript(() => {
    let calls = 0;
    window.print = () => {
      calls += 1;
    };
    Object.defineProperty(window, 'printCalls', { get: () => calls });
  });
  await gotoAtlas(atlas.page);
  const { page } = atlas;
  await page.getByRole('button', { name: language.lessons, exact: true }).click();
  const library = page.getByRole('dialog', { name: language.lessons });
  const button = library.getByRole('button', { name: language.button });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  const layer = page.getByRole('dialog', { name: language.layer });
  await layer.waitFor();
  return { page, layer, foreignRequests: atlas.foreignRequests, errors: atlas.errors };
}

const printCalls = (page: Page) => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);

/** Spread of brightness in a picture (0 for a blank one) and its size, decoded in the page. */
function pictureStats(page: Page, index: number): Promise<{ width: number; height: number; spread: number; source: string }> {
  return page.evaluate(async (i) => {
    const image = document.querySelectorAll<HTMLImageElement>('.handout__picture')[i];
    if (!image) throw new Error(`no picture ${i}`);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D context');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    let squares = 0;
    const count = data.length / 4;
    for (let p = 0; p < data.length; p += 4) {
      const light = 0.2126 * data[p]! + 0.7152 * data[p + 1]! + 0.0722 * data[p + 2]!;
      sum += light;
      squares += light * light;
    }
    const mean = sum / count;
    return { width: image.naturalWidth, height: image.naturalHeight, spread: Math.sqrt(squares / count - mean * mean), source: image.src };
  }, index);
}

async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('.handout-layer').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function pdfText(page: Page): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('a lesson handout', () => {
  it('pictures each step under a progress bar, then prints the lesson, its sources and its answer key (English)', async () => {
    const { page, layer, foreignRequests, errors } = await openHandout(ENGLISH);

    // While the pictures are drawn: a labelled progress bar in a polite status region, and a way out.
    const progress = layer.getByRole('progressbar');
    await expect.poll(async () => (await layer.getByRole('status').textContent()) ?? '').toMatch(ENGLISH.preparing);
    expect(await progress.getAttribute('max')).toBe('8');
    expect(await layer.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    expect(await axeProblems(page)).toEqual([]);

    await layer.getByText(ENGLISH.ready).waitFor({ timeout: 140_000 });
    await expect.poll(() => printCalls(page)).toBe(1);
    await expect.poll(async () => (await layer.getByRole('status').textContent()) ?? '').toMatch(ENGLISH.printed);

    // One picture per step, drawn (not blank) and each its own scene.
    expect(await page.locator('.handout__picture').count()).toBe(ENGLISH.steps);
    const first = await pictureStats(page, 0);
    const inside = await pictureStats(page, 6);
    expect(first.width).toBeGreaterThan(300);
    expect(first.spread).toBeGreaterThan(8);
    expect(inside.spread).toBeGreaterThan(8);
    expect(inside.source).not.toBe(first.source);
    expect(await layer.getByRole('img', { name: `The 3D view at the end of step 4, “${ENGLISH.stepTitle}”` }).count()).toBe(1);

    expect(await axeProblems(page)).toEqual([]);
    await layer.getByRole('button', { name: 'Print or save as PDF' }).click();
    await expect.poll(() => printCalls(page)).toBe(2);

    // Print media: only the handout, one step a page.
    const { pages, text } = await pdfText(page);
    await page.locator('.handout__step').nth(6).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/handout-print-en.png` });
    expect(pages).toBeGreaterThanOrEqual(ENGLISH.steps + 1);
    expect(text).toContain(ENGLISH.title);
    expect(text).toContain(ENGLISH.stepTitle);
    expect(text).toContain('Ramsay DT');
    expect(text).toContain(ENGLISH.answerKey);
    expect(text).toContain('Key terms');
    expect(text).not.toContain('Print or save as PDF');
    await page.emulateMedia({ media: 'screen' });

    // Closing gives the app back.
    await layer.getByRole('button', { name: 'Close the handout' }).click();
    await layer.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: ENGLISH.lessons, exact: true }).click();
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is made in French from the French lesson', async () => {
    const { page, layer, errors } = await openHandout(FRENCH);
    await expect.poll(async () => (await layer.getByRole('status').textContent()) ?? '').toMatch(FRENCH.preparing);
    await layer.getByText(FRENCH.ready).waitFor({ timeout: 140_000 });
    await expect.poll(async () => (await layer.getByRole('status').textContent()) ?? '').toMatch(FRENCH.printed);
    await page.screenshot({ path: `${SHOTS}/handout-screen-fr.png` });
    const { pages, text } = await pdfText(page);
    expect(pages).toBeGreaterThanOrEqual(FRENCH.steps + 1);
    expect(text).toContain(FRENCH.title);
    expect(text).toContain(FRENCH.stepTitle);
    expect(text).toContain('Ramsay DT');
    expect(text).toContain(FRENCH.answerKey);
    expect(text).toContain('Termes clés');
    expect(errors).toEqual([]);
  });

  it('can be cancelled while its pictures are drawn', async () => {
    const { page, layer } = await openHandout(ENGLISH);
    await expect.poll(async () => (await layer.getByRole('status').textContent()) ?? '').toMatch(ENGLISH.preparing);
    await page.keyboard.press('Escape');
    await layer.waitFor({ state: 'detached' });
    expect(await page.locator('.handout-stage').count()).toBe(0);
    expect(await printCalls(page)).toBe(0);
    // The app is usable again.
    await page.getByRole('button', { name: ENGLISH.lessons, exact: true }).click();
    await page.getByRole('dialog', { name: ENGLISH.lessons }).waitFor();
  });
});
