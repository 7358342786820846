import { z } from 'zod';
import { bookmarkListSchema, type Bookmark } from './bookmarks';
import type { DocumentSpec } from './persisted-document';

/**
 * A learner's progress, kept on their own computer. One entry per lesson id; the lessons, quiz and
 * bookmark issues add fields through schema versions and migrations, never by loosening this schema.
 */
export const PROGRESS_VERSION = 2;

export const MAX_TRACKED_LESSONS = 500;

export const lessonIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lesson id is lower-case letters, digits and hyphens (at most 64)');

export const lessonProgressSchema = z
  .object({
    completed: z.boolean(),
    /** Where the learner stopped, in seconds of lesson time. */
    lastPositionSeconds: z.number().finite().min(0).max(6 * 3600),
    /** Best quiz score as a fraction of questions right, or null before a first attempt. */
    bestQuizScore: z.number().min(0).max(1).nullable(),
    updatedAt: z.iso.datetime(),
  })
  .strict();

export const progressSchema = z
  .object({
    schemaVersion: z.literal(PROGRESS_VERSION),
    lessons: z
      .record(lessonIdSchema, lessonProgressSchema)
      .refine((lessons) => Object.keys(lessons).length <= MAX_TRACKED_LESSONS, {
        message: `at most ${MAX_TRACKED_LESSONS} lessons can be tracked`,
      }),
    /** Views the learner saved with a note (version 2), in the order they were made. */
    bookmarks: bookmarkListSchema,
  })
  .strict();

export type Progress = z.infer<typeof progressSchema>;
export type LessonProgress = z.infer<typeof lessonProgressSchema>;

export function emptyProgress(): Progress {
  return { schemaVersion: PROGRESS_VERSION, lessons: {}, bookmarks: [] };
}

export const progressDocument: DocumentSpec<Progress> = {
  name: 'progress',
  currentVersion: PROGRESS_VERSION,
  schema: progressSchema,
  migrations: {
    // Version 2 added bookmarks: a version 1 learner had none.
    1: (doc) => ({ ...doc, bookmarks: [] }),
  },
  defaults: emptyProgress,
};

/**
 * The progress after one lesson's record changed: `change` receives what was recorded before (or
 * null) and returns the new fields; the date of the change is stamped here. Every other lesson is
 * left as it was.
 */
export function withLessonProgress(
  progress: Progress | null,
  id: string,
  change: (before: LessonProgress | null) => Omit<LessonProgress, 'updatedAt'>,
  now: Date,
): Progress {
  const base = progress ?? emptyProgress();
  return { ...base, lessons: { ...base.lessons, [id]: { ...change(base.lessons[id] ?? null), updatedAt: now.toISOString() } } };
}

/** The progress after the bookmarks changed: `change` receives the list before. Lessons are left as they were. */
export function withBookmarks(progress: Progress | null, change: (before: readonly Bookmark[]) => Bookmark[]): Progress {
  const base = progress ?? emptyProgress();
  return { ...base, bookmarks: change(base.bookmarks) };
}
