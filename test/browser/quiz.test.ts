import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';

/** A lesson's self-check taken like a learner: from the library, one question at a time, to the score. */
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

async function openLibrary(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Lessons' }).click();
  const library = page.getByRole('dialog', { name: 'Lessons' });
  await library.getByRole('heading', { name: 'The tree of milk' }).waitFor();
  return library;
}

/** The card of "The tree of milk" in the library. */
const treeCard = (library: Locator) => library.getByRole('listitem').filter({ has: library.page().getByRole('heading', { name: 'The tree of milk' }) });

async function startSelfCheck(page: Page): Promise<Locator> {
  const library = await openLibrary(page);
  await library.getByRole('button', { name: 'Self-check: The tree of milk' }).click();
  const quiz = page.getByRole('dialog', { name: 'Self-check: The tree of milk' });
  await quiz.getByText('Question 1 of 8').waitFor();
  return quiz;
}

/** Serious accessibility problems (unnamed controls, bad ARIA…) in the self-check dialog. */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('.self-check').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function checkAndGoOn(quiz: Locator, verdict: 'Right.' | 'Not quite.') {
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect.poll(() => quiz.locator('.self-check__verdict').textContent()).toContain(verdict);
  await quiz.getByRole('button', { name: /^(Next question|See my score)$/ }).click();
}

