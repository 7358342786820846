import type { Language } from '../../shared/languages';
import type { LessonLoadResult } from '../../shared/lessons/lesson-types';
import { buildTimeline, readingTimings, stepIndexAt } from '../../shared/lessons/timeline';
import type { Progress } from '../../shared/progress';

/**
 * One line of the progress page per lesson of the learner's language, in the library's order.
 * The step of the last position is found on the reading clock's timeline, the one the player
 * resumes on (LessonPlayer starts its clock there before any recording's timing is known).
 */
export interface ProgressRow {
  id: string;
  title: string;
  status: 'completed' | 'started' | 'notStarted';
  /** Where the learner stopped; null at the start, or once the lesson was finished. */
  position: { seconds: number; step: number; steps: number } | null;
  /** Best self-check score, a fraction from 0 to 1; null before a first attempt. */
  bestScore: number | null;
  updatedAt: string | null;
}

export function progressRows(results: readonly LessonLoadResult[], language: Language, progress: Progress | null): ProgressRow[] {
  return results
    .filter((result) => result.language === language && result.lesson !== null)
    .sort((a, b) => (a.lesson?.order ?? Infinity) - (b.lesson?.order ?? Infinity) || a.id.localeCompare(b.id))
    .flatMap((result): ProgressRow[] => {
      const lesson = result.lesson;
      if (!lesson) return [];
      const saved = progress?.lessons[lesson.id];
      const seconds = saved?.lastPositionSeconds ?? 0;
      const position =
        saved && seconds > 0 && lesson.steps.length > 0
          ? { seconds, step: stepIndexAt(buildTimeline(lesson, readingTimings(lesson)), seconds) + 1, steps: lesson.steps.length }
          : null;
      const status = saved?.completed ? 'completed' : saved && seconds > 0 ? 'started' : 'notStarted';
      return [{ id: lesson.id, title: lesson.title, status, position, bestScore: saved?.bestQuizScore ?? null, updatedAt: saved?.updatedAt ?? null }];
    });
}
