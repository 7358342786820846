import type { ContentRoot } from '../shared/ipc-contract';
import type { Progress } from '../shared/progress';
import type { Settings } from '../shared/settings';
import { ContentError, listContentFiles, readContentFile } from './content-files';
import { HandlerError, type Handlers, type InvokeEventLike } from './ipc-router';
import type { ProgressFileHandlers } from './progress-files';
import type { SaveHandoutPdf } from './handout-pdf';
import type { AudienceWindows } from './audience-window';
import type { Rect } from './window-state';
import { ReadOnlyDocumentError, type DocumentStore } from '../shared/persisted-document';

export interface HandlerDeps {
  roots: Record<ContentRoot, string>;
  settings: DocumentStore<Settings>;
  progress: DocumentStore<Progress>;
  /** Export and import through the system's file dialogs (`createProgressFileHandlers`). */
  progressFiles: ProgressFileHandlers;
  /** Saves the asking window as a lesson handout PDF (`createHandoutPdfHandler`). */
  saveHandoutPdf: SaveHandoutPdf;
  /** Presenter mode's audience window, placed from the asking window's bounds. */
  audience: AudienceWindows;
  presenterBounds: (event: InvokeEventLike | undefined) => Rect;
  appInfo: () => { name: string; version: string; platform: string; versions: Record<string, string> };
  /** Called after settings are saved, e.g. to rebuild the menu in the new language. */
  onSettingsSaved: (settings: Settings) => void;
}

async function saving<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof ReadOnlyDocumentError) throw new HandlerError('read-only', error.message);
    throw error;
  }
}

/** The main process's answers to the bridge's methods. Requests arrive already validated. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    getAppInfo: async () => ({ ...deps.appInfo(), shell: 'desktop' as const }),
    listContent: async ({ root }) => ({ root, entries: await listContentFiles(deps.roots[root]) }),
    readContent: async ({ root, path }) => {
      try {
        return { root, path, text: await readContentFile(deps.roots[root], path) };
      } catch (error) {
        if (error instanceof ContentError) throw new HandlerError(error.code === 'not-found' ? 'not-found' : 'invalid-request', error.message);
        throw error;
      }
    },
    readSettings: () => deps.settings.load(),
    writeSettings: async (settings) => {
      const saved = await saving(() => deps.settings.save(settings));
      deps.onSettingsSaved(saved);
      return saved;
    },
    readProgress: () => deps.progress.load(),
    writeProgress: (progress) => saving(() => deps.progress.save(progress)),
    exportProgress: (request) => deps.progressFiles.exportProgress(request),
    importProgress: (request) => deps.progressFiles.importProgress(request),
    saveHandoutPdf: (request, event) => deps.saveHandoutPdf(request, event),
    openAudience: async (_request, event) => deps.audience.open(deps.presenterBounds(event)),
    closeAudience: async () => deps.audience.close(),
    toggleAudienceFullScreen: async () => deps.audience.toggleFullScreen(),
  };
}
