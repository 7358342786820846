import { readdirSync } from 'node:fs';
import { loadLessons } from '../../../src/shared/lessons/load-lessons';
import type { LessonLoadResult } from '../../../src/shared/lessons/lesson-types';
import { loadQuizzes, type QuizzesReport } from '../../../src/shared/quizzes/load-quizzes';
import { parseQuiz, type ParsedQuiz } from '../../../src/shared/quizzes/parse-quiz';
import { context, read, ROOT } from '../lessons/lesson-test-support';

export { context, read, ROOT };
export const FIXTURES = 'test/fixtures/quizzes';

/** Parses a quiz file given relative to the project folder, under that name. */
export function parseFile(file: string): ParsedQuiz {
  return parseQuiz(read(file), file, context);
}

/** `line:column message` for each error, the file left out. */
export function located(errors: readonly { line: number; column: number; message: string }[]): string[] {
  return errors.map((error) => `${error.line}:${error.column} ${error.message}`);
}

/** The lessons and quizzes of a fixture set (`valid`, `pairs`), both languages, loaded as the content check does. */
export function loadSet(set: string): { lessons: LessonLoadResult[]; report: QuizzesReport } {
  const files = ['en', 'fr'].flatMap((language) => readdirSync(`${ROOT}${FIXTURES}/${set}/${language}`).sort().map((name) => `${FIXTURES}/${set}/${language}/${name}`));
  const lessons = loadLessons(
    files.filter((file) => file.endsWith('.md')).map((file) => ({ file, text: read(file) })),
    context,
  );
  const report = loadQuizzes(
    files.filter((file) => file.endsWith('.quiz.yaml')).map((file) => ({ file, text: read(file) })),
    lessons,
    context,
  );
  return { lessons, report };
}
