import { parseReferences } from '../../shared/content/structure-descriptions';
import { loadLessons, type LessonFile } from '../../shared/lessons/load-lessons';
import type { LessonLoadResult } from '../../shared/lessons/lesson-types';
import { loadQuizzes, type QuizFile, type QuizLoadResult } from '../../shared/quizzes/load-quizzes';
import type { Host } from '../host/host';
import { defaultGland } from '../quiz/default-gland';

/** Lesson files are `content/lessons/<language>/<id>.md`; narration lives in folders beside them. */
const LESSON_FILE = /^lessons\/[a-z]{2}\/[a-z0-9][a-z0-9-]*\.md$/;
/** Each lesson's self-check is `<id>.quiz.yaml` beside it. */
const QUIZ_FILE = /^lessons\/[a-z]{2}\/[a-z0-9][a-z0-9-]*\.quiz\.yaml$/;

/**
 * Reads and checks every lesson through the host. Each file gets its own result, so one broken
 * lesson (or one that cannot be read at all) never hides the others. Lessons are checked against
 * the default gland, as `npm run content:check` does.
 */
export async function readLessons(host: Host): Promise<LessonLoadResult[]> {
  const [list, referencesFile] = await Promise.all([host.listContent({ root: 'content' }), host.readContent({ root: 'content', path: 'references.yaml' })]);
  const references = parseReferences(referencesFile.text, 'content/references.yaml');
  const referenceIds = new Set(references.ok ? references.value.keys() : []);
  const paths = list.entries.map((entry) => entry.path).filter((path) => LESSON_FILE.test(path));
  const read = await Promise.all(
    paths.map(async (path): Promise<LessonFile | LessonLoadResult> => {
      const file = `content/${path}`;
      try {
        return { file, text: (await host.readContent({ root: 'content', path })).text };
      } catch (error) {
        const message = `could not be read: ${error instanceof Error ? error.message : String(error)}`;
        const language = path.split('/')[1] === 'fr' ? 'fr' : 'en';
        return { file, language, id: path.split('/').at(-1)!.replace(/\.md$/, ''), status: 'failed', lesson: null, errors: [{ file, line: 1, column: 1, message }] };
      }
    }),
  );
  const files = read.filter((item): item is LessonFile => 'text' in item);
  const unreadable = read.filter((item): item is LessonLoadResult => 'status' in item);
  // The default gland is built once per window and shared (the self-check judges picks against it too).
  const { catalog } = defaultGland();
  return [...loadLessons(files, { catalog, referenceIds }), ...unreadable];
}

/**
 * Reads and checks the quizzes of lessons already read, as `npm run content:check` does. A quiz
 * with an error, or that cannot be read, comes back with `quiz: null` and its errors; `quizOf`
 * (src/shared/quizzes/load-quizzes.ts) finds a lesson's quiz in the result.
 */
export async function readQuizzes(host: Pick<Host, 'listContent' | 'readContent'>, lessons: readonly LessonLoadResult[]): Promise<QuizLoadResult[]> {
  const list = await host.listContent({ root: 'content' });
  const paths = list.entries.map((entry) => entry.path).filter((path) => QUIZ_FILE.test(path));
  const read = await Promise.all(
    paths.map(async (path): Promise<QuizFile | QuizLoadResult> => {
      const file = `content/${path}`;
      try {
        return { file, text: (await host.readContent({ root: 'content', path })).text };
      } catch (error) {
        const message = `could not be read: ${error instanceof Error ? error.message : String(error)}`;
        const language = path.split('/')[1] === 'fr' ? 'fr' : 'en';
        return { file, lessonFile: file.replace(/\.quiz\.yaml$/, '.md'), language, quiz: null, errors: [{ file, line: 1, column: 1, message }] };
      }
    }),
  );
  const files = read.filter((item): item is QuizFile => 'text' in item);
  const unreadable = read.filter((item): item is QuizLoadResult => 'errors' in item);
  // The default gland is built once per window and shared (the self-check judges picks against it too).
  const { catalog } = defaultGland();
  return [...loadQuizzes(files, lessons, { catalog }).quizzes, ...unreadable];
}
