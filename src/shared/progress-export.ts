import { decodeDocument, encodeDocument } from './persisted-document';
import { progressDocument, type Progress } from './progress';

/**
 * A learner's progress as a file they can keep, move to another computer or hand to a teacher:
 * an envelope naming the app, the kind of file and its format, around the progress document
 * itself (which carries its own `schemaVersion` and is migrated like the stored one).
 *
 *   { "app": "lactation-atlas", "kind": "progress", "formatVersion": 1,
 *     "exportedAt": "2026-11-26T09:30:00.000Z", "progress": { "schemaVersion": 2, "lessons": {…}, "bookmarks": […] } }
 *
 * The envelope's format has not changed since version 1; the progress inside has. A file exported
 * before bookmarks existed (progress version 1) still imports, migrated, with no bookmarks.
 *
 * Reading one back never trusts it: every way a file can be wrong has its own problem code, which
 * the renderer turns into a sentence in the learner's language (`progress.importProblems.<code>`).
 */
export const PROGRESS_EXPORT_APP = 'lactation-atlas';
export const PROGRESS_EXPORT_KIND = 'progress';
export const PROGRESS_EXPORT_FORMAT = 1;

/**
 * Largest export file read back. 500 tracked lessons with the longest ids take about 130 KB
 * pretty-printed, and 200 bookmarks with the longest notes (in UTF-8, or full of characters JSON
 * escapes) at most about 600 KB more, so anything much bigger is not ours.
 */
export const MAX_PROGRESS_EXPORT_BYTES = 1024 * 1024;

export interface ProgressExport {
  app: typeof PROGRESS_EXPORT_APP;
  kind: typeof PROGRESS_EXPORT_KIND;
  formatVersion: number;
  exportedAt: string;
  progress: Progress;
}

export const IMPORT_PROBLEMS = ['too-large', 'not-json', 'other-app', 'other-kind', 'newer-format', 'unknown-format', 'invalid-lessons'] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

export type ParsedProgressExport =
  | { ok: true; progress: Progress; exportedAt: string }
  /** `detail` is for maintainers (console, bug reports); learners read the problem's translation. */
  | { ok: false; problem: ImportProblem; detail: string };

/** `lactation-atlas-progress-YYYY-MM-DD.json`, dated in the learner's own time zone. */
export function progressExportFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${PROGRESS_EXPORT_APP}-progress-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

export function createProgressExport(progress: Progress, exportedAt: Date): string {
  const envelope: ProgressExport = {
    app: PROGRESS_EXPORT_APP,
    kind: PROGRESS_EXPORT_KIND,
    formatVersion: PROGRESS_EXPORT_FORMAT,
    exportedAt: exportedAt.toISOString(),
    progress,
  };
  return encodeDocument(envelope);
}

const refuse = (problem: ImportProblem, detail: string): ParsedProgressExport => ({ ok: false, problem, detail });

/** Reads a file made by `createProgressExport` (this version or an older one); refuses anything else. */
export function parseProgressExport(text: string): ParsedProgressExport {
  if (text.length > MAX_PROGRESS_EXPORT_BYTES) return refuse('too-large', `${text.length} characters, more than ${MAX_PROGRESS_EXPORT_BYTES}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refuse('not-json', `not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('other-app', 'not a JSON object');
  const envelope = raw as Record<string, unknown>;
  if (envelope['app'] !== PROGRESS_EXPORT_APP) return refuse('other-app', `app is ${JSON.stringify(envelope['app'] ?? null)}`);
  if (envelope['kind'] !== PROGRESS_EXPORT_KIND) return refuse('other-kind', `kind is ${JSON.stringify(envelope['kind'] ?? null)}`);
  const format = envelope['formatVersion'];
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    return refuse('unknown-format', `formatVersion is ${JSON.stringify(format ?? null)}`);
  }
  if (format > PROGRESS_EXPORT_FORMAT) return refuse('newer-format', `formatVersion ${format}, this atlas reads ${PROGRESS_EXPORT_FORMAT}`);
  const exportedAt = envelope['exportedAt'];
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
    return refuse('unknown-format', `exportedAt is ${JSON.stringify(exportedAt ?? null)}`);
  }
  // The progress inside is read by the same rules as the stored file, migrations included.
  const decoded = decodeDocument(JSON.stringify(envelope['progress'] ?? null), progressDocument);
  if (decoded.kind === 'newer') return refuse('newer-format', `progress schemaVersion ${decoded.version}`);
  if (decoded.kind === 'corrupt') return refuse('invalid-lessons', decoded.reason);
  return { ok: true, progress: decoded.value, exportedAt: new Date(exportedAt).toISOString() };
}
