import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  decodeDocument,
  DocumentStore,
  encodeDocument,
  loadDocument,
  ReadOnlyDocumentError,
  type DocumentSpec,
} from '../../src/shared/persisted-document';
import { emptyProgress, progressDocument, progressSchema, type Progress } from '../../src/shared/progress';
import { MemoryDocumentStorage } from '../support/memory-storage';

const sample: Progress = {
  schemaVersion: 2,
  lessons: {
    'breast-as-tree': { completed: true, lastPositionSeconds: 120.5, bestQuizScore: 0.8, updatedAt: '2026-11-25T10:00:00.000Z' },
  },
  bookmarks: [],
};

/** A document that went through two format changes, to exercise the migration chain. */
const notesV3 = z.object({ schemaVersion: z.literal(3), notes: z.array(z.object({ text: z.string(), pinned: z.boolean() })) }).strict();
const notesSpec: DocumentSpec<z.infer<typeof notesV3>> = {
  name: 'notes',
  currentVersion: 3,
  schema: notesV3,
  migrations: {
    // v1 kept one string; v2 made it a list; v3 added the pinned flag.
    1: (doc) => ({ notes: typeof doc['note'] === 'string' ? [doc['note']] : [] }),
    2: (doc) => ({ notes: (doc['notes'] as string[]).map((text) => ({ text, pinned: false })) }),
  },
  defaults: () => ({ schemaVersion: 3, notes: [] }),
};

describe('decodeDocument', () => {
  it('accepts a valid current document', () => {
    expect(decodeDocument(encodeDocument(sample), progressDocument)).toEqual({ kind: 'ok', value: sample, migratedFrom: null });
  });

  it('reports text that is not JSON, such as a file cut short by a crash', () => {
    const half = encodeDocument(sample).slice(0, 40);
    const result = decodeDocument(half, progressDocument);
    expect(result.kind).toBe('corrupt');
    expect(result.kind === 'corrupt' && result.reason).toMatch(/not valid JSON/);
  });

  it('names the field that fails the schema', () => {
    const bad = { ...sample, lessons: { x: { ...sample.lessons['breast-as-tree'], completed: 'yes' } } };
    const result = decodeDocument(JSON.stringify(bad), progressDocument);
    expect(result.kind === 'corrupt' && result.reason).toMatch(/lessons\.x\.completed/);
  });

  it('recognises a document from a newer version', () => {
    expect(decodeDocument(JSON.stringify({ schemaVersion: 7, lessons: {} }), progressDocument)).toEqual({ kind: 'newer', version: 7 });
  });

  it('rejects documents without a usable schemaVersion', () => {
    for (const text of ['[]', 'null', '{"lessons":{}}', '{"schemaVersion":"1"}', '{"schemaVersion":1.5}']) {
      expect(decodeDocument(text, progressDocument).kind).toBe('corrupt');
    }
  });

  it('migrates old documents step by step to the current version', () => {
    const result = decodeDocument(JSON.stringify({ schemaVersion: 1, note: 'ask about night feeds' }), notesSpec);
    expect(result).toEqual({ kind: 'ok', value: { schemaVersion: 3, notes: [{ text: 'ask about night feeds', pinned: false }] }, migratedFrom: 1 });
    expect(decodeDocument(JSON.stringify({ schemaVersion: 2, notes: ['a'] }), notesSpec)).toMatchObject({ kind: 'ok', migratedFrom: 2 });
  });

  it('treats a version with no migration path as corrupt rather than guessing', () => {
    expect(decodeDocument(JSON.stringify({ schemaVersion: 0 }), notesSpec)).toEqual({ kind: 'corrupt', reason: 'no migration from version 0' });
  });

  it('round-trips any valid progress document', () => {
    const lessonId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    const lesson = fc.record({
      completed: fc.boolean(),
      lastPositionSeconds: fc.double({ min: 0, max: 3600, noNaN: true }),
      bestQuizScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      updatedAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    });
    fc.assert(
      fc.property(fc.dictionary(lessonId, lesson, { maxKeys: 20 }), (lessons) => {
        const value = progressSchema.parse({ schemaVersion: 2, lessons, bookmarks: [] });
        const decoded = decodeDocument(encodeDocument(value), progressDocument);
        expect(decoded).toEqual({ kind: 'ok', value, migratedFrom: null });
      }),
    );
  });
});

