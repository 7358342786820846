import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../../src/shared/lessons/lesson-types';
import { formatContentError } from '../../../src/shared/lessons/load-lessons';
import { checkQuizAgainstLesson, compareQuizTranslation } from '../../../src/shared/quizzes/check-quiz';
import { quizOf } from '../../../src/shared/quizzes/load-quizzes';
import { FIXTURES, loadSet, parseFile } from './quiz-test-support';

const PAIRS = `${FIXTURES}/pairs`;
const RULE = 'a translation has the same questions, kinds, steps, answers, choice ids and item ids, in the same order';

describe('loadQuizzes, a valid lesson and its quizzes', () => {
  const { lessons, report } = loadSet('valid');

  it('load with no error, paired with their lessons', () => {
    expect(report.missing).toEqual([]);
    expect(report.quizzes.map((result) => [result.file, result.lessonFile, result.language, result.errors.length, result.quiz?.questions.length])).toEqual([
      [`${FIXTURES}/valid/en/three-steps.quiz.yaml`, `${FIXTURES}/valid/en/three-steps.md`, 'en', 0, 7],
      [`${FIXTURES}/valid/fr/three-steps.quiz.yaml`, `${FIXTURES}/valid/fr/three-steps.md`, 'fr', 0, 7],
    ]);
  });

  it('gives each lesson its quiz', () => {
    for (const result of lessons) {
      if (!result.lesson) throw new Error(`${result.file} did not load`);
      expect(quizOf(report.quizzes, result.lesson)?.language).toBe(result.lesson.language);
    }
    expect(quizOf(report.quizzes, { file: `${FIXTURES}/valid/en/other.md` })).toBeNull();
  });
});

describe('loadQuizzes, quizzes that do not fit their lesson or the English version', () => {
  const { report } = loadSet('pairs');
  const errors = (file: string) => report.quizzes.find((result) => result.file === file)?.errors.map(formatContentError);

  it('reports a step the lesson does not have, in each language', () => {
    expect(errors(`${PAIRS}/en/mismatch.quiz.yaml`)).toEqual([
      `${PAIRS}/en/mismatch.quiz.yaml:43:5 step 5 does not exist: ${PAIRS}/en/mismatch.md has 2 steps (a step is numbered from 1 by its "##" heading)`,
    ]);
  });

  it('reports every difference of the translation, at the translation, pointing at the English version', () => {
    const en = `${PAIRS}/en/mismatch.quiz.yaml`;
    const fr = `${PAIRS}/fr/mismatch.quiz.yaml`;
    expect(errors(fr)).toEqual([
      `${fr}:4:5 question 1 is "other-id" but the English version has "same-id" (${en}:4:5): ${RULE}`,
      `${fr}:11:5 question 2 ("kind"): kind choice differs from the English version's true-false (${en}:11:5): ${RULE}`,
      `${fr}:21:5 question 3 ("step-and-answer"): step 2 differs from the English version's 1 (${en}:18:5): ${RULE}`,
      `${fr}:23:5 question 3 ("step-and-answer"): answer false differs from the English version's true (${en}:20:5): ${RULE}`,
      `${fr}:29:5 question 4 ("choices"): choice ids [a, c, b] differ from the English version's [a, b, c] (${en}:26:5): ${RULE}`,
      `${fr}:39:5 question 5 ("items"): item ids [one, three, two] differ from the English version's [one, two, three] (${en}:36:5): ${RULE}`,
      `${fr}:46:5 step 5 does not exist: ${PAIRS}/fr/mismatch.md has 2 steps (a step is numbered from 1 by its "##" heading)`,
      `${fr}:50:5 question "extra" has no counterpart: the English version (${en}) has 6 questions and this one 7: ${RULE}`,
    ]);
  });

  it('reports a translation with fewer questions at its questions key', () => {
    const en = parseFile(`${PAIRS}/fr/mismatch.quiz.yaml`);
    const fr = parseFile(`${PAIRS}/en/mismatch.quiz.yaml`);
    expect(compareQuizTranslation(en, fr, 'English').map(formatContentError)[0]).toBe(
      `${PAIRS}/en/mismatch.quiz.yaml:3:1 the English version has 7 questions and this one 6: question "extra" (${PAIRS}/fr/mismatch.quiz.yaml:50:5) has no translation`,
    );
  });

  it('reports a quiz with no lesson beside it, and a lesson with no quiz, naming the file', () => {
    expect(errors(`${PAIRS}/en/orphan.quiz.yaml`)).toEqual([
      `${PAIRS}/en/orphan.quiz.yaml:1:1 no lesson for this quiz: ${PAIRS}/en/orphan.md does not exist (a quiz is named after its lesson, beside it)`,
    ]);
    expect(report.missing.map(formatContentError)).toEqual([
      `${PAIRS}/en/no-quiz.md:1:1 no quiz for this lesson: add ${PAIRS}/en/no-quiz.quiz.yaml, its self-check (see docs/authoring.md)`,
    ]);
  });

  it('does not count the steps of a lesson that failed to load (its own errors say why)', () => {
    expect(errors(`${PAIRS}/en/broken-lesson.quiz.yaml`)).toEqual([]);
  });

  it('gives no quiz where there is an error, the quiz where there is none', () => {
    expect(report.quizzes.map((result) => [result.file.slice(PAIRS.length + 1), result.quiz !== null])).toEqual([
      ['en/broken-lesson.quiz.yaml', true],
      ['en/mismatch.quiz.yaml', false],
      ['en/orphan.quiz.yaml', false],
      ['fr/mismatch.quiz.yaml', false],
    ]);
  });

  it('compares nothing when a quiz has errors of its own', () => {
    const broken = parseFile(`${FIXTURES}/invalid/en/bad-rules.quiz.yaml`);
    const valid = parseFile(`${FIXTURES}/valid/fr/three-steps.quiz.yaml`);
    expect(compareQuizTranslation(broken, valid, 'English')).toEqual([]);
    expect(compareQuizTranslation(valid, broken, 'English')).toEqual([]);
  });

  it('counts steps that failed to load as steps of the lesson', () => {
    const quiz = parseFile(`${FIXTURES}/valid/en/three-steps.quiz.yaml`);
    // No step loaded: the lesson's own errors say why; the quiz is not to blame.
    expect(checkQuizAgainstLesson(quiz, lessonWithSteps(3))).toEqual([]);
    expect(checkQuizAgainstLesson(quiz, lessonWithSteps(2)).map(formatContentError)).toEqual(
      [29, 47, 53].map((line) => `${FIXTURES}/valid/en/three-steps.quiz.yaml:${line}:5 step 3 does not exist: lesson.md has 2 steps (a step is numbered from 1 by its "##" heading)`),
    );
  });
});

function lessonWithSteps(stepCount: number): Lesson {
  return { file: 'lesson.md', id: 'three-steps', language: 'en', title: 'Three steps', summary: '', level: 'introductory', durationMinutes: 1, order: 1, sources: [], steps: [], stepCount };
}
