import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../src/shared/bookmarks';
import { decodeDocument, encodeDocument } from '../../src/shared/persisted-document';
import { emptyProgress, progressDocument, progressSchema, withBookmarks, withLessonProgress, type Progress } from '../../src/shared/progress';

describe('withLessonProgress', () => {
  const now = new Date('2026-11-26T10:00:00.000Z');
  const before: Progress = {
    schemaVersion: 2,
    lessons: { 'tree-of-milk': { completed: true, lastPositionSeconds: 12, bestQuizScore: 0.5, updatedAt: '2026-11-20T08:00:00.000Z' } },
    bookmarks: [],
  };

  it('changes one lesson from what it held, stamps the date, and leaves the others', () => {
    const next = withLessonProgress(before, 'ejection-reflex', (old) => ({ completed: false, lastPositionSeconds: 30, bestQuizScore: old?.bestQuizScore ?? null }), now);
    expect(next.lessons['ejection-reflex']).toEqual({ completed: false, lastPositionSeconds: 30, bestQuizScore: null, updatedAt: now.toISOString() });
    expect(next.lessons['tree-of-milk']).toBe(before.lessons['tree-of-milk']);
    expect(progressSchema.safeParse(next).success).toBe(true);
  });

  it('passes the lesson’s previous record to the change, and starts from empty progress', () => {
    const next = withLessonProgress(before, 'tree-of-milk', (old) => ({ completed: old?.completed ?? false, lastPositionSeconds: 0, bestQuizScore: Math.max(old?.bestQuizScore ?? 0, 0.75) }), now);
    expect(next.lessons['tree-of-milk']).toMatchObject({ completed: true, bestQuizScore: 0.75 });
    expect(before.lessons['tree-of-milk']?.bestQuizScore).toBe(0.5);
    expect(withLessonProgress(null, 'x', () => ({ completed: false, lastPositionSeconds: 0, bestQuizScore: null }), now)).toEqual({
      ...emptyProgress(),
      lessons: { x: { completed: false, lastPositionSeconds: 0, bestQuizScore: null, updatedAt: now.toISOString() } },
    });
  });
});

describe('progress version 2: bookmarks', () => {
  const lessons = { 'tree-of-milk': { completed: true, lastPositionSeconds: 12, bestQuizScore: 0.5, updatedAt: '2026-11-20T08:00:00.000Z' } };
  const saved: Bookmark = {
    id: 'b-1',
    createdAt: '2026-11-26T10:00:00.000Z',
    note: 'Day 3: the milk comes in',
    view: { kind: 'physiology', scenario: 'term-birth', lifeHours: 60, stress: 0 },
  };

  it('reads a version 1 file as version 2 with no bookmarks, lessons untouched', () => {
    const decoded = decodeDocument(encodeDocument({ schemaVersion: 1, lessons }), progressDocument);
    expect(decoded).toEqual({ kind: 'ok', value: { schemaVersion: 2, lessons, bookmarks: [] }, migratedFrom: 1 });
  });

  it('reads back the bookmarks it wrote, and refuses a version 2 file without them or with a bad one', () => {
    const progress: Progress = { schemaVersion: 2, lessons, bookmarks: [saved] };
    expect(decodeDocument(encodeDocument(progress), progressDocument)).toEqual({ kind: 'ok', value: progress, migratedFrom: null });
    expect(decodeDocument(encodeDocument({ schemaVersion: 2, lessons }), progressDocument)).toMatchObject({ kind: 'corrupt' });
    const bad = { ...saved, view: { ...saved.view, scenario: 'twins' } };
    expect(decodeDocument(encodeDocument({ schemaVersion: 2, lessons, bookmarks: [bad] }), progressDocument)).toMatchObject({ kind: 'corrupt' });
  });

  it('changes the bookmarks and leaves the lessons, starting from empty progress', () => {
    const before: Progress = { schemaVersion: 2, lessons, bookmarks: [] };
    const next = withBookmarks(before, (list) => [...list, saved]);
    expect(next).toEqual({ schemaVersion: 2, lessons, bookmarks: [saved] });
    expect(next.lessons).toBe(before.lessons);
    expect(before.bookmarks).toEqual([]);
    expect(withBookmarks(null, () => [saved])).toEqual({ ...emptyProgress(), bookmarks: [saved] });
  });

  it('keeps the bookmarks when a lesson is recorded', () => {
    const before: Progress = { schemaVersion: 2, lessons: {}, bookmarks: [saved] };
    const next = withLessonProgress(before, 'x', () => ({ completed: false, lastPositionSeconds: 0, bestQuizScore: null }), new Date('2026-11-27T00:00:00Z'));
    expect(next.bookmarks).toEqual([saved]);
  });
});
