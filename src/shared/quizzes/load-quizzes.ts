import type { ContentError } from '../content/structure-descriptions';
import { LANGUAGES, type Language } from '../languages';
import type { Lesson, LessonLoadResult } from '../lessons/lesson-types';
import { LANGUAGE_NAMES } from '../lessons/load-lessons';
import { lessonPathParts } from '../lessons/parse-lesson';
import { checkQuizAgainstLesson, compareQuizTranslation } from './check-quiz';
import { lessonPathOfQuiz, parseQuiz, quizPathOfLesson, type ParsedQuiz, type QuizContext } from './parse-quiz';
import type { Quiz } from './quiz-schema';

/**
 * Loads the quizzes of a set of lessons already loaded (load-lessons.ts): each quiz file is parsed,
 * paired with the lesson beside it (`x.quiz.yaml` with `x.md` in the same folder), checked against
 * its steps, and each translation compared with the English quiz. Every lesson in a language
 * folder needs its quiz: one missing is an error in the lesson file, naming the quiz to add.
 *
 * One result per quiz file, in the order given; a quiz with any error has `quiz: null`, so the app
 * offers no self-check rather than a wrong one.
 */

export interface QuizFile {
  /** The path used in errors, e.g. `content/lessons/en/tree-of-milk.quiz.yaml`. */
  file: string;
  text: string;
}

export interface QuizLoadResult {
  file: string;
  /** The lesson file beside it, e.g. `content/lessons/en/tree-of-milk.md` (which may not exist). */
  lessonFile: string;
  /** The file's language folder, if it is a language code. */
  language: Language | null;
  /** Null when the quiz, or its fit with its lesson or the English quiz, has an error. */
  quiz: Quiz | null;
  /** Sorted by position. */
  errors: ContentError[];
}

export interface QuizzesReport {
  quizzes: QuizLoadResult[];
  /** One error per lesson (in a language folder) with no quiz file beside it, in that lesson's file. */
  missing: ContentError[];
}

export interface LoadQuizzesOptions {
  /** Compare each translation with the English quiz (default true). */
  checkTranslations?: boolean;
}

export function loadQuizzes(files: readonly QuizFile[], lessons: readonly LessonLoadResult[], context: QuizContext, options: LoadQuizzesOptions = {}): QuizzesReport {
  const parsed = files.map(({ file, text }) => parseQuiz(text, file, context));
  const lessonsByFile = new Map(lessons.map((result) => [result.file, result]));
  const extra = new Map<ParsedQuiz, ContentError[]>(parsed.map((quiz) => [quiz, []]));

  for (const quiz of parsed) {
    const lessonFile = lessonPathOfQuiz(quiz.file);
    const lesson = lessonsByFile.get(lessonFile);
    const errors = extra.get(quiz) as ContentError[];
    if (!lesson) {
      errors.push({ file: quiz.file, line: 1, column: 1, message: `no lesson for this quiz: ${lessonFile} does not exist (a quiz is named after its lesson, beside it)` });
    } else if (lesson.lesson) {
      // A lesson that failed to load has said why; its steps cannot be counted.
      errors.push(...checkQuizAgainstLesson(quiz, lesson.lesson));
    }
  }
  if (options.checkTranslations ?? true) checkTranslations(parsed, extra);

  const quizFiles = new Set(files.map(({ file }) => file));
  const missing: ContentError[] = [];
  for (const lesson of lessons) {
    if (lessonPathParts(lesson.file).language === null) continue;
    const expected = quizPathOfLesson(lesson.file);
    if (!quizFiles.has(expected)) {
      missing.push({ file: lesson.file, line: 1, column: 1, message: `no quiz for this lesson: add ${expected}, its self-check (see docs/authoring.md)` });
    }
  }

  const quizzes = parsed.map((quiz): QuizLoadResult => {
    const errors = [...quiz.errors, ...(extra.get(quiz) ?? [])].sort((a, b) => a.line - b.line || a.column - b.column);
    return { file: quiz.file, lessonFile: lessonPathOfQuiz(quiz.file), language: quiz.folderLanguage, quiz: errors.length === 0 ? quiz.quiz : null, errors };
  });
  return { quizzes, missing };
}

/** Each translation against the English quiz in the sibling folder: `…/fr/x.quiz.yaml` with `…/en/x.quiz.yaml`. */
function checkTranslations(quizzes: readonly ParsedQuiz[], extra: Map<ParsedQuiz, ContentError[]>): void {
  const [reference, ...others] = LANGUAGES;
  const byLesson = new Map<string, Map<Language, ParsedQuiz>>();
  for (const quiz of quizzes) {
    if (quiz.folderLanguage === null || quiz.lessonName === null) continue;
    const key = quiz.file.replace(/[^/\\]+([/\\][^/\\]+)$/, '*$1');
    const versions = byLesson.get(key) ?? new Map<Language, ParsedQuiz>();
    versions.set(quiz.folderLanguage, quiz);
    byLesson.set(key, versions);
  }
  for (const versions of byLesson.values()) {
    const original = versions.get(reference);
    if (!original) continue;
    for (const language of others) {
      const translation = versions.get(language);
      if (translation) extra.get(translation)?.push(...compareQuizTranslation(original, translation, LANGUAGE_NAMES[reference]));
    }
  }
}

/** The quiz of a lesson, if it loaded with no error. */
export function quizOf(results: readonly QuizLoadResult[], lesson: Pick<Lesson, 'file'>): Quiz | null {
  const file = quizPathOfLesson(lesson.file);
  return results.find((result) => result.file === file)?.quiz ?? null;
}