describe('the self-check', () => {
  it('is taken from the library: feedback with the explanation and the step, the score, the missed questions again, the best score kept', async () => {
    const { page, context, errors } = await open();
    const library = await openLibrary(page);
    await expect.poll(() => treeCard(library).textContent()).toContain('Self-check not taken yet');
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: 'Close' }).click();
    const quiz = await startSelfCheck(page);

    // 1. True or false, answered wrong: the verdict in words, the explanation, the step that teaches it.
    await quiz.getByRole('radio', { name: 'True' }).check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => quiz.locator('.self-check__verdict').textContent()).toContain('Not quite.');
    await expect.poll(() => quiz.textContent()).toContain('Breast size therefore says little');
    await quiz.getByRole('button', { name: 'Go to step 1: A tree hidden in the breast' }).waitFor();
    expect(await quiz.getByRole('radio', { name: 'True' }).isDisabled()).toBe(true);
    // The live region says it too.
    await expect.poll(() => quiz.getByRole('status').textContent()).toMatch(/^Not quite\. Fat lies around the gland/);
    expect(await axeProblems(page)).toEqual([]);
    await quiz.getByRole('button', { name: 'Next question' }).click();

    // 2 and 3. Choices.
    await quiz.getByText('Question 2 of 8').waitFor();
    await quiz.getByRole('radio', { name: 'Several ducts can join and share a single opening' }).check();
    await checkAndGoOn(quiz, 'Right.');
    await quiz.getByRole('radio', { name: /^About nine narrow ducts/ }).check();
    await checkAndGoOn(quiz, 'Right.');

    // 4. Pick the structure in the 3D view: the dialog steps aside, a main duct is selected in the tree.
    await quiz.getByText('Question 4 of 8').waitFor();
    await quiz.getByRole('button', { name: 'Choose in the 3D view' }).click();
    const pick = page.getByRole('region', { name: 'Self-check: choose in the 3D view' });
    await pick.waitFor();
    await page.getByRole('treeitem', { name: 'Duct 3' }).click();
    await expect.poll(() => pick.textContent()).toContain('Selected: Duct 3');
    await pick.getByRole('button', { name: 'Use this selection' }).click();
    await expect.poll(() => quiz.textContent()).toContain('Your choice: Duct 3');
    await checkAndGoOn(quiz, 'Right.');

    // 5, 6 and 7.
    await quiz.getByText('Question 5 of 8').waitFor();
    await quiz.getByRole('radio', { name: 'False' }).check();
    await checkAndGoOn(quiz, 'Right.');
    await quiz.getByText('Question 6 of 8').waitFor();
    await quiz.getByRole('radio', { name: 'False' }).check();
    await checkAndGoOn(quiz, 'Right.');
    await quiz.getByRole('radio', { name: /^Myoepithelial cells around the alveolus contract/ }).check();
    await checkAndGoOn(quiz, 'Right.');

    // 8. Put in order with the keyboard: the items start shuffled; Move up until each is in place.
    await quiz.getByText('Question 8 of 8').waitFor();
    const right = ['The alveolus', 'The small ductules', 'Wider and wider branches', 'One of the main ducts', 'An opening on the tip'];
    const items = quiz.locator('.self-check__order-text');
    const shuffled = await items.allTextContents();
    expect(shuffled.map((text) => right.findIndex((start) => text.startsWith(start)))).not.toEqual([0, 1, 2, 3, 4]);
    expect(await axeProblems(page)).toEqual([]);
    for (let place = 0; place < right.length; place++) {
      const now = await items.allTextContents();
      const from = now.findIndex((text) => text.startsWith(right[place]!));
      for (let i = from; i > place; i--) {
        const moveUp = quiz.getByRole('button', { name: `Move up: ${now[from]}` });
        await moveUp.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => items.nth(i - 1).textContent()).toBe(now[from]);
      }
    }
    expect((await items.allTextContents()).map((text) => right.findIndex((start) => text.startsWith(start)))).toEqual([0, 1, 2, 3, 4]);
    await checkAndGoOn(quiz, 'Right.');

    // The score, then only the missed question again.
    await expect.poll(() => quiz.locator('.self-check__score').textContent()).toBe('Your score: 7 of 8');
    await expect.poll(() => quiz.textContent()).toContain('Your best score for this lesson: 88%');
    await quiz.getByRole('button', { name: 'Retry the missed questions' }).click();
    await quiz.getByText('Question 1 of 1').waitFor();
    await expect.poll(() => quiz.locator('.self-check__prompt').textContent()).toMatch(/^A woman with larger breasts/);
    await quiz.getByRole('radio', { name: 'False' }).check();
    await checkAndGoOn(quiz, 'Right.');
    await expect.poll(() => quiz.locator('.self-check__score').textContent()).toBe('Your score: 8 of 8');
    await quiz.getByRole('button', { name: 'Retry all' }).waitFor();
    expect(await quiz.getByRole('button', { name: 'Retry the missed questions' }).count()).toBe(0);
    await quiz.getByRole('button', { name: 'Close' }).click();

    // Saved: the card shows the best score after a reload.
    await expect
      .poll(() => page.evaluate(() => (JSON.parse(localStorage.getItem('atlas.progress') ?? '{}') as { lessons?: Record<string, { bestQuizScore: number | null }> }).lessons?.['tree-of-milk']?.bestQuizScore))
      .toBe(1);
    await page.reload();
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
    const again = await openLibrary(page);
    await expect.poll(() => treeCard(again).textContent()).toContain('Best self-check score: 100%');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes to the step that teaches a question', async () => {
    const { page, context, errors } = await open();
    const quiz = await startSelfCheck(page);
    await quiz.getByRole('radio', { name: 'False' }).check();
    await checkAndGoOn(quiz, 'Right.');
    await quiz.getByRole('radio', { name: 'Some ducts close off after the first weeks of breastfeeding' }).check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await quiz.getByRole('button', { name: 'Go to step 2: The trunk: the nipple and its openings' }).click();
    await expect.poll(() => quiz.isVisible()).toBe(false);
    const player = page.getByRole('region', { name: 'Lesson: The tree of milk' });
    const position = player.getByRole('slider', { name: 'Position in the lesson' });
    await expect.poll(async () => (await position.getAttribute('aria-valuetext')) ?? '').toMatch(/step 2 of 8/);
    // At the end of the lesson the player offers the self-check again.
    expect(await player.getByRole('button', { name: 'Take the self-check' }).count()).toBe(0);
    // Seek to the lesson's last sentence from the transcript and let the silent reading clock play it out.
    await player.getByRole('combobox', { name: 'Voice', exact: true }).selectOption('reading');
    await page.locator('.transcript button.transcript__sentence, .transcript .transcript__seek').last().click();
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await player.getByRole('button', { name: 'Take the self-check' }).click({ timeout: 60_000 });
    const again = page.getByRole('dialog', { name: 'Self-check: The tree of milk' });
    await again.getByText('Question 1 of 8').waitFor();
    expect(await player.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
