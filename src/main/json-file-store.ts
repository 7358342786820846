import { constants } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DocumentStorage } from '../shared/persisted-document';

/**
 * A learner's JSON document on disk, written so that a crash, a full disk or an antivirus lock
 * never loses what was there: temp file in the same folder, fsync, previous file kept as `.bak`,
 * atomic rename (retried on the rename errors Windows raises), fsync of the folder on POSIX.
 */
export interface FileStoreOptions {
  platform?: NodeJS.Platform;
  /** Waits between rename retries; injectable so tests don't sleep. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  renameFile?: typeof rename;
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_ATTEMPTS = 6;

export class FileDocumentStorage implements DocumentStorage {
  readonly backupPath: string;
  private readonly platform: NodeJS.Platform;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;
  private readonly renameFile: typeof rename;

  constructor(
    readonly path: string,
    options: FileStoreOptions = {},
  ) {
    this.backupPath = `${path}.bak`;
    this.platform = options.platform ?? process.platform;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = options.now ?? (() => new Date());
    this.renameFile = options.renameFile ?? rename;
  }

  readPrimary(): Promise<string | null> {
    return readIfExists(this.path);
  }

  readBackup(): Promise<string | null> {
    return readIfExists(this.backupPath);
  }

  async keepAside(): Promise<string> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const aside = join(dirname(this.path), `${basename(this.path, '.json')}.corrupt-${stamp}.json`);
    await this.renameWithRetry(this.path, aside);
    return aside;
  }

  async write(text: string): Promise<void> {
    const dir = dirname(this.path);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${basename(this.path)}.${process.pid}.${Date.now()}.tmp`);
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      const previous = await readIfExists(this.path);
      if (previous !== null) {
        await copyFile(this.path, this.backupPath);
        await fsyncPath(this.backupPath);
      }
      await this.renameWithRetry(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    if (this.platform !== 'win32') await fsyncPath(dir);
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.renameFile(from, to);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (this.platform !== 'win32' || !RETRYABLE_RENAME.has(code) || attempt >= RENAME_ATTEMPTS) throw error;
        await this.sleep(20 * 2 ** attempt);
      }
    }
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
