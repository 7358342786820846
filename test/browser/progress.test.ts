import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAtlas, launchChromium, openAtlas } from '../../scripts/lib/browser';
import type { Progress } from '../../src/shared/progress';

/** The progress page of the browser preview: what it shows, export as a download, import, reset. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const seeded: Progress = {
  schemaVersion: 2,
  lessons: {
    'tree-of-milk': { completed: true, lastPositionSeconds: 0, bestQuizScore: 0.75, updatedAt: '2026-11-20T10:00:00.000Z' },
    'ejection-reflex': { completed: false, lastPositionSeconds: 30, bestQuizScore: null, updatedAt: '2026-11-24T16:00:00.000Z' },
  },
  bookmarks: [],
};

async function open(storage: Record<string, string> = { 'atlas.progress': JSON.stringify(seeded) }) {
  const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce', storage });
  await gotoAtlas(atlas.page);
  return atlas;
}

async function openProgress(page: Page, button = 'Progress', title = 'Your progress') {
  await page.getByRole('banner').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('table').waitFor();
  return dialog;
}

const stored = (page: Page) => page.evaluate(() => localStorage.getItem('atlas.progress')).then((text) => (text === null ? null : (JSON.parse(text) as Progress)));
const cells = (page: Page, lesson: string) => page.locator(`tr[data-lesson="${lesson}"]`).locator('th, td').allTextContents();

describe('progress page', () => {
  it('lists every lesson with its completion, last position, best score and last activity', async () => {
    const { page, context, errors } = await open();
    const dialog = await openProgress(page);
    expect(await dialog.locator('tbody tr').count()).toBe(7);
    expect(await cells(page, 'tree-of-milk')).toEqual(['The tree of milk', 'Completed', 'At the end', '75%', 'Nov 20, 2026']);
    const reflex = await cells(page, 'ejection-reflex');
    expect(reflex.slice(0, 2)).toEqual(['The milk ejection reflex', 'Started']);
    expect(reflex[2]).toMatch(/^0:30, step [1-7] of 7$/);
    expect(reflex.slice(3)).toEqual(['No attempt yet', 'Nov 24, 2026']);
    expect(await cells(page, 'getting-ready')).toEqual([expect.any(String), 'Not started', 'At the start', 'No attempt yet', 'Never']);
    expect(await dialog.getByText('1 of 7 lessons completed').count()).toBe(1);
    // The table and the reset question, as assistive technology sees them.
    await dialog.getByRole('button', { name: 'Reset progress…' }).click();
    await dialog.getByRole('alertdialog').waitFor();
    const axe = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a lesson the learner finished in this session', async () => {
    const { page, context } = await open({});
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^Start: The tree of milk$/ }).click();
    const player = page.getByRole('region', { name: 'Lesson: The tree of milk' });
    await player.getByRole('combobox', { name: 'Voice', exact: true }).selectOption('reading');
    const position = player.getByRole('slider', { name: 'Position in the lesson' });
    // To the last sentence of the last step from the transcript, then play it out at the fastest speed.
    await player.getByRole('combobox', { name: 'Speed' }).selectOption('1.5');
    const transcript = page.getByRole('complementary', { name: 'The tree of milk' });
    await transcript.getByRole('listitem').last().getByRole('button').last().click();
    await expect.poll(async () => (await position.getAttribute('aria-valuetext')) ?? '').toMatch(/step 8 of 8/);
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await stored(page))?.lessons['tree-of-milk']?.completed ?? false, { timeout: 60_000 }).toBe(true);
    await player.getByRole('button', { name: 'Leave the lesson' }).click();
    await openProgress(page);
    expect((await cells(page, 'tree-of-milk')).slice(1, 2)).toEqual(['Completed']);
    await context.close();
  });

  it('exports the progress as a file, and imports it back after a reset', async () => {
    const { page, context, errors } = await open();
    const dialog = await openProgress(page);

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export progress…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^lactation-atlas-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ app: 'lactation-atlas', kind: 'progress', formatVersion: 1, progress: seeded });
    await dialog.getByRole('status').getByText(`Your progress was saved in ${download.suggestedFilename()}.`).waitFor();

    // Reset asks first, says what will be lost, and Esc answers "no" without closing the page.
    await dialog.getByRole('button', { name: 'Reset progress…' }).click();
    const question = dialog.getByRole('alertdialog', { name: 'Reset your progress?' });
    expect(await question.textContent()).toMatch(/for 2 lessons: which are completed, where you stopped and your best self-check scores/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await stored(page)).toEqual(seeded);
    await dialog.getByRole('button', { name: 'Reset progress…' }).click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').getByText('Your progress has been reset.').waitFor();
    expect(await stored(page)).toEqual({ schemaVersion: 2, lessons: {}, bookmarks: [] });
    // The previous progress stays as the backup, as for any write.
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('atlas.progress.bak')))!)).toEqual(seeded);
    expect((await cells(page, 'tree-of-milk')).slice(1, 2)).toEqual(['Not started']);

    const choosing = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Import progress…' }).click();
    await (await choosing).setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(exported) });
    const confirm = dialog.getByRole('alertdialog', { name: 'Replace your progress with this file?' });
    await confirm.waitFor();
    expect(await confirm.locator('dd').allTextContents()).toEqual([download.suggestedFilename(), expect.stringMatching(/\d{4}/), '2', '1', '0']);
    await confirm.getByRole('button', { name: 'Replace my progress' }).click();
    await dialog.getByRole('status').getByText(`Progress imported from ${download.suggestedFilename()}.`).waitFor();
    expect(await stored(page)).toEqual(seeded);
    expect((await cells(page, 'tree-of-milk')).slice(1, 4)).toEqual(['Completed', 'At the end', '75%']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a damaged file or another app’s file, and leaves the progress as it was', async () => {
    const { page, context } = await open();
    const dialog = await openProgress(page);
    const importFile = async (name: string, text: string) => {
      const choosing = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Import progress…' }).click();
      await (await choosing).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    };
    await importFile('broken.json', '{"app": "lactation-atlas", "kind": "progr');
    await dialog.getByRole('alert').getByText('broken.json was not imported: it is damaged, or it is not a JSON file. Your progress has not changed.').waitFor();
    await importFile('notes.json', JSON.stringify({ app: 'other-notes', kind: 'progress', formatVersion: 1 }));
    await dialog.getByRole('alert').getByText(/^notes\.json was not imported: it does not come from the Lactation Atlas\./).waitFor();
    await importFile('future.json', JSON.stringify({ app: 'lactation-atlas', kind: 'progress', formatVersion: 9, exportedAt: '2030-01-01T00:00:00Z', progress: {} }));
    await dialog.getByRole('alert').getByText(/made by a newer version of the atlas/).waitFor();
    expect(await dialog.getByRole('alertdialog').count()).toBe(0);
    expect(await stored(page)).toEqual(seeded);
    expect(await page.evaluate(() => localStorage.getItem('atlas.progress.bak'))).toBeNull();
    await context.close();
  });

  it('speaks French to a French learner', async () => {
    const { page, context } = await open({
      'atlas.progress': JSON.stringify(seeded),
      'atlas.settings': JSON.stringify({ schemaVersion: 2, language: 'fr', theme: 'standard', narrationVoice: 'reading', systemVoice: null, narrationSpeed: 1 }),
    });
    const dialog = await openProgress(page, 'Progression', 'Votre progression');
    // The number and date formats are the browser's own for French (a no-break space before %).
    expect(await cells(page, 'tree-of-milk')).toEqual(['L’arbre à lait', 'Terminée', 'À la fin', expect.stringMatching(/^75[\u00a0\u202f]%$/), '20 nov. 2026']);
    await dialog.getByRole('button', { name: 'Réinitialiser la progression…' }).click();
    await dialog.getByRole('alertdialog', { name: 'Réinitialiser votre progression\u202f?' }).waitFor();
    await context.close();
  });
});
