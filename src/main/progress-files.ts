import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RequestOf, ResponseOf } from '../shared/ipc-contract';
import { createProgressExport, MAX_PROGRESS_EXPORT_BYTES, progressExportFileName } from '../shared/progress-export';
import { HandlerError } from './ipc-router';

/**
 * Export and import of a learner's progress as a file of their choosing. The learner picks the
 * path in the system's own dialog, so the renderer never names a path: it sends the progress (the
 * schema has checked it) and main writes the envelope; on import main reads at most
 * MAX_PROGRESS_EXPORT_BYTES and hands the text back unchecked, for the renderer to validate and
 * confirm before anything is replaced.
 */
export interface FileDialogs {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** The dialogs' words, in the learner's language (STRINGS[language].progress.fileDialog). */
export interface FileDialogStrings {
  exportTitle: string;
  importTitle: string;
  fileType: string;
}

export interface ProgressFileDeps {
  dialogs: FileDialogs;
  strings: () => FileDialogStrings;
  /** Where the save dialog opens (the learner's documents folder). */
  defaultFolder: () => string;
  now?: () => Date;
}

export interface ProgressFileHandlers {
  exportProgress(request: RequestOf<'exportProgress'>): Promise<ResponseOf<'exportProgress'>>;
  importProgress(request: RequestOf<'importProgress'>): Promise<ResponseOf<'importProgress'>>;
}

export function createProgressFileHandlers(deps: ProgressFileDeps): ProgressFileHandlers {
  const now = deps.now ?? (() => new Date());
  const filters = () => [{ name: deps.strings().fileType, extensions: ['json'] }];
  return {
    async exportProgress({ progress }) {
      const exportedAt = now();
      const answer = await deps.dialogs.showSaveDialog({
        title: deps.strings().exportTitle,
        defaultPath: join(deps.defaultFolder(), progressExportFileName(exportedAt)),
        filters: filters(),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath) return { status: 'cancelled' };
      await writeFile(answer.filePath, createProgressExport(progress, exportedAt), 'utf8');
      return { status: 'saved', fileName: basename(answer.filePath) };
    },
    async importProgress() {
      const answer = await deps.dialogs.showOpenDialog({ title: deps.strings().importTitle, filters: filters(), properties: ['openFile'] });
      const path = answer.canceled ? undefined : answer.filePaths[0];
      if (!path) return { status: 'cancelled' };
      const fileName = basename(path);
      const info = await stat(path);
      if (!info.isFile()) throw new HandlerError('invalid-request', `${fileName} is not a file`);
      if (info.size > MAX_PROGRESS_EXPORT_BYTES) return { status: 'too-large', fileName, bytes: info.size };
      const bytes = await readFile(path);
      // Checked again on the bytes read: the file may have grown since `stat`.
      if (bytes.length > MAX_PROGRESS_EXPORT_BYTES) return { status: 'too-large', fileName, bytes: bytes.length };
      return { status: 'read', fileName, text: bytes.toString('utf8') };
    },
  };
}
