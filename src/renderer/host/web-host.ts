import { contentListSchema, type ContentRoot } from '../../shared/ipc-contract';
import { languageFromLocale } from '../../shared/languages';
import { DocumentStore, ReadOnlyDocumentError } from '../../shared/persisted-document';
import { progressDocument } from '../../shared/progress';
import { createProgressExport, MAX_PROGRESS_EXPORT_BYTES, progressExportFileName } from '../../shared/progress-export';
import { settingsDocument } from '../../shared/settings';
import { createBrowserAudience } from './browser-audience';
import { downloadTextFile, pickTextFile } from './browser-files';
import { HostError, type Host } from './host';
import { LocalStorageDocument } from './local-storage-document';

declare const __APP_VERSION__: string;

/**
 * The host of the browser preview: content and models over HTTP from the same origin (the
 * preview server, or the test harness), settings and progress in localStorage, progress files as
 * downloads and through the browser's file picker. No menu exists here, so no menu command ever
 * arrives.
 */
export function createWebHost(options: { storage: Storage; baseUrl: string; locale: string }): Host {
  const { storage, baseUrl } = options;
  const settings = new DocumentStore(new LocalStorageDocument(storage, 'atlas.settings'), settingsDocument(languageFromLocale(options.locale)));
  const progress = new DocumentStore(new LocalStorageDocument(storage, 'atlas.progress'), progressDocument);

  async function get(path: string): Promise<Response> {
    const response = await fetch(new URL(path, baseUrl));
    if (response.status === 404) throw new HostError('not-found', `No content file at "${path}"`);
    if (!response.ok) throw new HostError('failed', `${path}: HTTP ${response.status}`);
    return response;
  }

  async function saving<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (error instanceof ReadOnlyDocumentError) throw new HostError('read-only', error.message);
      throw error;
    }
  }

  return {
    getAppInfo: () =>
      Promise.resolve({
        name: 'Lactation Atlas',
        version: __APP_VERSION__,
        shell: 'browser' as const,
        platform: navigator.platform,
        versions: { browser: navigator.userAgent },
      }),
    listContent: async ({ root }: { root: ContentRoot }) => contentListSchema.parse(await (await get(`api/list/${root}`)).json()),
    readContent: async ({ root, path }) => ({ root, path, text: await (await get(`${root}/${path}`)).text() }),
    readSettings: () => settings.load(),
    writeSettings: (value) => saving(() => settings.save(value)),
    readProgress: () => progress.load(),
    writeProgress: (value) => saving(() => progress.save(value)),
    exportProgress: ({ progress: value }) => {
      const now = new Date();
      const fileName = progressExportFileName(now);
      downloadTextFile(fileName, createProgressExport(value, now));
      return Promise.resolve({ status: 'saved' as const, fileName });
    },
    importProgress: () => pickTextFile(MAX_PROGRESS_EXPORT_BYTES),
    // The browser's print dialog makes the PDF (handout.css prints only the handout); it alone knows if one was saved.
    saveHandoutPdf: () => {
      window.print();
      return Promise.resolve({ status: 'printed' as const });
    },
    ...createBrowserAudience(baseUrl),
    onMenuCommand: () => () => undefined,
  };
}
