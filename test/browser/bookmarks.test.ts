import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas, type OpenOptions } from '../../scripts/lib/browser';
import type { Bookmark } from '../../src/shared/bookmarks';
import type { Progress } from '../../src/shared/progress';

/**
 * Bookmarks, driven like a learner: save the view in front of you with a note, find it again after
 * a restart, go back to it (camera included), on the gland and on the body map; edit and delete;
 * bookmarks carried to another computer in the progress export; French; accessibility.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SHOTS = new URL('../../.scratch/shots/', import.meta.url);

async function open(options: OpenOptions = {}) {
  const atlas = await openAtlas(browser, { viewport: { width: 1100, height: 700 }, reducedMotion: 'reduce', ...options });
  await gotoAtlas(atlas.page);
  await atlas.page.locator('[data-structure-id="duct-1"]').waitFor();
  return atlas;
}

async function openBookmarks(page: Page, button = 'Bookmarks', title = 'Bookmarks'): Promise<Locator> {
  await page.getByRole('banner').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  return dialog;
}

const canvas = (page: Page) => page.locator('[data-testid="scene-viewport"] canvas');
/** The camera readout on the canvas: position then target, in scene units. */
const cameraOf = async (page: Page): Promise<number[]> => ((await canvas(page).getAttribute('data-camera')) ?? '').split(' ').map(Number);
const storedProgress = (page: Page) => page.evaluate(() => localStorage.getItem('atlas.progress')).then((text) => (text === null ? null : (JSON.parse(text) as Progress)));
const item = (dialog: Locator, note: string) => dialog.getByRole('listitem').filter({ hasText: note });

/** Whether the camera stands where `expected` says, to a twentieth of a scene unit. */
const sameCamera = (actual: number[], expected: readonly number[]): boolean => actual.length === 6 && actual.every((value, i) => Math.abs(value - expected[i]!) < 0.05);

const seededBookmarks: Bookmark[] = [
  {
    id: 'b-older',
    createdAt: '2026-11-20T09:30:00.000Z',
    note: 'Alveolus cut open: lactocytes around the lumen',
    view: {
      kind: 'gland',
      camera: { position: [3, 2, 9], target: [0, 0, 0] },
      layout: 'anatomy',
      layers: ['skin', 'fat', 'ligaments', 'ducts', 'lobules', 'vessels', 'nerves', 'muscle'],
      xray: 0,
      section: null,
      selectedId: 'alveolus-3.1.1.1.1.1',
      closeUp: { lobuleId: 'lobule-3.1.1.1.1', alveolusId: 'alveolus-3.1.1.1.1.1', part: null },
    },
  },
  { id: 'b-newer', createdAt: '2026-11-24T16:00:00.000Z', note: 'Milk comes in', view: { kind: 'physiology', scenario: 'term-birth', lifeHours: 60, stress: 0 } },
];
const seeded: Progress = {
  schemaVersion: 2,
  lessons: { 'tree-of-milk': { completed: true, lastPositionSeconds: 0, bestQuizScore: 0.75, updatedAt: '2026-11-20T10:00:00.000Z' } },
  bookmarks: seededBookmarks,
};

