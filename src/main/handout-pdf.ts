import type { PrintToPDFOptions, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RequestOf, ResponseOf } from '../shared/ipc-contract';
import { HandlerError, type InvokeEventLike } from './ipc-router';

/**
 * A lesson's handout saved as a PDF. The renderer lays the handout out in its own window (print
 * styles show only the handout) and asks; main asks the learner where to save, then prints the
 * window that asked, never another, so a page can only ever print itself. The renderer suggests
 * the file name (the contract's schema allows only a plain `.pdf` name) and never names a folder.
 */

/** The dialog's words, in the learner's language (STRINGS[language].handout.saveDialog). */
export interface HandoutDialogStrings {
  title: string;
  fileType: string;
}

/** What printing needs of the asking window's web contents (Electron's `event.sender`). */
export interface PdfPrinter {
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
}

export interface HandoutPdfDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  strings: () => HandoutDialogStrings;
  /** Where the save dialog opens (the learner's documents folder). */
  defaultFolder: () => string;
}

/** A4, backgrounds kept (the handout's shaded boxes); margins from the handout's own `@page` rule. */
export const HANDOUT_PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

function isPdfPrinter(sender: unknown): sender is PdfPrinter {
  return typeof sender === 'object' && sender !== null && typeof (sender as Partial<PdfPrinter>).printToPDF === 'function';
}

export type SaveHandoutPdf = (request: RequestOf<'saveHandoutPdf'>, event?: InvokeEventLike) => Promise<ResponseOf<'saveHandoutPdf'>>;

export function createHandoutPdfHandler(deps: HandoutPdfDeps): SaveHandoutPdf {
  return async ({ fileName }, event) => {
    const sender = event?.sender;
    if (!isPdfPrinter(sender)) throw new HandlerError('invalid-request', 'handout:save-pdf needs the window that asked, to print it');
    const strings = deps.strings();
    const answer = await deps.showSaveDialog({
      title: strings.title,
      defaultPath: join(deps.defaultFolder(), fileName),
      filters: [{ name: strings.fileType, extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (answer.canceled || !answer.filePath) return { status: 'cancelled' };
    let bytes: Uint8Array;
    try {
      bytes = await sender.printToPDF(HANDOUT_PDF_OPTIONS);
    } catch (error) {
      throw new HandlerError('failed', `The handout could not be made into a PDF (nothing was saved): ${error instanceof Error ? error.message : String(error)}`);
    }
    await writeFile(answer.filePath, bytes);
    return { status: 'saved', fileName: basename(answer.filePath) };
  };
}
