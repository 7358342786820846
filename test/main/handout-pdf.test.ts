import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { launchAtlas } from '../../src/main/atlas-main';
import { createHandoutPdfHandler, type HandoutPdfDeps, type PdfPrinter } from '../../src/main/handout-pdf';
import { HandlerError } from '../../src/main/ipc-router';
import { createFakeElectron } from '../support/fake-electron';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

const PDF = Buffer.from('%PDF-1.7\n% a handout\n%%EOF\n');
const ownFrame = { url: 'app://atlas/index.html', parent: null };

function printer(result: () => Promise<Uint8Array> = () => Promise.resolve(PDF)) {
  return { printToPDF: vi.fn<PdfPrinter['printToPDF']>(result) };
}

async function handlerWith(save: string | null) {
  const folder = await tempDir();
  const showSaveDialog = vi.fn<HandoutPdfDeps['showSaveDialog']>(() => Promise.resolve(save ? { canceled: false, filePath: save } : { canceled: true, filePath: '' }));
  const handler = createHandoutPdfHandler({ showSaveDialog, strings: () => ({ title: 'Save the handout as PDF', fileType: 'PDF document' }), defaultFolder: () => folder });
  return { folder, showSaveDialog, handler };
}

describe('saveHandoutPdf', () => {
  it('writes nothing, and prints nothing, when the learner closes the save dialog', async () => {
    const { folder, handler } = await handlerWith(null);
    const sender = printer();
    expect(await handler({ fileName: 'lactation-atlas-tree-of-milk-en.pdf' }, { senderFrame: ownFrame, sender })).toEqual({ status: 'cancelled' });
    expect(sender.printToPDF).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
  });

  it('offers the suggested name in the documents folder, prints the asking window on A4 and writes its bytes where the learner chose', async () => {
    const target = join(await tempDir(), 'for the class.pdf');
    const { folder, showSaveDialog, handler } = await handlerWith(target);
    const sender = printer();
    expect(await handler({ fileName: 'lactation-atlas-tree-of-milk-en.pdf' }, { senderFrame: ownFrame, sender })).toEqual({ status: 'saved', fileName: 'for the class.pdf' });
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      title: 'Save the handout as PDF',
      defaultPath: join(folder, 'lactation-atlas-tree-of-milk-en.pdf'),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    expect(sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', printBackground: true }));
    expect(await readFile(target)).toEqual(PDF);
  });

  it('says clearly that no PDF was made when printing fails, and writes nothing', async () => {
    const target = join(await tempDir(), 'handout.pdf');
    const { handler } = await handlerWith(target);
    const sender = printer(() => Promise.reject(new Error('Printing failed')));
    const failure = handler({ fileName: 'handout.pdf' }, { senderFrame: ownFrame, sender });
    await expect(failure).rejects.toBeInstanceOf(HandlerError);
    await expect(failure).rejects.toMatchObject({ code: 'failed', message: 'The handout could not be made into a PDF (nothing was saved): Printing failed' });
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a request that does not come with a window to print, before any dialog', async () => {
    const { showSaveDialog, handler } = await handlerWith('/tmp/never.pdf');
    await expect(handler({ fileName: 'handout.pdf' }, { senderFrame: ownFrame })).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(handler({ fileName: 'handout.pdf' })).rejects.toMatchObject({ code: 'invalid-request' });
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('the handout through the bridge', () => {
  async function launched(locale: string) {
    const appPath = await tempDir();
    const userData = await tempDir();
    await mkdir(join(appPath, 'out', 'renderer'), { recursive: true });
    await writeFile(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>atlas</title>');
    const fake = createFakeElectron({ appPath, userData, locale });
    const target = join(userData, 'handout.pdf');
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: false, filePath: target }));
    // The shared fake has only message boxes; the save dialog is added for these tests.
    Object.assign(fake.spies.dialog, { showSaveDialog });
    launchAtlas(fake.electron, { appRoot: appPath, dataRoot: appPath });
    fake.ready();
    await vi.waitFor(() => expect(fake.windows()).toHaveLength(1));
    return { ...fake, showSaveDialog, target, save: fake.ipcHandlers.get('handout:save-pdf')! };
  }

  it('prints the window that asked, with the save dialog on the atlas window in the learner’s language', async () => {
    const fake = await launched('fr-FR');
    const sender = printer();
    expect(await fake.save({ senderFrame: ownFrame, sender }, { fileName: 'lactation-atlas-tree-of-milk-fr.pdf' })).toEqual({ ok: true, value: { status: 'saved', fileName: 'handout.pdf' } });
    const [window, options] = fake.showSaveDialog.mock.calls[0] as unknown as [unknown, { title: string; filters: { name: string }[] }];
    expect(window).toBe(fake.windows()[0]);
    expect(options.title).toBe('Enregistrer la fiche en PDF');
    expect(options.filters[0]?.name).toBe('Document PDF');
    expect(await readFile(fake.target)).toEqual(PDF);
  });

  it('refuses a bad file name or a foreign sender before any dialog opens', async () => {
    const fake = await launched('en-GB');
    const sender = printer();
    for (const payload of [undefined, {}, 'handout.pdf', { fileName: '../../.bashrc.pdf' }, { fileName: '/tmp/x.pdf' }, { fileName: 'handout.exe' }, { fileName: 'handout.pdf', folder: '/tmp' }]) {
      expect(await fake.save({ senderFrame: ownFrame, sender }, payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await fake.save({ senderFrame: { url: 'https://evil.example/', parent: null }, sender }, { fileName: 'handout.pdf' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
    expect(sender.printToPDF).not.toHaveBeenCalled();
  });
});