describe('bookmarks', () => {
  it('saves the gland view with a note, keeps it across a restart and goes back to it, camera included', async () => {
    const { page, context, errors, foreignRequests } = await open();
    const home = await cameraOf(page);
    // A view of one's own: a duct selected, the tree layout, a layer hidden, the camera turned by keys.
    await page.getByRole('treeitem', { name: 'Duct 3' }).click();
    await page.getByRole('complementary', { name: 'Duct 3' }).waitFor();
    await page.getByRole('button', { name: 'Tree view' }).click();
    await page.locator('canvas[data-layout="tree"]').waitFor({ timeout: 120_000 });
    await page.getByRole('checkbox', { name: 'Blood vessels' }).uncheck();
    const framed = await cameraOf(page);
    await page.getByTestId('scene-viewport').focus();
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowUp', '+']) await page.keyboard.press(key);
    await expect.poll(async () => sameCamera(await cameraOf(page), framed)).toBe(false);
    const saved = await cameraOf(page);

    const dialog = await openBookmarks(page);
    expect(await dialog.getByText('No bookmarks yet.').count()).toBe(1);
    expect(await dialog.getByTestId('bookmark-current').textContent()).toBe('Gland · tree layout · Duct 3 selected · 1 layer hidden');
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Duct 3 branches like a tree');
    await dialog.getByRole('button', { name: 'Bookmark this view' }).click();
    await dialog.getByRole('status').getByText('Bookmark saved.').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Note (optional)' }).inputValue()).toBe('');
    const stored = await storedProgress(page);
    expect(stored?.schemaVersion).toBe(2);
    expect(stored?.bookmarks).toEqual([
      expect.objectContaining({
        note: 'Duct 3 branches like a tree',
        view: expect.objectContaining({ kind: 'gland', layout: 'tree', selectedId: 'duct-3', closeUp: null, layers: ['skin', 'fat', 'ligaments', 'ducts', 'lobules', 'nerves', 'muscle'] }),
      }),
    ]);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: new URL('bookmarks-en-dialog.png', SHOTS).pathname });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Everything changed, then the atlas started again.
    await page.getByRole('button', { name: 'Tree view' }).click();
    await page.locator('canvas[data-layout="anatomy"]').waitFor({ timeout: 120_000 });
    await page.getByRole('checkbox', { name: 'Blood vessels' }).check();
    await page.getByRole('treeitem', { name: 'Nipple' }).click();
    await page.getByTestId('scene-viewport').focus();
    await page.keyboard.press('ArrowDown');
    await page.reload();
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();
    await expect.poll(async () => sameCamera(await cameraOf(page), home)).toBe(true);

    const again = await openBookmarks(page);
    const bookmark = item(again, 'Duct 3 branches like a tree');
    expect(await bookmark.textContent()).toMatch(/Gland · tree layout · Duct 3 selected · 1 layer hidden/);
    await bookmark.getByRole('button', { name: 'Go to' }).click();
    await again.waitFor({ state: 'hidden' });
    await page.locator('canvas[data-layout="tree"]').waitFor({ timeout: 120_000 });
    expect(await page.getByRole('checkbox', { name: 'Blood vessels' }).isChecked()).toBe(false);
    await expect.poll(() => page.getByRole('tree', { name: 'Structures' }).locator('[aria-selected="true"]').textContent()).toMatch(/Duct 3$/);
    await page.getByRole('complementary', { name: 'Duct 3' }).waitFor();
    await expect.poll(async () => sameCamera(await cameraOf(page), saved)).toBe(true);
    expect(sameCamera(saved, home)).toBe(false);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('saves a moment on the body map and goes back to it from the gland, in a close-up and out again', async () => {
    const { page, context, errors } = await open({ storage: { 'atlas.progress': JSON.stringify(seeded) } });
    await page.getByRole('button', { name: 'Physiology', exact: true }).click();
    // The physiology view is a chunk of its own, fetched and drawn on first use.
    await page.getByRole('complementary', { name: 'Explore and simulate' }).waitFor({ timeout: 90_000 });
    const slider = page.getByRole('slider', { name: "Time in the mother's life" });
    await page.getByRole('combobox', { name: /Jump to/ }).selectOption('day-3');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('Day 3 after birth — Secretory activation (lactogenesis II)');

    const dialog = await openBookmarks(page);
    expect(await dialog.getByTestId('bookmark-current').textContent()).toBe('Body map · Day 3 after birth · Secretory activation (lactogenesis II)');
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Day 3: progesterone has fallen');
    await dialog.getByRole('button', { name: 'Bookmark this view' }).click();
    await dialog.getByRole('status').getByText('Bookmark saved.').waitFor();
    // Newest first: today's, then the seeded ones by date.
    expect(await dialog.locator('.bookmarks__note').allTextContents()).toEqual(['Day 3: progesterone has fallen', 'Milk comes in', 'Alveolus cut open: lactocytes around the lumen']);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('combobox', { name: /Jump to/ }).selectOption('one-month');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toMatch(/^Day 3/);
    await page.getByRole('button', { name: 'Physiology', exact: true }).click();
    await page.getByRole('treeitem', { name: 'Duct 1' }).waitFor();

    // From the gland to the alveolus close-up a bookmark kept.
    let list = await openBookmarks(page);
    await item(list, 'Alveolus cut open').getByRole('button', { name: 'Go to' }).click();
    await page.locator('canvas[data-scale="alveolus"]').waitFor({ timeout: 120_000 });
    await expect.poll(async () => sameCamera(await cameraOf(page), [3, 2, 9, 0, 0, 0])).toBe(true);

    // From there to the body map on day 3.
    list = await openBookmarks(page);
    await item(list, 'Day 3: progesterone has fallen').getByRole('button', { name: 'Go to' }).click();
    await page.getByRole('complementary', { name: 'Explore and simulate' }).waitFor({ timeout: 90_000 });
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('Day 3 after birth — Secretory activation (lactogenesis II)');
    expect(await page.getByRole('button', { name: 'Physiology', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('edits a note, deletes with an undo, and says what it did', async () => {
    const { page, context, errors } = await open({ storage: { 'atlas.progress': JSON.stringify(seeded) } });
    const dialog = await openBookmarks(page);
    const older = item(dialog, 'Alveolus cut open');
    expect(await older.textContent()).toMatch(/Alveolus close-up · Alveolus 3\.1\.1\.1\.1\.1/);
    await older.getByRole('button', { name: 'Edit note' }).click();
    const field = dialog.getByRole('textbox', { name: 'Note', exact: true });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    // Esc gives up the edit, not the dialog.
    await field.fill('never kept');
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByText('never kept').count()).toBe(0);
    await older.getByRole('button', { name: 'Edit note' }).click();
    await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('The alveolus: lactocytes make milk into the lumen');
    await dialog.getByRole('button', { name: 'Save note' }).click();
    await dialog.getByRole('status').getByText('Note saved.').waitFor();
    expect((await storedProgress(page))?.bookmarks.find((b) => b.id === 'b-older')?.note).toBe('The alveolus: lactocytes make milk into the lumen');

    await item(dialog, 'Milk comes in').getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('status').getByText('Bookmark deleted.').waitFor();
    expect(await item(dialog, 'Milk comes in').count()).toBe(0);
    expect((await storedProgress(page))?.bookmarks.map((b) => b.id)).toEqual(['b-older']);
    // The undo takes the focus, so a keyboard user can take it straight back.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').getByText('Bookmark restored.').waitFor();
    expect((await storedProgress(page))?.bookmarks.map((b) => b.id)).toEqual(['b-older', 'b-newer']);
    await item(dialog, 'Milk comes in').getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('status').getByText('Bookmark deleted.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Once the dialog is closed, the deletion stands.
    const reopened = await openBookmarks(page);
    expect(await reopened.locator('.bookmarks__note').allTextContents()).toEqual(['The alveolus: lactocytes make milk into the lumen']);
    expect(await reopened.getByRole('button', { name: 'Undo' }).count()).toBe(0);

    const axe = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('travels in the progress export to a fresh profile; the progress page counts them and its reset keeps them', async () => {
    const first = await open({ storage: { 'atlas.progress': JSON.stringify(seeded) } });
    await first.page.getByRole('banner').getByRole('button', { name: 'Progress', exact: true }).click();
    const progressPage = first.page.getByRole('dialog', { name: 'Your progress' });
    await progressPage.getByText('You have 2 bookmarks, kept with this progress.').waitFor();
    const downloading = first.page.waitForEvent('download');
    await progressPage.getByRole('button', { name: 'Export progress…' }).click();
    const download = await downloading;
    const exported = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ formatVersion: 1, progress: { schemaVersion: 2, bookmarks: seededBookmarks } });

    // Reset starts the lessons again, and says the bookmarks stay.
    await progressPage.getByRole('button', { name: 'Reset progress…' }).click();
    const question = progressPage.getByRole('alertdialog', { name: 'Reset your progress?' });
    expect(await question.textContent()).toMatch(/Your bookmarks and their notes are kept/);
    await question.getByRole('button', { name: 'Erase my progress' }).click();
    await progressPage.getByRole('status').getByText('Your progress has been reset.').waitFor();
    expect(await storedProgress(first.page)).toEqual({ schemaVersion: 2, lessons: {}, bookmarks: seededBookmarks });
    await first.context.close();

    const fresh = await open();
    await fresh.page.getByRole('banner').getByRole('button', { name: 'Progress', exact: true }).click();
    const dialog = fresh.page.getByRole('dialog', { name: 'Your progress' });
    await dialog.getByText('You have no bookmarks.').waitFor();
    const choosing = fresh.page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Import progress…' }).click();
    await (await choosing).setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(exported) });
    const confirm = dialog.getByRole('alertdialog', { name: 'Replace your progress with this file?' });
    expect(await confirm.locator('dt').allTextContents()).toContain('Bookmarks');
    expect((await confirm.locator('dd').allTextContents()).at(-1)).toBe('2');
    await confirm.getByRole('button', { name: 'Replace my progress' }).click();
    await dialog.getByText('You have 2 bookmarks, kept with this progress.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const bookmarks = await openBookmarks(fresh.page);
    expect(await bookmarks.locator('.bookmarks__note').allTextContents()).toEqual(['Milk comes in', 'Alveolus cut open: lactocytes around the lumen']);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });

  it('speaks French, and is not offered while a lesson directs the view', async () => {
    const { page, context, errors } = await open({
      storage: {
        'atlas.progress': JSON.stringify(seeded),
        'atlas.settings': JSON.stringify({ schemaVersion: 2, language: 'fr', theme: 'projector', narrationVoice: 'reading', systemVoice: null, narrationSpeed: 1 }),
      },
      viewport: { width: 1100, height: 760 },
    });
    const dialog = await openBookmarks(page, 'Signets', 'Signets');
    expect(await dialog.getByTestId('bookmark-current').textContent()).toBe('Glande');
    expect(await item(dialog, 'Milk comes in').textContent()).toMatch(/Schéma du corps · J3 après la naissance · /);
    expect(await item(dialog, 'Alveolus cut open').textContent()).toMatch(/Gros plan de l’alvéole · Alvéole 3\.1\.1\.1\.1\.1/);
    expect(await dialog.getByRole('button', { name: 'Y aller' }).count()).toBe(2);
    await dialog.getByRole('textbox', { name: 'Note (facultative)' }).waitFor();
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: new URL('bookmarks-fr-projector-dialog.png', SHOTS).pathname });
    const axe = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    await page.getByRole('button', { name: 'Leçons' }).click();
    await page.getByRole('dialog', { name: 'Leçons' }).getByRole('button', { name: /^Commencer\s*:\s*L’arbre à lait$/ }).click();
    await page.getByRole('region', { name: /L’arbre à lait/ }).waitFor();
    const during = await openBookmarks(page, 'Signets', 'Signets');
    await during.getByText(/Une leçon est en cours et commande la vue/).waitFor();
    expect(await during.getByRole('button', { name: 'Ajouter aux signets' }).count()).toBe(0);
    expect(await during.getByRole('button', { name: 'Y aller' }).first().isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
