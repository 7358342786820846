import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { launchAtlas } from '../../src/main/atlas-main';
import { createProgressFileHandlers, type FileDialogs } from '../../src/main/progress-files';
import { MAX_PROGRESS_EXPORT_BYTES, parseProgressExport } from '../../src/shared/progress-export';
import type { Progress } from '../../src/shared/progress';
import { createFakeElectron } from '../support/fake-electron';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

const progress: Progress = {
  schemaVersion: 2,
  bookmarks: [],
  lessons: {
    'tree-of-milk': { completed: true, lastPositionSeconds: 0, bestQuizScore: 0.75, updatedAt: '2026-11-20T08:00:00.000Z' },
    'ejection-reflex': { completed: false, lastPositionSeconds: 84.5, bestQuizScore: null, updatedAt: '2026-11-25T17:30:00.000Z' },
  },
};

const STRINGS = { exportTitle: 'Export progress', importTitle: 'Import progress', fileType: 'Atlas progress (JSON)' };

function dialogs(answers: { save?: string | null; open?: string | null }) {
  return {
    showSaveDialog: vi.fn<FileDialogs['showSaveDialog']>(() =>
      Promise.resolve(answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' }),
    ),
    showOpenDialog: vi.fn<FileDialogs['showOpenDialog']>(() =>
      Promise.resolve(answers.open ? { canceled: false, filePaths: [answers.open] } : { canceled: true, filePaths: [] }),
    ),
  };
}

async function handlersWith(answers: { save?: string | null; open?: string | null }) {
  const folder = await tempDir();
  const fake = dialogs(answers);
  const handlers = createProgressFileHandlers({
    dialogs: fake,
    strings: () => STRINGS,
    defaultFolder: () => folder,
    now: () => new Date(2026, 10, 26, 9, 30),
  });
  return { folder, fake, handlers };
}

describe('exportProgress', () => {
  it('writes nothing when the learner closes the save dialog', async () => {
    const { folder, fake, handlers } = await handlersWith({ save: null });
    expect(await handlers.exportProgress({ progress })).toEqual({ status: 'cancelled' });
    expect(fake.showSaveDialog).toHaveBeenCalledOnce();
    expect(await readdir(folder)).toEqual([]);
  });

  it('proposes a dated file name in the default folder and writes the envelope where the learner chose', async () => {
    const { folder, fake, handlers } = await handlersWith({});
    const target = join(folder, 'my copy.json');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await handlers.exportProgress({ progress })).toEqual({ status: 'saved', fileName: 'my copy.json' });
    const options = fake.showSaveDialog.mock.calls[0]![0];
    expect(options.defaultPath).toBe(join(folder, 'lactation-atlas-progress-2026-11-26.json'));
    expect(options.title).toBe('Export progress');
    expect(options.filters).toEqual([{ name: 'Atlas progress (JSON)', extensions: ['json'] }]);
    const text = await readFile(target, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ app: 'lactation-atlas', kind: 'progress', formatVersion: 1 });
    expect(parseProgressExport(text)).toMatchObject({ ok: true, progress });
  });
});

