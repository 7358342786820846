import { describe, expect, it } from 'vitest';
import { emptyProgress, progressSchema, withLessonProgress, type Progress } from '../../src/shared/progress';

describe('withLessonProgress', () => {
  const now = new Date('2026-11-26T10:00:00.000Z');
  const before: Progress = {
    schemaVersion: 1,
    lessons: { 'tree-of-milk': { completed: true, lastPositionSeconds: 12, bestQuizScore: 0.5, updatedAt: '2026-11-20T08:00:00.000Z' } },
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