describe('loadDocument', () => {
  it('starts from defaults, silently, when nothing was ever saved', async () => {
    const storage = new MemoryDocumentStorage();
    expect(await loadDocument(storage, progressDocument)).toEqual({ value: emptyProgress(), notice: null, readOnly: false });
    expect(storage.writes).toEqual([]);
  });

  it('keeps a corrupt file aside and restores the backup, with a notice', async () => {
    const storage = new MemoryDocumentStorage('{"schemaVersion":1,"less', encodeDocument(sample));
    const loaded = await loadDocument(storage, progressDocument);
    expect(loaded.value).toEqual(sample);
    expect(loaded.notice).toMatchObject({ kind: 'recovered-from-backup', document: 'progress', keptAsideAt: 'aside-1' });
    expect(storage.aside).toEqual(['{"schemaVersion":1,"less']);
    expect(JSON.parse(storage.primary ?? '')).toEqual(sample);
  });

  it('starts afresh when neither the file nor the backup can be read, keeping the file', async () => {
    const storage = new MemoryDocumentStorage('garbage', 'more garbage');
    const loaded = await loadDocument(storage, progressDocument);
    expect(loaded.value).toEqual(emptyProgress());
    expect(loaded.notice).toMatchObject({ kind: 'started-fresh', keptAsideAt: 'aside-1' });
    expect(storage.aside).toEqual(['garbage']);
  });

  it('restores from the backup when the file is missing', async () => {
    const storage = new MemoryDocumentStorage(null, encodeDocument(sample));
    const loaded = await loadDocument(storage, progressDocument);
    expect(loaded.value).toEqual(sample);
    expect(loaded.notice).toMatchObject({ kind: 'recovered-from-backup', keptAsideAt: null });
  });

  it('never touches a file written by a newer version', async () => {
    const newer = JSON.stringify({ schemaVersion: 3, lessons: {}, bookmarks: [], somethingNew: true });
    const storage = new MemoryDocumentStorage(newer);
    const loaded = await loadDocument(storage, progressDocument);
    expect(loaded).toMatchObject({ readOnly: true, notice: { kind: 'newer-version', version: 3 } });
    expect(storage.aside).toEqual([]);
    expect(storage.primary).toBe(newer);
  });
});

describe('DocumentStore', () => {
  it('refuses to save over a newer file and leaves it as it was', async () => {
    const newer = JSON.stringify({ schemaVersion: 9, lessons: {} });
    const storage = new MemoryDocumentStorage(newer);
    const store = new DocumentStore(storage, progressDocument);
    await expect(store.save(sample)).rejects.toBeInstanceOf(ReadOnlyDocumentError);
    expect(storage.primary).toBe(newer);
  });

  it('refuses values that fail the schema', async () => {
    const store = new DocumentStore(new MemoryDocumentStorage(), progressDocument);
    await expect(store.save({ schemaVersion: 2, lessons: { 'Bad Id': sample.lessons['breast-as-tree'] }, bookmarks: [] } as unknown as Progress)).rejects.toThrow();
  });

  it('applies concurrent saves in order and keeps the previous one as backup', async () => {
    const storage = new MemoryDocumentStorage();
    const store = new DocumentStore(storage, progressDocument);
    const second = { ...sample, lessons: {} };
    await Promise.all([store.save(sample), store.save(second)]);
    expect(JSON.parse(storage.primary ?? '')).toEqual(second);
    expect(JSON.parse(storage.backup ?? '')).toEqual(sample);
    expect((await store.load()).value).toEqual(second);
  });
});
