import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas, type AtlasPage } from '../../scripts/lib/browser';

/**
 * Presenter mode driven as a teacher would: the presenter's window on the laptop, the audience
 * window opened from it (a second browser window in the preview, kept in step over a
 * BroadcastChannel), and the clicker's keys pressed in either window.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SLOW = { timeout: 60_000 };

interface Room {
  atlas: AtlasPage;
  presenter: Page;
  panel: Locator;
  audience: Page;
}

async function present(): Promise<Room> {
  const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce' });
  const presenter = atlas.page;
  await gotoAtlas(presenter);
  await presenter.getByRole('button', { name: 'Lessons' }).click();
  await presenter.getByRole('button', { name: 'Present to a class: The tree of milk' }).click();
  const panel = presenter.getByRole('complementary', { name: 'Presenter' });
  await panel.getByRole('heading', { name: /^Step 1 of 8/ }).waitFor();
  const opened = atlas.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Open the audience window' }).click();
  const audience = await opened;
  await audience.setViewportSize({ width: 800, height: 500 });
  await audience.locator('main.audience[data-step="0"]').waitFor(SLOW);
  return { atlas, presenter, panel, audience };
}

/** Both windows show step `index` (from 0): the presenter's panel and the audience's picture. */
async function bothAtStep({ panel, audience }: Room, index: number): Promise<void> {
  await panel.getByRole('heading', { name: new RegExp(`^Step ${index + 1} of 8`) }).waitFor(SLOW);
  await audience.locator(`main.audience[data-step="${index}"]`).waitFor(SLOW);
}

