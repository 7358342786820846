import { describe, expect, it } from 'vitest';
import { LocalStorageDocument } from '../../src/renderer/host/local-storage-document';
import { DocumentStore, encodeDocument } from '../../src/shared/persisted-document';
import { progressDocument } from '../../src/shared/progress';

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  keys() {
    return [...this.map.keys()].sort();
  }
}

describe('LocalStorageDocument', () => {
  it('keeps a backup and recovers from it, keeping the broken entry aside', async () => {
    const storage = new MemoryStorage();
    const doc = new LocalStorageDocument(storage, 'atlas.progress', () => new Date('2026-11-25T12:00:00Z'));
    const store = new DocumentStore(doc, progressDocument);
    await store.save({ schemaVersion: 2, lessons: {}, bookmarks: [] });
    await store.save({ schemaVersion: 2, lessons: { intro: { completed: true, lastPositionSeconds: 1, bestQuizScore: null, updatedAt: '2026-11-25T10:00:00.000Z' } }, bookmarks: [] });
    storage.setItem('atlas.progress', '{"schemaVersion":1,"lessons":');

    const loaded = await new DocumentStore(doc, progressDocument).load();
    expect(loaded.value).toEqual({ schemaVersion: 2, lessons: {}, bookmarks: [] });
    expect(loaded.notice).toMatchObject({ kind: 'recovered-from-backup', keptAsideAt: 'localStorage["atlas.progress.corrupt-2026-11-25T12:00:00.000Z"]' });
    expect(storage.getItem('atlas.progress.corrupt-2026-11-25T12:00:00.000Z')).toBe('{"schemaVersion":1,"lessons":');
    expect(storage.getItem('atlas.progress')).toBe(encodeDocument({ schemaVersion: 2, lessons: {}, bookmarks: [] }));
  });
});
