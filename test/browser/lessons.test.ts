import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';

/** The lesson library and player, driven like a learner with the silent reading clock. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(options: Parameters<typeof openAtlas>[1] = {}) {
  const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce', ...options });
  await gotoAtlas(atlas.page);
  await atlas.page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
  return atlas;
}

async function startFirstLesson(page: Page, button: RegExp = /^Start: The tree of milk$/) {
  await page.getByRole('button', { name: 'Lessons' }).click();
  const library = page.getByRole('dialog', { name: 'Lessons' });
  await library.getByRole('heading', { name: 'The tree of milk' }).waitFor();
  await library.getByRole('button', { name: button }).click();
  const player = page.getByRole('region', { name: 'Lesson: The tree of milk' });
  // The silent reading clock: what tests use (recordings are tried in their own test).
  await player.getByRole('combobox', { name: 'Voice', exact: true }).selectOption('reading');
  return player;
}

const seekValue = (page: Page) => page.getByRole('slider', { name: 'Position in the lesson' }).inputValue().then(Number);

describe('lessons', () => {
  it('plays a lesson: the cues change the scene at their words, captions follow the transcript', async () => {
    const { page, context, errors } = await open();
    const player = await startFirstLesson(page);
    await player.getByRole('combobox', { name: 'Speed' }).selectOption('1.5');
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    // "Take away the skin and the fat {hide skin fat}": the fat layer goes.
    const fat = page.getByRole('checkbox', { name: 'Fat' });
    expect(await fat.isChecked()).toBe(true);
    await expect.poll(() => fat.isChecked(), { timeout: 30_000 }).toBe(false);
    // The caption is the sentence the transcript marks as current.
    const caption = page.locator('.lesson-player__caption');
    const current = page.locator('.transcript__sentence[aria-current="true"]');
    await expect.poll(async () => (await caption.textContent()) === (await current.textContent()) && (await caption.textContent()) !== null).toBe(true);
    // "Now straighten the gland up {morph tree}": the gland becomes a tree, later in the same step.
    await page.locator('canvas[data-layout="tree"]').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves between steps from the keyboard and seeks from the transcript', async () => {
    const { page, context } = await open();
    const player = await startFirstLesson(page);
    await player.getByRole('button', { name: 'Play', exact: true }).focus();
    await page.keyboard.press('Tab'); // onto "Next step": arrow keys still step from a button
    await page.keyboard.press('PageDown');
    const position = player.getByRole('slider', { name: 'Position in the lesson' });
    await expect.poll(async () => (await position.getAttribute('aria-valuetext')) ?? '').toMatch(/step 2 of 8/);
    // Step 2 frames the nipple and names it.
    await expect.poll(() => page.locator('.scene-label__text').allTextContents()).toContain('Nipple');
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await position.getAttribute('aria-valuetext')) ?? '').toMatch(/step 1 of 8/);
    // Clicking a sentence of step 3 in the transcript goes there.
    const transcript = page.getByRole('complementary', { name: 'The tree of milk' });
    await transcript.getByRole('listitem').nth(2).getByRole('button').first().click();
    await expect.poll(async () => (await position.getAttribute('aria-valuetext')) ?? '').toMatch(/step 3 of 8/);
    await context.close();
  });

  it('resumes where the learner left off, after a reload', async () => {
    const { page, context } = await open();
    const player = await startFirstLesson(page);
    await player.getByRole('button', { name: 'Next step' }).click();
    await player.getByRole('button', { name: 'Next step' }).click();
    const position = player.getByRole('slider', { name: 'Position in the lesson' });
    await expect.poll(async () => (await position.getAttribute('aria-valuetext')) ?? '').toMatch(/step 3 of 8/);
    const saved = await seekValue(page);
    expect(saved).toBeGreaterThan(10);
    await player.getByRole('button', { name: 'Leave the lesson' }).click();
    await page.reload();
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
    const resumed = await startFirstLesson(page, /^Resume/);
    await resumed.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await expect.poll(async () => Math.abs((await seekValue(page)) - saved)).toBeLessThan(1);
    await context.close();
  });

  it('keeps the voice and speed the learner chose in the player, after a reload', async () => {
    const { page, context, errors } = await open();
    const player = await startFirstLesson(page); // picks Silent
    await player.getByRole('combobox', { name: 'Speed' }).selectOption('1.5');
    await player.getByRole('button', { name: 'Leave the lesson' }).click();
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('atlas.settings') ?? '{}') as unknown))
      .toMatchObject({ schemaVersion: 2, narrationVoice: 'reading', narrationSpeed: 1.5 });
    await page.reload();
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^(Start|Resume): The tree of milk$/ }).click();
    const again = page.getByRole('region', { name: 'Lesson: The tree of milk' });
    const voice = again.getByRole('combobox', { name: 'Voice', exact: true });
    const speed = again.getByRole('combobox', { name: 'Speed' });
    // Once the lesson's recordings are known (they are offered), Silent still holds.
    await expect.poll(() => voice.locator('option').allTextContents()).toContain('Recorded narration');
    expect(await voice.inputValue()).toBe('reading');
    expect(await voice.locator('option:checked').textContent()).toBe('Silent (read the captions)');
    expect(await speed.inputValue()).toBe('1.5');
    expect(await speed.locator('option:checked').textContent()).toMatch(/^1\.50?×$/);
    // The clock runs at that speed: about 1.5 lesson seconds a second.
    await again.getByRole('button', { name: 'Play', exact: true }).click();
    const from = await seekValue(page);
    await page.waitForTimeout(2000);
    const ran = (await seekValue(page)) - from;
    expect(ran).toBeGreaterThan(2.4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the installed system voices of the lesson’s language as they load, remembers the one chosen, and says when it is gone', async () => {
    const { page, context, errors } = await open();
    // The system's voices, given by the test when it likes (browsers fill the list in after loading).
    await context.addInitScript(() => {
      const all = [
        { name: 'Kate', lang: 'en-GB', localService: true, default: false },
        { name: 'Daniel', lang: 'en_GB', localService: true, default: true },
        { name: 'Amélie', lang: 'fr-FR', localService: true, default: false },
        { name: 'Online English', lang: 'en-US', localService: false, default: false },
      ];
      let installed: typeof all = [];
      const synth = window.speechSynthesis;
      synth.getVoices = () => installed as unknown as SpeechSynthesisVoice[];
      synth.speak = () => undefined;
      (window as unknown as { __installVoices(names: string[]): void }).__installVoices = (names) => {
        installed = all.filter((voice) => names.includes(voice.name));
        synth.dispatchEvent(new Event('voiceschanged'));
      };
    });
    const install = (names: string[]) => page.evaluate((list) => (window as unknown as { __installVoices(names: string[]): void }).__installVoices(list), names);
    await page.reload();
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();

    const player = await startFirstLesson(page);
    await player.getByRole('combobox', { name: 'Voice', exact: true }).selectOption('speech');
    const installedVoice = player.getByRole('combobox', { name: 'Installed voice' });
    expect(await installedVoice.locator('option').allTextContents()).toEqual(['The language’s default voice']);
    await install(['Kate', 'Daniel', 'Amélie', 'Online English']);
    // Installed English voices only, the system's default first.
    await expect.poll(() => installedVoice.locator('option').allTextContents()).toEqual(['The language’s default voice', 'Daniel (en_GB)', 'Kate (en-GB)']);
    await installedVoice.selectOption('Kate');
    await player.getByRole('button', { name: 'Leave the lesson' }).click();
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('atlas.settings') ?? '{}') as unknown))
      .toMatchObject({ narrationVoice: 'speech', systemVoice: 'Kate' });

    // Next time, the system voice is back, with Kate chosen.
    await page.reload();
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
    await install(['Kate', 'Daniel']);
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^(Start|Resume): The tree of milk$/ }).click();
    let again = page.getByRole('region', { name: 'Lesson: The tree of milk' });
    expect(await again.getByRole('combobox', { name: 'Voice', exact: true }).inputValue()).toBe('speech');
    await expect.poll(() => again.getByRole('combobox', { name: 'Installed voice' }).inputValue()).toBe('Kate');
    expect(await again.getByRole('status').count()).toBe(0);
    await again.getByRole('button', { name: 'Leave the lesson' }).click();

    // On a computer without Kate, another English voice reads, and the player says so.
    await page.reload();
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
    await install(['Daniel', 'Amélie']);
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^(Start|Resume): The tree of milk$/ }).click();
    again = page.getByRole('region', { name: 'Lesson: The tree of milk' });
    await expect.poll(() => again.getByRole('status').textContent()).toBe('The system voice “Kate” is not installed on this computer; “Daniel” reads the lesson instead.');
    const chooser = again.getByRole('combobox', { name: 'Installed voice' });
    expect(await chooser.inputValue()).toBe('Kate');
    expect(await chooser.locator('option:checked').textContent()).toBe('Kate (not installed)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a broken lesson as a card with its error while the others still play', async () => {
    const { page, context } = await open();
    // The library lists one more lesson file than the project has, and it is broken.
    await page.route('**/api/list/content', (route) =>
      route.fulfill({
        json: {
          root: 'content',
          entries: ['lessons/en/tree-of-milk.md', 'lessons/fr/tree-of-milk.md', 'lessons/en/broken.md', 'references.yaml'].map((path) => ({ path, bytes: 1 })),
        },
      }),
    );
    await page.route('**/content/lessons/en/broken.md', (route) => route.fulfill({ body: '---\nid: broken\ntitle: [unclosed\n---\n' }));
    await page.getByRole('button', { name: 'Lessons' }).click();
    const library = page.getByRole('dialog', { name: 'Lessons' });
    // Said once, where lessons are chosen: the atlas teaches, it does not advise.
    await expect.poll(() => library.locator('.lesson-library__not-advice').textContent()).toMatch(/it is not medical advice/);
    const broken = library.locator('.lesson-card').filter({ hasText: 'broken' });
    await broken.getByRole('alert').waitFor();
    expect(await broken.textContent()).toMatch(/content\/lessons\/en\/broken\.md:\d+:\d+/);
    await library.getByRole('button', { name: /^Start: The tree of milk$/ }).click();
    await page.getByRole('region', { name: 'Lesson: The tree of milk' }).waitFor();
    await context.close();
  });

  it('offers the lessons in French, from the French files', async () => {
    const { page, context } = await openAtlas(browser, {
      viewport: { width: 1280, height: 760 },
      reducedMotion: 'reduce',
      // A settings file from version 1 of the atlas (language and theme only): migrated on loading.
      storage: { 'atlas.settings': JSON.stringify({ schemaVersion: 1, language: 'fr', theme: 'standard' }) },
    });
    await gotoAtlas(page);
    await page.getByRole('treeitem', { name: 'Canal 1' }).waitFor();
    await page.getByRole('button', { name: 'Leçons' }).click();
    const library = page.getByRole('dialog', { name: 'Leçons' });
    await library.getByRole('button', { name: /^Commencer.*L’arbre à lait$/ }).click();
    await page.getByRole('region', { name: /^Leçon : / }).getByRole('button', { name: 'Lecture', exact: true }).waitFor();
    await context.close();
  });

  it('plays the recorded narration by default, and the clock follows the recording', async () => {
    const { page, context, errors } = await open();
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^Start: The tree of milk$/ }).click();
    const player = page.getByRole('region', { name: 'Lesson: The tree of milk' });
    const voice = player.getByRole('combobox', { name: 'Voice', exact: true });
    await expect.poll(() => voice.inputValue()).toBe('audio');
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => seekValue(page), { timeout: 60_000 }).toBeGreaterThan(2);
    // Either the recording played, or it could not and the lesson says so and goes on silently.
    const fellBack = (await voice.inputValue()) === 'reading';
    if (fellBack) expect(await player.getByRole('status').textContent()).toMatch(/not available/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
