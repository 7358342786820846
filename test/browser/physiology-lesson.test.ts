import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';
import { milkPixelsAtNipples, type Anchors } from './support';

/**
 * A lesson whose cues drive the body map: the player shows the physiology scene instead of the
 * gland while the lesson's scene asks for it, the let-down cue ejects milk at its word, and
 * `physiology: off` brings the gland back. The lesson is served in place of the project's files.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const lesson = (language: 'en' | 'fr', title: string, steps: string) =>
  `---\nid: let-down-test\nlanguage: ${language}\ntitle: ${title}\nsummary: ${language === 'en' ? 'A lesson for a test.' : 'Une leçon pour un test.'}\nlevel: introductory\nduration: 1 min\norder: 9\nsources: [gardner-2015-ejection]\n---\n\n${steps}`;

const ENGLISH = lesson(
  'en',
  'Let-down test',
  [
    '## The reflex',
    '',
    '```scene',
    'stage: established-lactation',
    '```',
    '',
    'The baby latches on {feed breastfeed} and suckles at the breast for a while now.',
    'Then comes an ejection {let-down} and the ducts widen while milk moves toward the openings of both nipples, and it keeps moving for a few more seconds.',
    '',
    '## Back to the gland',
    '',
    '```scene',
    'physiology: off',
    '```',
    '',
    'The gland returns to the screen.',
    '',
  ].join('\n'),
);

const FRENCH = lesson(
  'fr',
  'Test du réflexe',
  [
    '## Le réflexe',
    '',
    '```scene',
    'stage: established-lactation',
    '```',
    '',
    'Le bébé prend le sein {feed breastfeed} et tète un moment.',
    'Vient une éjection {let-down} et les canaux s’élargissent pendant que le lait avance vers les pores des deux mamelons, encore quelques secondes.',
    '',
    '## Retour à la glande',
    '',
    '```scene',
    'physiology: off',
    '```',
    '',
    'La glande revient à l’écran.',
    '',
  ].join('\n'),
);

async function openWithLesson() {
  const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce' });
  const { page } = atlas;
  await page.route('**/api/list/content', (route) =>
    route.fulfill({ json: { root: 'content', entries: ['lessons/en/let-down-test.md', 'lessons/fr/let-down-test.md', 'references.yaml'].map((path) => ({ path, bytes: 1 })) } }),
  );
  await page.route('**/content/lessons/en/let-down-test.md', (route) => route.fulfill({ body: ENGLISH }));
  await page.route('**/content/lessons/fr/let-down-test.md', (route) => route.fulfill({ body: FRENCH }));
  await gotoAtlas(page);
  await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
  await page.getByRole('button', { name: 'Lessons' }).click();
  const library = page.getByRole('dialog', { name: 'Lessons' });
  await library.getByRole('button', { name: /^Start/ }).click();
  const player = page.getByRole('region', { name: 'Lesson: Let-down test' });
  await player.getByRole('combobox', { name: 'Voice', exact: true }).selectOption('reading');
  return { ...atlas, player };
}

const position = (page: Page) => page.getByRole('slider', { name: 'Position in the lesson' }).inputValue().then(Number);

async function milkNow(page: Page): Promise<number> {
  const canvas = page.locator('.lesson-physiology canvas[data-physiology-scene="ready"]');
  await canvas.waitFor();
  const anchors = JSON.parse((await canvas.getAttribute('data-anchors')) ?? '{}') as Anchors;
  return milkPixelsAtNipples(page, await canvas.screenshot(), anchors);
}

describe('a lesson on the body map', () => {
  it('shows the body map, ejects milk at the let-down cue, and returns to the gland', async () => {
    const { page, context, errors, player } = await openWithLesson();
    // The first step's scene asks for the physiology: the gland's view is hidden, not gone.
    await page.locator('.lesson-physiology canvas[data-physiology-scene="ready"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.app__scene-slot').isHidden()).toBe(true);

    // Go to the let-down sentence: before its cue, the baby suckles and no milk has been ejected.
    const transcript = page.getByRole('complementary', { name: 'Let-down test' });
    await transcript.getByRole('listitem').first().getByRole('button').nth(1).click();
    await expect.poll(() => page.locator('.lesson-player__caption').textContent()).toMatch(/^Then comes an ejection/);
    const sentenceStart = await position(page);
    expect(await milkNow(page)).toBeLessThan(3);

    // Seek past the cue (fifth word) into the ejection (about 6.7 s of lesson time): paused there,
    // the picture is the same however slowly this machine draws.
    await page.getByRole('slider', { name: 'Position in the lesson' }).fill((sentenceStart + 4.5).toFixed(1));
    await expect.poll(() => position(page)).toBeCloseTo(sentenceStart + 4.5, 0);
    await expect.poll(() => milkNow(page)).toBeGreaterThan(20);

    // The next step turns the physiology off: the gland is back.
    await player.getByRole('button', { name: 'Next step' }).click();
    await page.locator('.lesson-physiology').waitFor({ state: 'detached' });
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
    expect(await page.locator('.app__scene-slot').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
