import { z } from 'zod';

/**
 * The name a handout's PDF is offered under in the save dialog. The renderer suggests it; main
 * accepts only a plain, short file name ending in `.pdf` (no folder, no dot at the start, nothing a
 * file system might read specially), because the dialog opens with it as its default path.
 */

export const HANDOUT_FILE_NAME_MAX = 120;

export const handoutFileNameSchema = z
  .string()
  .max(HANDOUT_FILE_NAME_MAX)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._()-]*\.pdf$/u, 'a handout file name is letters, digits, spaces, "._()-", ends in .pdf and has no folder');

/** What the renderer asks main for: the PDF of its own window, offered under this name. */
export const handoutPdfRequestSchema = z.object({ fileName: handoutFileNameSchema }).strict();

/**
 * What came of it: the learner may close the save dialog. `printed` is the browser preview's
 * answer: the page went to the browser's print dialog, which alone knows whether a file was made.
 */
export const handoutPdfResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('saved'), fileName: z.string().max(1024) }),
  z.object({ status: z.literal('printed') }),
]);

/** `tree-of-milk`, `fr` → `lactation-atlas-tree-of-milk-fr.pdf`. */
export function handoutFileName(lessonId: string, language: string): string {
  const safe = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  const stem = ['lactation-atlas', safe(lessonId), safe(language)].filter(Boolean).join('-');
  return `${stem.slice(0, HANDOUT_FILE_NAME_MAX - '.pdf'.length)}.pdf`;
}
