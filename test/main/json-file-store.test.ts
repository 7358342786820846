import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileDocumentStorage } from '../../src/main/json-file-store';
import { DocumentStore, encodeDocument, ReadOnlyDocumentError } from '../../src/shared/persisted-document';
import { progressDocument, type Progress } from '../../src/shared/progress';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

const first: Progress = {
  schemaVersion: 2,
  lessons: { 'breast-as-tree': { completed: false, lastPositionSeconds: 30, bestQuizScore: null, updatedAt: '2026-11-25T10:00:00.000Z' } },
  bookmarks: [],
};
const second: Progress = {
  schemaVersion: 2,
  lessons: { 'breast-as-tree': { completed: true, lastPositionSeconds: 240, bestQuizScore: 1, updatedAt: '2026-11-25T11:00:00.000Z' } },
  bookmarks: [],
};

describe('FileDocumentStorage + DocumentStore', () => {
  it('writes atomically, keeps the previous file as .bak and leaves no temp files', async () => {
    const dir = await tempDir();
    const store = new DocumentStore(new FileDocumentStorage(join(dir, 'progress.json')), progressDocument);
    await store.save(first);
    await store.save(second);
    expect(JSON.parse(await readFile(join(dir, 'progress.json'), 'utf8'))).toEqual(second);
    expect(JSON.parse(await readFile(join(dir, 'progress.json.bak'), 'utf8'))).toEqual(first);
    expect((await readdir(dir)).sort()).toEqual(['progress.json', 'progress.json.bak']);
  });

  it('recovers a half-written file from the backup and keeps the broken file aside', async () => {
    const dir = await tempDir();
    const path = join(dir, 'progress.json');
    await writeFile(path, encodeDocument(second).slice(0, 50));
    await writeFile(`${path}.bak`, encodeDocument(first));
    const storage = new FileDocumentStorage(path, { now: () => new Date('2026-11-25T12:00:00Z') });
    const loaded = await new DocumentStore(storage, progressDocument).load();

    expect(loaded.value).toEqual(first);
    expect(loaded.notice).toMatchObject({ kind: 'recovered-from-backup', document: 'progress' });
    const asidePath = loaded.notice?.kind === 'recovered-from-backup' ? loaded.notice.keptAsideAt : null;
    expect(asidePath).toBe(join(dir, 'progress.corrupt-2026-11-25T12-00-00-000Z.json'));
    expect(await readFile(asidePath ?? '', 'utf8')).toBe(encodeDocument(second).slice(0, 50));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(first);
  });

  it('never overwrites a file from a newer version', async () => {
    const dir = await tempDir();
    const path = join(dir, 'progress.json');
    const newer = JSON.stringify({ schemaVersion: 5, lessons: {}, somethingNew: true });
    await writeFile(path, newer);
    const store = new DocumentStore(new FileDocumentStorage(path), progressDocument);
    expect((await store.load()).readOnly).toBe(true);
    await expect(store.save(first)).rejects.toBeInstanceOf(ReadOnlyDocumentError);
    expect(await readFile(path, 'utf8')).toBe(newer);
  });

  it('retries a rename that Windows refuses while an antivirus holds the file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'progress.json');
    let refusals = 2;
    const renameFile = vi.fn(async (from: string, to: string) => {
      if (refusals-- > 0) throw Object.assign(new Error('locked'), { code: 'EPERM' });
      await rename(from, to);
    });
    const sleep = vi.fn(() => Promise.resolve());
    const storage = new FileDocumentStorage(path, { platform: 'win32', renameFile: renameFile as unknown as typeof rename, sleep });
    await storage.write(encodeDocument(first));
    expect(renameFile).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(first);
  });

  it('gives up after repeated refusals, keeping the old file and removing the temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'progress.json');
    await writeFile(path, encodeDocument(first));
    const renameFile = vi.fn(() => Promise.reject(Object.assign(new Error('locked'), { code: 'EBUSY' })));
    const storage = new FileDocumentStorage(path, { platform: 'win32', renameFile: renameFile as unknown as typeof rename, sleep: () => Promise.resolve() });
    await expect(storage.write(encodeDocument(second))).rejects.toThrow('locked');
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(first);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('does not retry other errors or on other platforms', async () => {
    const dir = await tempDir();
    const renameFile = vi.fn(() => Promise.reject(Object.assign(new Error('denied'), { code: 'EPERM' })));
    const storage = new FileDocumentStorage(join(dir, 'p.json'), { platform: 'linux', renameFile: renameFile as unknown as typeof rename, sleep: () => Promise.resolve() });
    await expect(storage.write('{}')).rejects.toThrow('denied');
    expect(renameFile).toHaveBeenCalledTimes(1);
  });
});
