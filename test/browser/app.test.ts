import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, gotoAtlas, launchChromium, openAtlas, type OpenOptions } from '../../scripts/lib/browser';
import { encodeDocument } from '../../src/shared/persisted-document';
import { CONTROLS, shareOfPixelsChanged, shareOfPixelsUnlike } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(options: OpenOptions = {}) {
  const atlas = await openAtlas(browser, options);
  await gotoAtlas(atlas.page);
  return atlas;
}

const STANDARD_BACKGROUND: [number, number, number] = [0x13, 0x20, 0x2c];
const PROJECTOR_BACKGROUND: [number, number, number] = [0xff, 0xff, 0xff];

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the atlas in Chromium', () => {
  it('loads with no console errors and no request leaving the app', async () => {
    const { page, context, errors, foreignRequests } = await open();
    await expect(page.title()).resolves.toBe('Lactation Atlas');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lactation Atlas');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('is held to its Content-Security-Policy: a script cannot reach the network', async () => {
    const { page, context } = await open();
    const outcome = await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'reached',
        (error: Error) => `blocked: ${error.message}`,
      ),
    );
    expect(outcome).toMatch(/^blocked/);
    await context.close();
  });

  it('draws the tree in the 3D view', async () => {
    const { page, context } = await open();
    const share = await shareOfPixelsUnlike(page.locator('canvas'), STANDARD_BACKGROUND);
    expect(share).toBeGreaterThan(0.03);
    await context.close();
  });

  it('switches the whole interface to French and remembers it', async () => {
    const { page, context } = await open();
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Atlas de la lactation');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');
    await expect(page.getByRole('button', { name: 'Réinitialiser la vue' }).isVisible()).resolves.toBe(true);
    await expect(page.title()).resolves.toBe('Atlas de la lactation');

    await page.reload();
    await page.getByRole('banner').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Atlas de la lactation');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lactation Atlas');
    await context.close();
  });

  it('starts in French on a French system', async () => {
    const { page, context } = await open({ locale: 'fr-FR' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Atlas de la lactation');
    await context.close();
  });

  it('turns on the high-contrast projector theme, in the page and in the scene', async () => {
    const { page, context } = await open();
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('projector');
    await page.waitForTimeout(200);
    const canvas = page.locator('canvas');
    // Mostly white background with the tree drawn on it: the scene follows the theme too.
    const tissue = await shareOfPixelsUnlike(canvas, PROJECTOR_BACKGROUND);
    expect(tissue).toBeGreaterThan(0.03);
    expect(tissue).toBeLessThan(0.6);
    await context.close();
  });

  it('reaches every control with the keyboard alone', async () => {
    const { page, context } = await open();
    const total = await page.locator(CONTROLS).evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
    expect(total).toBeGreaterThanOrEqual(7);
    const reached = new Set<string>();
    for (let i = 0; i < total + 3; i += 1) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return 'body';
          el.dataset['visited'] ??= String(Math.random());
          return el.dataset['visited'];
        }),
      );
    }
    reached.delete('body');
    expect(reached.size).toBe(total);
    const missed = await page
      .locator(CONTROLS)
      .evaluateAll((els) => els.filter((el) => el.checkVisibility() && !(el as HTMLElement).dataset['visited']).map((el) => el.outerHTML.slice(0, 80)));
    expect(missed).toEqual([]);
    await context.close();
  });

  it('turns and resets the 3D view from the keyboard', async () => {
    const { page, context } = await open({ reducedMotion: 'reduce' });
    const canvas = page.locator('canvas');
    const viewport = page.getByRole('application', { name: '3D view of the lactating breast' });
    const before = await canvas.screenshot();
    await viewport.focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('+');
    await page.waitForTimeout(150);
    const turned = await canvas.screenshot();
    expect(await shareOfPixelsChanged(page, before, turned)).toBeGreaterThan(0.02);
    await page.keyboard.press('Home');
    await page.waitForTimeout(150);
    const reset = await canvas.screenshot();
    expect(await shareOfPixelsChanged(page, before, reset)).toBeLessThan(0.005);
    await context.close();
  });

  it('follows the system setting for reduced motion', async () => {
    const reduced = await open({ reducedMotion: 'reduce' });
    expect(await reduced.page.evaluate(() => document.documentElement.dataset['motion'])).toBe('reduced');
    await reduced.context.close();
    const full = await open({ reducedMotion: 'no-preference' });
    expect(await full.page.evaluate(() => document.documentElement.dataset['motion'])).toBe('full');
    await full.context.close();
  });

  it('opens the shortcuts list with ? and closes it with Esc, returning focus', async () => {
    const { page, context } = await open();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByText('Reset the view').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await button.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  it('shows the About text from content/, in the chosen language', async () => {
    const { page, context, errors } = await open();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'À propos' }).click();
    const dialog = page.getByRole('dialog', { name: 'À propos de l’Atlas de la lactation' });
    await dialog.getByRole('heading', { name: 'Un arbre à explorer' }).waitFor();
    expect(await dialog.getByText('Aperçu dans le navigateur').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no serious accessibility violations, in both themes and with a dialog open', async () => {
    const { page, context } = await open();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Projector mode' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('recovers corrupt progress from its backup, tells the learner and keeps the broken copy', async () => {
    const good = encodeDocument({ schemaVersion: 2, lessons: { 'breast-as-tree': { completed: true, lastPositionSeconds: 42, bestQuizScore: 0.8, updatedAt: '2026-11-25T10:00:00.000Z' } }, bookmarks: [] });
    const { page, context } = await open({ storage: { 'atlas.progress': '{"schemaVersion":1,"lessons":{"breast-as', 'atlas.progress.bak': good } });
    const notice = page.getByRole('status').getByText(/progress file could not be read/);
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/restored from the last good copy/);
    const stored = await page.evaluate(() => ({
      primary: localStorage.getItem('atlas.progress'),
      aside: Object.keys(localStorage).filter((key) => key.startsWith('atlas.progress.corrupt-')).map((key) => localStorage.getItem(key)),
    }));
    expect(stored.primary).toBe(good);
    expect(stored.aside).toEqual(['{"schemaVersion":1,"lessons":{"breast-as']);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
    await context.close();
  });

  it('explains when the computer offers no 3D graphics, and the rest still works', async () => {
    const atlas = await openAtlas(browser);
    await atlas.context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith('webgl')) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await atlas.page.goto(APP_URL);
    await atlas.page.getByRole('alert').getByText('The 3D view could not start').waitFor();
    await atlas.page.getByRole('button', { name: 'Français' }).click();
    await atlas.page.getByRole('alert').getByText('La vue 3D n’a pas pu démarrer').waitFor();
    await atlas.context.close();
  });

  it('shows a clear message instead of a blank window when it cannot start', async () => {
    const atlas = await openAtlas(browser);
    await atlas.context.addInitScript(() => {
      Storage.prototype.getItem = () => {
        throw new DOMException('Storage is disabled', 'SecurityError');
      };
    });
    await atlas.page.goto(APP_URL);
    const alert = atlas.page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Something went wrong' }).waitFor();
    expect(await alert.getByText('Storage is disabled').count()).toBe(1);
    expect(await alert.getByRole('button', { name: 'Reload the atlas' }).isVisible()).toBe(true);
    await atlas.context.close();
  });
});
