import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/content-check';
import { LANGUAGES } from '../../../src/shared/languages';
import { formatContentError } from '../../../src/shared/lessons/load-lessons';
import { lessonPathParts } from '../../../src/shared/lessons/parse-lesson';
import { quizPathOfLesson } from '../../../src/shared/quizzes/parse-quiz';
import { QUESTION_KINDS, type Quiz } from '../../../src/shared/quizzes/quiz-schema';
import { useTempDirs } from '../../support/temp-dir';
import { read, ROOT } from './quiz-test-support';

/**
 * The shipped quizzes. While lessons are being written, a lesson may still lack its quiz: the first
 * test fails until every lesson of content/lessons has one in both languages.
 */

const report = checkContent(ROOT);
const curriculum = report.lessons.filter((result) => lessonPathParts(result.file).language !== null);

/** Every text of a quiz a learner reads. */
function texts(quiz: Quiz): string[] {
  return quiz.questions.flatMap((q) => [
    q.prompt,
    q.explanation,
    ...(q.kind === 'choice' ? q.choices.map((c) => c.text) : []),
    ...(q.kind === 'order' ? q.items.map((i) => i.text) : []),
  ]);
}

describe('the shipped quizzes', () => {
  it('give every lesson of content/lessons a valid quiz in both languages, each question naming a step the lesson has', () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      if (!curriculum.some((result) => result.language === language)) problems.push(`no lesson in ${language}`);
    }
    for (const result of curriculum) {
      const file = quizPathOfLesson(result.file);
      const quiz = report.quizzes.find((candidate) => candidate.file === file);
      if (!quiz) {
        problems.push(`${result.file}: no quiz (${file})`);
        continue;
      }
      problems.push(...quiz.errors.map(formatContentError));
      if (!quiz.quiz || !result.lesson) {
        if (quiz.errors.length === 0) problems.push(`${file}: its lesson ${result.file} did not load`);
        continue;
      }
      const steps = new Set(result.lesson.steps.map((step) => step.index + 1));
      for (const question of quiz.quiz.questions) {
        if (!steps.has(question.step)) problems.push(`${file}: question "${question.id}" names step ${question.step}, which ${result.file} does not play`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('have no quiz without its lesson', () => {
    const lessonFiles = new Set(report.lessons.map((result) => result.file));
    expect(report.quizzes.map((quiz) => quiz.lessonFile).filter((file) => !lessonFiles.has(file))).toEqual([]);
  });

  it('close the tree-of-milk lesson with 6 to 8 questions of all four kinds, the same in both languages', () => {
    for (const language of LANGUAGES) {
      const quiz = report.quizzes.find((result) => result.file === `content/lessons/${language}/tree-of-milk.quiz.yaml`);
      expect(quiz?.errors.map(formatContentError)).toEqual([]);
      const questions = quiz?.quiz?.questions ?? [];
      expect(questions.length, language).toBeGreaterThanOrEqual(6);
      expect(questions.length, language).toBeLessThanOrEqual(8);
      expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(QUESTION_KINDS));
    }
  });

  it('point each tree-of-milk question at the step that teaches it (a step added before it shifts the numbers)', () => {
    const expected: Record<string, string> = {
      'size-and-tissue': 'A tree hidden in the breast',
      'openings-and-ducts': 'The trunk: the nipple and its openings',
      'duct-count': 'The branches: about nine main ducts',
      'find-main-duct': 'The branches: about nine main ducts',
      sinuses: 'No lakes of milk behind the nipple',
      'nipple-nerve': 'What holds and feeds the tree',
      'what-pushes-milk-out': 'Inside an alveolus',
      'milk-path': 'From leaf to trunk',
    };
    const lesson = report.lessons.find((result) => result.file === 'content/lessons/en/tree-of-milk.md')?.lesson;
    const quiz = report.quizzes.find((result) => result.file === 'content/lessons/en/tree-of-milk.quiz.yaml')?.quiz;
    const taught = Object.fromEntries((quiz?.questions ?? []).map((q) => [q.id, lesson?.steps.find((step) => step.index === q.step - 1)?.title]));
    expect(taught).toEqual(expected);
  });

  it('write French with French typography, and English without it', () => {
    for (const result of report.quizzes) {
      if (!result.quiz) continue;
      for (const text of texts(result.quiz)) {
        if (result.language === 'fr') {
          expect(text, 'a plain space before ; ! ? : or », or after «').not.toMatch(/ [;!?:»]|« /);
          expect(text, 'a narrow no-break space (U+202F) before ; ! ?').not.toMatch(/[^\u202f][;!?]/);
          expect(text, 'a no-break space (U+00A0) before :').not.toMatch(/[^\u00a0]:/);
          expect(text, 'curly apostrophes and « guillemets »').not.toMatch(/['"]/);
        } else {
          expect(text).not.toMatch(/[\u00a0\u202f]/);
        }
      }
    }
  });
});

const tempDir = useTempDirs();

describe('checkContent: quizzes', () => {
  it('reports quiz errors with file, line and column, and a lesson without its quiz', async () => {
    const root = await tempDir();
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    const quiz = 'content/lessons/fr/tree-of-milk.quiz.yaml';
    writeFileSync(join(root, quiz), read(quiz).replace('answer: main-ducts', 'answer: main-duct').replace('step: 1\n', 'step: 99\n'));
    writeFileSync(join(root, 'content/lessons/en/orphan.quiz.yaml'), read(quiz));
    writeFileSync(join(root, 'content/lessons/en/unquizzed.md'), read('content/lessons/en/tree-of-milk.md').replace('id: tree-of-milk', 'id: unquizzed'));
    const mine = new Set([quiz, 'content/lessons/en/orphan.quiz.yaml', 'content/lessons/en/unquizzed.md']);
    const errors = checkContent(root).errors.filter((error) => mine.has(error.file) && !/French version|English version has/.test(error.message));
    const answerLine = read(quiz).split('\n').findIndex((line) => line.includes('answer: main-ducts')) + 1;
    const stepLine = read(quiz).split('\n').findIndex((line) => line.includes('step: 1')) + 1;
    const stepCount = read('content/lessons/fr/tree-of-milk.md').match(/^## /gm)?.length;
    expect(errors.map(formatContentError)).toEqual([
      'content/lessons/en/orphan.quiz.yaml:1:1 lesson "tree-of-milk" does not match the file name "orphan.quiz.yaml": a quiz is named after its lesson',
      'content/lessons/en/orphan.quiz.yaml:1:1 no lesson for this quiz: content/lessons/en/orphan.md does not exist (a quiz is named after its lesson, beside it)',
      'content/lessons/en/orphan.quiz.yaml:2:1 language "fr" does not match the folder "en" the file is in',
      'content/lessons/en/unquizzed.md:1:1 no quiz for this lesson: add content/lessons/en/unquizzed.quiz.yaml, its self-check (see docs/authoring.md)',
      `${quiz}:${stepLine}:5 step 99 does not exist: content/lessons/fr/tree-of-milk.md has ${stepCount} steps (a step is numbered from 1 by its "##" heading)`,
      `${quiz}:${answerLine}:5 answer: unknown structure "main-duct" (did you mean "main-ducts"?); or a part of the body map written body:<part>`,
    ]);
  });
});
