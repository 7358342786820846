import type { ZodType } from 'zod';
import { describeZodError } from './zod-messages';

/**
 * A JSON document the atlas keeps for the learner (settings, progress) and the rules for reading
 * it back without ever losing data. The storage (files in main, localStorage in the browser
 * preview) is supplied by the caller; the decisions live here so both hosts behave the same.
 */
export interface DocumentSpec<T> {
  /** Short name used in file names and notices, e.g. `progress`. */
  readonly name: string;
  readonly currentVersion: number;
  readonly schema: ZodType<T>;
  /** `migrations[n]` turns a version-n document into a version n+1 document. */
  readonly migrations: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>;
  readonly defaults: () => T;
}

export type DecodeResult<T> =
  | { kind: 'ok'; value: T; migratedFrom: number | null }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number };

export function decodeDocument<T>(text: string, spec: DocumentSpec<T>): DecodeResult<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { kind: 'corrupt', reason: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'corrupt', reason: 'not a JSON object' };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'corrupt', reason: 'no valid schemaVersion' };
  }
  if (version > spec.currentVersion) return { kind: 'newer', version };
  for (let v = version; v < spec.currentVersion; v += 1) {
    const migrate = spec.migrations[v];
    if (!migrate) return { kind: 'corrupt', reason: `no migration from version ${v}` };
    try {
      doc = { ...migrate(doc), schemaVersion: v + 1 };
    } catch (error) {
      return { kind: 'corrupt', reason: `migration from version ${v} failed (${(error as Error).message})` };
    }
  }
  const parsed = spec.schema.safeParse(doc);
  if (!parsed.success) return { kind: 'corrupt', reason: describeZodError(parsed.error) };
  return { kind: 'ok', value: parsed.data, migratedFrom: version === spec.currentVersion ? null : version };
}

export function encodeDocument<T>(value: T): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Where a document lives. `keepAside` must never delete: it moves the text somewhere safe. */
export interface DocumentStorage {
  readPrimary(): Promise<string | null>;
  readBackup(): Promise<string | null>;
  /** Moves the unreadable primary out of the way and returns where it went, for the notice. */
  keepAside(reason: string): Promise<string>;
  /** Writes the primary, keeping the previous primary as the backup. */
  write(text: string): Promise<void>;
}

export type RecoveryNotice =
  | { kind: 'recovered-from-backup'; document: string; reason: string; keptAsideAt: string | null }
  | { kind: 'started-fresh'; document: string; reason: string; keptAsideAt: string | null }
  | { kind: 'newer-version'; document: string; version: number };

export interface LoadedDocument<T> {
  value: T;
  notice: RecoveryNotice | null;
  /** True when the stored file belongs to a newer atlas: it must not be overwritten. */
  readOnly: boolean;
}

export async function loadDocument<T>(storage: DocumentStorage, spec: DocumentSpec<T>): Promise<LoadedDocument<T>> {
  const primaryText = await storage.readPrimary();
  if (primaryText === null) {
    const backupText = await storage.readBackup();
    if (backupText === null) return { value: spec.defaults(), notice: null, readOnly: false };
    return restoreFromBackup(storage, spec, backupText, 'the file was missing', null);
  }
  const primary = decodeDocument(primaryText, spec);
  if (primary.kind === 'ok') return { value: primary.value, notice: null, readOnly: false };
  if (primary.kind === 'newer') {
    return {
      value: spec.defaults(),
      notice: { kind: 'newer-version', document: spec.name, version: primary.version },
      readOnly: true,
    };
  }
  const keptAsideAt = await storage.keepAside(primary.reason);
  const backupText = await storage.readBackup();
  return restoreFromBackup(storage, spec, backupText, primary.reason, keptAsideAt);
}

async function restoreFromBackup<T>(
  storage: DocumentStorage,
  spec: DocumentSpec<T>,
  backupText: string | null,
  reason: string,
  keptAsideAt: string | null,
): Promise<LoadedDocument<T>> {
  const backup = backupText === null ? null : decodeDocument(backupText, spec);
  if (backup?.kind === 'ok') {
    await storage.write(encodeDocument(backup.value));
    return {
      value: backup.value,
      notice: { kind: 'recovered-from-backup', document: spec.name, reason, keptAsideAt },
      readOnly: false,
    };
  }
  return {
    value: spec.defaults(),
    notice: { kind: 'started-fresh', document: spec.name, reason, keptAsideAt },
    readOnly: false,
  };
}

export class ReadOnlyDocumentError extends Error {}

/**
 * One document with its load/recovery and serialised writes. A document written by a newer atlas
 * is loaded as defaults and is never overwritten.
 */
export class DocumentStore<T> {
  private loaded: Promise<LoadedDocument<T>> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: DocumentStorage,
    private readonly spec: DocumentSpec<T>,
  ) {}

  load(): Promise<LoadedDocument<T>> {
    this.loaded ??= loadDocument(this.storage, this.spec);
    return this.loaded;
  }

  async save(value: T): Promise<T> {
    const current = await this.load();
    if (current.readOnly) {
      throw new ReadOnlyDocumentError(
        `The ${this.spec.name} file was written by a newer version of the atlas; it is left untouched.`,
      );
    }
    const parsed = this.spec.schema.parse(value);
    const write = this.queue.then(() => this.storage.write(encodeDocument(parsed)));
    this.queue = write.catch(() => undefined);
    await write;
    // Later loads in this run see the saved value, without the notice already shown.
    this.loaded = Promise.resolve({ value: parsed, notice: null, readOnly: false });
    return parsed;
  }
}
