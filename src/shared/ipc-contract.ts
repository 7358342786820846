import { z } from 'zod';
import { handoutPdfRequestSchema, handoutPdfResultSchema } from './handout/handout-pdf-file';
import { LANGUAGES } from './languages';
import { progressSchema } from './progress';
import { MAX_PROGRESS_EXPORT_BYTES } from './progress-export';
import { settingsSchema, THEMES } from './settings';

/**
 * The one contract between the renderer and the main process. The preload builds `window.atlas`
 * from it, main validates every request with the same schemas, and the renderer's types are
 * derived from it, so a channel cannot drift between the three.
 */

/** Folders the renderer may read from. Both ship beside the app so teachers can edit them. */
export const CONTENT_ROOTS = ['content', 'models'] as const;
export type ContentRoot = (typeof CONTENT_ROOTS)[number];

/**
 * A path inside a content root: `/`-separated segments of letters, digits, `.`, `_` and `-`, none
 * starting with a dot (so no `..`, no hidden files), no leading slash, no backslash.
 */
export const contentPathSchema = z
  .string()
  .max(512)
  .regex(
    /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/,
    'a content path is relative, uses "/" and has no segment starting with "."',
  );

/** Largest text file the renderer may load through the bridge (lessons are far smaller). */
export const MAX_CONTENT_BYTES = 2 * 1024 * 1024;
/** Largest request payload main accepts, measured as JSON. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

const noRequest = z.undefined();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** `desktop` inside Electron, `browser` in the preview. */
  shell: z.enum(['desktop', 'browser']),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
});

export const contentEntrySchema = z.object({ path: contentPathSchema, bytes: z.number().int().min(0) });
export const contentListSchema = z.object({ root: z.enum(CONTENT_ROOTS), entries: z.array(contentEntrySchema) });
export const contentFileSchema = z.object({ root: z.enum(CONTENT_ROOTS), path: contentPathSchema, text: z.string() });

export const recoveryNoticeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('recovered-from-backup'),
    document: z.string(),
    reason: z.string(),
    keptAsideAt: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('started-fresh'),
    document: z.string(),
    reason: z.string(),
    keptAsideAt: z.string().nullable(),
  }),
  z.object({ kind: z.literal('newer-version'), document: z.string(), version: z.number() }),
]);

/** A file name as the learner's system gave it (shown back to them, never used as a path). */
const shownFileName = z.string().max(1024);

/** What came of exporting progress: the learner may close the save dialog without saving. */
export const progressExportResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('saved'), fileName: shownFileName }),
]);

/**
 * The file the learner picked to import, read but not yet trusted: the renderer checks it with
 * `parseProgressExport` and asks before replacing anything. A file over the limit is not read.
 */
export const progressImportFileSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('too-large'), fileName: shownFileName, bytes: z.number().int().min(0) }),
  z.object({ status: z.literal('read'), fileName: shownFileName, text: z.string().max(MAX_PROGRESS_EXPORT_BYTES) }),
]);

const loaded = <T extends z.ZodType>(value: T) =>
  z.object({ value, notice: recoveryNoticeSchema.nullable(), readOnly: z.boolean() });

export const contract = {
  getAppInfo: { channel: 'app:get-info', request: noRequest, response: appInfoSchema },
  listContent: {
    channel: 'content:list',
    request: z.object({ root: z.enum(CONTENT_ROOTS) }).strict(),
    response: contentListSchema,
  },
  readContent: {
    channel: 'content:read',
    request: z.object({ root: z.enum(CONTENT_ROOTS), path: contentPathSchema }).strict(),
    response: contentFileSchema,
  },
  readSettings: { channel: 'settings:read', request: noRequest, response: loaded(settingsSchema) },
  writeSettings: { channel: 'settings:write', request: settingsSchema, response: settingsSchema },
  readProgress: { channel: 'progress:read', request: noRequest, response: loaded(progressSchema) },
  writeProgress: { channel: 'progress:write', request: progressSchema, response: progressSchema },
  /** Asks where to save, then writes this progress in the export envelope (main makes the file's text). */
  exportProgress: {
    channel: 'progress:export',
    request: z.object({ progress: progressSchema }).strict(),
    response: progressExportResultSchema,
  },
  /** Asks which file to import and returns its text, unchecked; nothing is replaced here. */
  importProgress: { channel: 'progress:import', request: noRequest, response: progressImportFileSchema },
  /** Asks where to save, then prints the asking window (the handout on screen) to that PDF file. */
  saveHandoutPdf: { channel: 'handout:save-pdf', request: handoutPdfRequestSchema, response: handoutPdfResultSchema },
  /**
   * Presenter mode: opens the audience window (full screen on a second display when there is one,
   * an ordinary window otherwise); asking again brings it forward. Its state travels over a
   * BroadcastChannel, not through main (src/shared/presentation/presentation-state.ts).
   */
  openAudience: {
    channel: 'presentation:open-audience',
    request: noRequest,
    response: z.object({ display: z.enum(['external', 'same']) }),
  },
  closeAudience: { channel: 'presentation:close-audience', request: noRequest, response: z.object({ closed: z.boolean() }) },
  /** The clicker's F: the audience window in and out of full screen. */
  toggleAudienceFullScreen: { channel: 'presentation:toggle-full-screen', request: noRequest, response: z.object({ fullScreen: z.boolean() }) },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Contract[M]['response']>;

/** Commands the application menu sends to the renderer (fullscreen and zoom are handled in main). */
export const menuCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set-language'), language: z.enum(LANGUAGES) }),
  z.object({ type: z.literal('set-theme'), theme: z.enum(THEMES) }),
  z.object({ type: z.literal('show-shortcuts') }),
  z.object({ type: z.literal('show-about') }),
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;
export const MENU_COMMAND_CHANNEL = 'menu:command';

export type ErrorCode = 'invalid-request' | 'forbidden' | 'not-found' | 'read-only' | 'failed';

/** What crosses the bridge: errors are values, because Error objects lose their fields there. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

type Method<M extends MethodName, R> = undefined extends RequestOf<M>
  ? (request?: RequestOf<M>) => Promise<R>
  : (request: RequestOf<M>) => Promise<R>;

/** The shape of `window.atlas`, exposed by the preload. */
export type AtlasBridge = { [M in MethodName]: Method<M, Envelope<ResponseOf<M>>> } & {
  /** Calls `listener` with each menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** The same methods with errors thrown instead of returned: what the renderer's hosts implement. */
export type AtlasMethods = { [M in MethodName]: Method<M, ResponseOf<M>> };