describe('presenter mode', () => {
  it('keeps the audience in step through the clicker, the keyboard, the controls and the class quiz', async () => {
    const room = await present();
    const { presenter, panel, audience, atlas } = room;
    try {
      // The room sees the picture only: no lesson controls, no panels.
      await expect(audience.locator('.scene canvas').count()).resolves.toBe(1);
      await expect(audience.getByRole('button').count()).resolves.toBe(0);
      await expect(audience.locator('.scene__panel--left').isVisible()).resolves.toBe(false);

      // A two-button clicker: PageDown first plays the narration, then moves on a step; PageUp goes back.
      await presenter.keyboard.press('PageDown');
      await audience.locator('main.audience[data-playing="true"]').waitFor(SLOW);
      await presenter.getByRole('button', { name: 'Pause' }).waitFor();
      await presenter.keyboard.press('PageDown');
      await bothAtStep(room, 1);
      // Arrows, as some clickers send, even with focus on a button of the panel.
      await panel.getByRole('button', { name: 'Black screen' }).focus();
      await presenter.keyboard.press('ArrowRight');
      await bothAtStep(room, 2);
      await presenter.keyboard.press('PageUp');
      await bothAtStep(room, 1);
      // Space pauses and plays, in both windows.
      await presenter.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await presenter.keyboard.press(' ');
      await audience.locator('main.audience[data-playing="false"]').waitFor(SLOW);
      await presenter.getByRole('button', { name: 'Play', exact: true }).waitFor();

      // The step list jumps; the controls under the picture step.
      await panel.getByRole('navigation', { name: 'Steps' }).getByRole('button').nth(5).click();
      await bothAtStep(room, 5);
      await presenter.getByRole('button', { name: 'Previous step' }).click();
      await bothAtStep(room, 4);

      // A clicker aimed at the audience window still drives the presenter.
      await audience.keyboard.press('PageDown');
      await audience.locator('main.audience[data-playing="true"]').waitFor(SLOW);
      await presenter.locator('.presenter[data-playing="true"]').waitFor();
      await audience.keyboard.press('PageDown');
      await bothAtStep(room, 5);
      await audience.keyboard.press('PageUp');
      await bothAtStep(room, 4);
      await audience.keyboard.press(' ');
      await audience.locator('main.audience[data-playing="false"]').waitFor(SLOW);

      // B and "." black the room's screen and bring it back; the presenter is told.
      const blackout = audience.getByTestId('blackout');
      await presenter.keyboard.press('b');
      await blackout.waitFor({ state: 'visible', ...SLOW });
      await panel.locator('.presenter-panel__alert', { hasText: 'The room sees a black screen.' }).waitFor();
      await expect(panel.getByRole('button', { name: 'Black screen' }).getAttribute('aria-pressed')).resolves.toBe('true');
      await presenter.keyboard.press('.');
      await blackout.waitFor({ state: 'hidden', ...SLOW });
      await audience.keyboard.press('B');
      await blackout.waitFor({ state: 'visible', ...SLOW });
      await audience.keyboard.press('b');
      await blackout.waitFor({ state: 'hidden', ...SLOW });

      // F: in the browser, full screen has to be asked for in the audience window itself.
      await presenter.keyboard.press('f');
      await presenter.getByRole('alert').filter({ hasText: 'press F in the audience window' }).waitFor();

      // The pointer: what the teacher picks is named for the room.
      const pointer = panel.getByRole('combobox', { name: 'Point out to the room' });
      const options = await pointer.locator('option').allTextContents();
      const target = options.find((name) => /^Main duct|^Duct/.test(name)) ?? options[2]!;
      await pointer.selectOption({ label: target });
      await audience.locator('.scene-label__text', { hasText: target }).first().waitFor({ state: 'attached', ...SLOW });
      await panel.getByRole('button', { name: 'Clear' }).click();
      await expect
        .poll(() => audience.locator('.scene-label__text', { hasText: target }).count(), SLOW)
        .toBe(0);

      // Or the teacher clicks a structure in the picture: it is pointed out, named for the room.
      const canvas = presenter.locator('.presenter__stage .scene canvas').first();
      const box = (await canvas.boundingBox())!;
      for (const [fx, fy] of [[0.4, 0.45], [0.45, 0.35], [0.55, 0.5], [0.5, 0.3], [0.35, 0.55]] as const) {
        await presenter.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
        await presenter.mouse.down();
        await presenter.mouse.up();
        if (await expect.poll(() => pointer.inputValue(), { timeout: 5000 }).not.toBe('').then(() => true, () => false)) break;
      }
      const clicked = await pointer.locator('option:checked').textContent();
      expect(clicked).toBeTruthy();
      await audience.locator('.scene-label__text', { hasText: clicked! }).first().waitFor({ state: 'attached', ...SLOW });
      await panel.getByRole('button', { name: 'Clear' }).click();

      // The class quiz on the projector: each answer revealed on the teacher's key.
      await panel.getByRole('button', { name: 'Start the class quiz' }).click();
      const card = audience.locator('.class-quiz');
      await card.getByText('Question 1 of 8').waitFor(SLOW);
      // The presenter sees the answer; the room does not, yet.
      await panel.getByText('Answer (the room sees it when you reveal it):').waitFor();
      await expect(card.locator('.class-quiz__mark').count()).resolves.toBe(0);
      // The first press reveals, the second moves on.
      await presenter.keyboard.press('PageDown');
      await card.locator('.class-quiz__mark').first().waitFor(SLOW);
      await expect(card.getAttribute('data-revealed')).resolves.toBe('true');
      await presenter.keyboard.press('PageDown');
      await card.getByText('Question 2 of 8').waitFor(SLOW);
      await expect(card.getAttribute('data-revealed')).resolves.toBe('false');
      await presenter.keyboard.press('PageUp');
      await card.getByText('Question 1 of 8').waitFor(SLOW);
      await expect(card.getAttribute('data-revealed')).resolves.toBe('true');
      // Back to the lesson: the card leaves the room's screen.
      await panel.getByRole('button', { name: 'Back to the lesson' }).click();
      await card.waitFor({ state: 'detached', ...SLOW });

      // The room's window closed from its own side (its close button): the presenter can open it again.
      await audience.evaluate(() => window.close());
      await panel.getByRole('button', { name: 'Open the audience window' }).waitFor(SLOW);
      expect(atlas.errors).toEqual([]);
      expect(atlas.foreignRequests).toEqual([]);
    } finally {
      await atlas.context.close();
    }
  }, 360_000);

  it('shows the room’s view on one screen with P, and Esc ends the presentation', async () => {
    const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce' });
    const page = atlas.page;
    try {
      await gotoAtlas(page);
      await page.getByRole('button', { name: 'Lessons' }).click();
      await page.getByRole('button', { name: 'Present to a class: The tree of milk' }).click();
      const panel = page.getByRole('complementary', { name: 'Presenter' });
      await panel.waitFor();
      const axe = await new AxeBuilder({ page }).include('.presenter').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

      await page.keyboard.press('p');
      await panel.waitFor({ state: 'detached' });
      await expect(page.getByRole('group', { name: 'Lesson controls' }).count()).resolves.toBe(0);
      await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('projector');
      // The clicker still works in the room's view: it plays, then moves on.
      await page.keyboard.press('PageDown');
      await page.locator('.presenter[data-playing="true"]').waitFor();
      await page.keyboard.press('PageDown');
      await page.locator('.presenter[data-step="1"]').waitFor();
      await page.keyboard.press('p');
      await panel.getByRole('heading', { name: /^Step 2 of 8/ }).waitFor();
      await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe('standard');

      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Lessons' }).waitFor();
      expect(atlas.errors).toEqual([]);
    } finally {
      await atlas.context.close();
    }
  }, 240_000);

  it('speaks French to a French class', async () => {
    const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce', locale: 'fr-FR' });
    const page = atlas.page;
    try {
      await gotoAtlas(page);
      await page.getByRole('button', { name: 'Leçons' }).click();
      await page.getByRole('button', { name: /^Projeter devant un groupe\s*: / }).first().click();
      const panel = page.getByRole('complementary', { name: 'Présentateur' });
      await panel.getByRole('heading', { name: /^Étape 1 sur/ }).waitFor();
      await panel.getByRole('button', { name: 'Ouvrir la fenêtre de projection' }).waitFor();
      await panel.getByRole('button', { name: 'Écran noir' }).waitFor();
    } finally {
      await atlas.context.close();
    }
  }, 240_000);
});