describe('importProgress', () => {
  it('reads nothing when the learner closes the open dialog', async () => {
    const { handlers } = await handlersWith({ open: null });
    expect(await handlers.importProgress(undefined)).toEqual({ status: 'cancelled' });
  });

  it('returns the chosen file’s name and text, unchecked', async () => {
    const folder = await tempDir();
    const path = join(folder, 'from-school.json');
    await writeFile(path, '{"anything": true}');
    const { fake, handlers } = await handlersWith({ open: path });
    expect(await handlers.importProgress(undefined)).toEqual({ status: 'read', fileName: 'from-school.json', text: '{"anything": true}' });
    expect(fake.showOpenDialog.mock.calls[0]![0]).toMatchObject({ title: 'Import progress', properties: ['openFile'] });
  });

  it('refuses a file over the size limit without reading it into the reply', async () => {
    const folder = await tempDir();
    const path = join(folder, 'huge.json');
    await writeFile(path, Buffer.alloc(MAX_PROGRESS_EXPORT_BYTES + 1, 0x20));
    const { handlers } = await handlersWith({ open: path });
    expect(await handlers.importProgress(undefined)).toEqual({ status: 'too-large', fileName: 'huge.json', bytes: MAX_PROGRESS_EXPORT_BYTES + 1 });
  });

  it('reads a file of exactly the limit', async () => {
    const folder = await tempDir();
    const path = join(folder, 'full.json');
    await writeFile(path, Buffer.alloc(MAX_PROGRESS_EXPORT_BYTES, 0x20));
    const { handlers } = await handlersWith({ open: path });
    expect(await handlers.importProgress(undefined)).toMatchObject({ status: 'read', fileName: 'full.json' });
  });

  it('refuses a folder', async () => {
    const folder = await tempDir();
    await mkdir(join(folder, 'a.json'));
    const { handlers } = await handlersWith({ open: join(folder, 'a.json') });
    await expect(handlers.importProgress(undefined)).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('progress files through the bridge', () => {
  const ownFrame = { senderFrame: { url: 'app://atlas/index.html', parent: null } };
  const foreignFrame = { senderFrame: { url: 'https://evil.example/', parent: null } };

  async function launched(locale = 'en-GB') {
    const appPath = await tempDir();
    const userData = await tempDir();
    await mkdir(join(appPath, 'out', 'renderer'), { recursive: true });
    await writeFile(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>atlas</title>');
    const fake = createFakeElectron({ appPath, userData, locale });
    const fileDialogs = dialogs({ save: join(userData, 'export.json') });
    // The shared fake has only message boxes; the file dialogs are added for these tests.
    Object.assign(fake.spies.dialog, fileDialogs);
    launchAtlas(fake.electron, { appRoot: appPath, dataRoot: appPath });
    fake.ready();
    await vi.waitFor(() => expect(fake.windows()).toHaveLength(1));
    return { ...fake, fileDialogs, userData };
  }

  it('shows the save dialog on the atlas window, in the learner’s language, and writes the file', async () => {
    const fake = await launched('fr-FR');
    const reply = await fake.ipcHandlers.get('progress:export')!(ownFrame, { progress });
    expect(reply).toEqual({ ok: true, value: { status: 'saved', fileName: 'export.json' } });
    const [window, options] = fake.fileDialogs.showSaveDialog.mock.calls[0] as unknown as [unknown, { title: string }];
    expect(window).toBe(fake.windows()[0]);
    expect(options.title).toBe('Exporter la progression');
    expect(parseProgressExport(await readFile(join(fake.userData, 'export.json'), 'utf8'))).toMatchObject({ ok: true, progress });
  });

  it('refuses invalid payloads and foreign senders before any dialog opens', async () => {
    const fake = await launched();
    const exportProgress = fake.ipcHandlers.get('progress:export')!;
    const bad = [
      undefined,
      progress,
      { progress, path: '/etc/passwd' },
      { progress: { ...progress, lessons: { '../x': progress.lessons['tree-of-milk'] } } },
      { progress: { schemaVersion: 1, lessons: { a: { completed: 'yes', lastPositionSeconds: 0, bestQuizScore: null, updatedAt: '2026-01-01T00:00:00Z' } } } },
    ];
    for (const payload of bad) expect(await exportProgress(ownFrame, payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await exportProgress(foreignFrame, { progress })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fake.ipcHandlers.get('progress:import')!(ownFrame, { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await fake.ipcHandlers.get('progress:import')!(foreignFrame, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.fileDialogs.showSaveDialog).not.toHaveBeenCalled();
    expect(fake.fileDialogs.showOpenDialog).not.toHaveBeenCalled();
  });

  it('answers a cancelled open dialog with "cancelled"', async () => {
    const fake = await launched();
    expect(await fake.ipcHandlers.get('progress:import')!(ownFrame, undefined)).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(fake.fileDialogs.showOpenDialog.mock.calls[0]?.[0]).toBe(fake.windows()[0]);
  });
});
