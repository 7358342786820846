import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileDocumentStorage } from '../../src/main/json-file-store';
import { HandlerError } from '../../src/main/ipc-router';
import { createProgressFileHandlers } from '../../src/main/progress-files';
import { createHandlers, type HandlerDeps } from '../../src/main/request-handlers';
import { DocumentStore } from '../../src/shared/persisted-document';
import { progressDocument } from '../../src/shared/progress';
import { settingsDocument } from '../../src/shared/settings';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** The handout PDF's own tests are in handout-pdf.test.ts; here only that the request reaches it. */
const saveHandoutPdf = vi.fn<HandlerDeps['saveHandoutPdf']>(() => Promise.resolve({ status: 'saved', fileName: 'x.pdf' }));

async function setUp() {
  const base = await tempDir();
  const content = join(base, 'content');
  const models = join(base, 'models');
  await mkdir(join(content, 'about'), { recursive: true });
  await mkdir(join(content, '.git'), { recursive: true });
  await mkdir(models, { recursive: true });
  await writeFile(join(content, 'about', 'en.md'), '# About');
  await writeFile(join(content, 'about', 'fr.md'), '# À propos');
  await writeFile(join(content, '.git', 'config'), 'x');
  await writeFile(join(content, 'notes with spaces.md'), 'x');
  await writeFile(join(models, 'big.bin'), Buffer.alloc(3 * 1024 * 1024));
  const onSettingsSaved = vi.fn();
  const audience = { open: vi.fn(() => ({ display: 'same' as const })), close: vi.fn(() => ({ closed: true })), toggleFullScreen: vi.fn(() => ({ fullScreen: true })) };
  const handlers = createHandlers({
    roots: { content, models },
    settings: new DocumentStore(new FileDocumentStorage(join(base, 'settings.json')), settingsDocument('en')),
    progress: new DocumentStore(new FileDocumentStorage(join(base, 'progress.json')), progressDocument),
    progressFiles: createProgressFileHandlers({
      dialogs: { showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }), showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) },
      strings: () => ({ exportTitle: 'Export', importTitle: 'Import', fileType: 'JSON' }),
      defaultFolder: () => base,
    }),
    saveHandoutPdf,
    audience,
    presenterBounds: () => ({ x: 0, y: 0, width: 1280, height: 800 }),
    appInfo: () => ({ name: 'Lactation Atlas', version: '0.1.0', platform: 'linux', versions: {} }),
    onSettingsSaved,
  });
  return { base, handlers, onSettingsSaved, audience };
}

describe('createHandlers', () => {
  it('lists content files by their bridge paths, skipping hidden and odd names', async () => {
    const { handlers } = await setUp();
    expect(await handlers.listContent({ root: 'content' })).toEqual({
      root: 'content',
      entries: [
        { path: 'about/en.md', bytes: 7 },
        { path: 'about/fr.md', bytes: 11 },
      ],
    });
  });

  it('reads a content file, and reports a missing or oversized one clearly', async () => {
    const { handlers } = await setUp();
    expect(await handlers.readContent({ root: 'content', path: 'about/fr.md' })).toEqual({ root: 'content', path: 'about/fr.md', text: '# À propos' });
    await expect(handlers.readContent({ root: 'content', path: 'about/de.md' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(handlers.readContent({ root: 'models', path: 'big.bin' })).rejects.toBeInstanceOf(HandlerError);
  });

  it('saves settings and tells main so it can rebuild the menu', async () => {
    const { base, handlers, onSettingsSaved } = await setUp();
    const settings = { schemaVersion: 2 as const, language: 'fr' as const, theme: 'projector' as const, narrationVoice: 'speech' as const, systemVoice: 'Thomas', narrationSpeed: 1.25 as const };
    await handlers.writeSettings(settings);
    expect(onSettingsSaved).toHaveBeenCalledWith(settings);
    expect(JSON.parse(await readFile(join(base, 'settings.json'), 'utf8'))).toEqual(settings);
    expect((await handlers.readSettings(undefined)).value).toEqual(settings);
  });

  it('reads a settings file from version 1 as version 2 with the narration defaults, and saves version 2 over it', async () => {
    const { base, handlers } = await setUp();
    const old = '{\n  "schemaVersion": 1,\n  "language": "fr",\n  "theme": "projector"\n}\n';
    await writeFile(join(base, 'settings.json'), old);
    const loaded = await handlers.readSettings(undefined);
    expect(loaded).toEqual({
      value: { schemaVersion: 2, language: 'fr', theme: 'projector', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 },
      notice: null,
      readOnly: false,
    });
    await handlers.writeSettings({ ...loaded.value, narrationVoice: 'reading', narrationSpeed: 0.75 });
    expect(JSON.parse(await readFile(join(base, 'settings.json'), 'utf8'))).toMatchObject({ schemaVersion: 2, narrationVoice: 'reading', narrationSpeed: 0.75 });
    expect(await readFile(join(base, 'settings.json.bak'), 'utf8')).toBe(old);
  });

  it('reports a read-only progress file (from a newer atlas) as read-only and leaves it alone', async () => {
    const { base, handlers } = await setUp();
    const newer = JSON.stringify({ schemaVersion: 3, lessons: {} });
    await writeFile(join(base, 'progress.json'), newer);
    expect((await handlers.readProgress(undefined)).notice).toMatchObject({ kind: 'newer-version', version: 3 });
    await expect(handlers.writeProgress({ schemaVersion: 2, lessons: {}, bookmarks: [] })).rejects.toMatchObject({ code: 'read-only' });
    expect(await readFile(join(base, 'progress.json'), 'utf8')).toBe(newer);
  });

  it('tells the renderer it runs in the desktop app', async () => {
    const { handlers } = await setUp();
    expect(await handlers.getAppInfo(undefined)).toMatchObject({ shell: 'desktop', version: '0.1.0' });
  });
});

describe('presenter mode', () => {
  it('opens the audience from the asking window, toggles its full screen and closes it', async () => {
    const { handlers, audience } = await setUp();
    await expect(handlers.openAudience(undefined)).resolves.toEqual({ display: 'same' });
    expect(audience.open).toHaveBeenCalledWith({ x: 0, y: 0, width: 1280, height: 800 });
    await expect(handlers.toggleAudienceFullScreen(undefined)).resolves.toEqual({ fullScreen: true });
    await expect(handlers.closeAudience(undefined)).resolves.toEqual({ closed: true });
  });
});

describe('handout PDF', () => {
  it('hands the request and the asking window’s event to the PDF saver', async () => {
    const { handlers } = await setUp();
    const event = { senderFrame: { url: 'app://atlas/index.html', parent: null }, sender: { printToPDF: vi.fn() } };
    await expect(handlers.saveHandoutPdf({ fileName: 'x.pdf' }, event)).resolves.toEqual({ status: 'saved', fileName: 'x.pdf' });
    expect(saveHandoutPdf).toHaveBeenCalledWith({ fileName: 'x.pdf' }, event);
  });
});
