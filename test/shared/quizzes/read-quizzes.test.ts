import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readQuizzes } from '../../../src/renderer/lessons/read-lessons';
import type { Host } from '../../../src/renderer/host/host';
import { loadLessons } from '../../../src/shared/lessons/load-lessons';
import { quizOf } from '../../../src/shared/quizzes/load-quizzes';
import { context, ROOT } from './quiz-test-support';

/** The app's reading of quizzes through its host, here a host over the real content/ with one file that cannot be read. */
function contentHost(unreadable: string): Pick<Host, 'listContent' | 'readContent'> {
  const paths = ['en', 'fr'].flatMap((language) => readdirSync(`${ROOT}content/lessons/${language}`).map((name) => `lessons/${language}/${name}`));
  return {
    listContent: async ({ root }) => ({ root, entries: paths.map((path) => ({ path, bytes: 1 })) }),
    readContent: async ({ root, path }) => {
      if (path === unreadable) throw new Error('permission denied');
      return { root, path, text: readFileSync(`${ROOT}content/${path}`, 'utf8') };
    },
  };
}

describe('readQuizzes', () => {
  it('gives each lesson the app reads its quiz, and says which file could not be read', async () => {
    const lessonFiles = ['en', 'fr'].map((language) => `content/lessons/${language}/tree-of-milk.md`);
    const lessons = loadLessons(
      lessonFiles.map((file) => ({ file, text: readFileSync(`${ROOT}${file}`, 'utf8') })),
      context,
    );
    const quizzes = await readQuizzes(contentHost('lessons/fr/tree-of-milk.quiz.yaml'), lessons);
    const english = lessons[0]?.lesson;
    if (!english) throw new Error('the English lesson did not load');
    expect(quizOf(quizzes, english)?.questions.length).toBeGreaterThanOrEqual(5);
    expect(quizzes.find((result) => result.file === 'content/lessons/fr/tree-of-milk.quiz.yaml')).toEqual({
      file: 'content/lessons/fr/tree-of-milk.quiz.yaml',
      lessonFile: 'content/lessons/fr/tree-of-milk.md',
      language: 'fr',
      quiz: null,
      errors: [{ file: 'content/lessons/fr/tree-of-milk.quiz.yaml', line: 1, column: 1, message: 'could not be read: permission denied' }],
    });
  });
});
