import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { contentPathSchema, MAX_CONTENT_BYTES } from '../shared/ipc-contract';
import { resolveInside } from './contained-path';

/** A file below a content root, by its `/`-separated path. */
export interface ContentEntry {
  path: string;
  bytes: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Lists the files below `root` whose paths the bridge would accept (hidden files and odd names are
 * skipped), sorted by path. Symlinks are not followed while listing.
 */
export async function listContentFiles(root: string): Promise<ContentEntry[]> {
  const entries: ContentEntry[] = [];
  async function walk(dir: string): Promise<void> {
    const items = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const item of items) {
      if (entries.length >= MAX_ENTRIES) return;
      const full = join(dir, item.name);
      const path = relative(root, full).split(sep).join('/');
      if (!contentPathSchema.safeParse(path).success) continue;
      if (item.isDirectory()) await walk(full);
      else if (item.isFile()) entries.push({ path, bytes: (await stat(full)).size });
    }
  }
  await walk(root);
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export class ContentError extends Error {
  constructor(
    readonly code: 'not-found' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

/** Reads a UTF-8 file below `root`; refuses anything outside it or larger than the bridge allows. */
export async function readContentFile(root: string, path: string): Promise<string> {
  const file = await resolveInside(root, path);
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) throw new ContentError('not-found', `No content file at "${path}"`);
  if (info.size > MAX_CONTENT_BYTES) {
    throw new ContentError('too-large', `"${path}" is ${info.size} bytes; the limit is ${MAX_CONTENT_BYTES}`);
  }
  return readFile(file, 'utf8');
}
