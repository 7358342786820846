import type { ContentError } from '../content/structure-descriptions';
import type { Lesson, SourcePosition } from '../lessons/lesson-types';
import { locate } from '../lessons/yaml-block';
import type { ParsedQuiz } from './parse-quiz';
import type { QuizQuestion } from './quiz-schema';

/**
 * What a quiz is checked against beyond its own file: the lesson it closes (every question names
 * a step of it) and, for a translation, the English version (the same questions with the same
 * answers, only the words differ). Errors point into the quiz being checked, the translation's
 * at the translation.
 */

const where = (file: string, at: SourcePosition) => `${file}:${at.line}:${at.column}`;

/**
 * Each question's `step` is a step of the lesson, numbered from 1 as its `##` headings are. A step
 * the lesson reader left out for its own errors still exists: the lesson's errors say what is wrong.
 */
export function checkQuizAgainstLesson(parsed: ParsedQuiz, lesson: Lesson): ContentError[] {
  const { block } = parsed;
  if (!block) return [];
  const errors: ContentError[] = [];
  // Every question without an error of its own, so that one typo elsewhere hides nothing.
  for (const { index, question } of parsed.questions) {
    if (question.step <= lesson.stepCount) continue;
    const { line, column } = locate(block, ['questions', index, 'step']);
    errors.push({
      file: parsed.file,
      line,
      column,
      message: `step ${question.step} does not exist: ${lesson.file} has ${lesson.stepCount} step${lesson.stepCount === 1 ? '' : 's'} (a step is numbered from 1 by its "##" heading)`,
    });
  }
  return errors;
}

/**
 * The first difference of each question between a translation and the original: its id, kind,
 * step, answer, choice ids or item ids (in order). Questions after a missing or extra one are
 * compared by position, so one insertion is reported once, at the question count.
 */
export function compareQuizTranslation(original: ParsedQuiz, translation: ParsedQuiz, originalName: string): ContentError[] {
  const a = original.quiz;
  const b = translation.quiz;
  const theirBlock = original.block;
  const block = translation.block;
  if (!a || !b || !block || !theirBlock) return [];
  const errors: ContentError[] = [];
  const version = `the ${originalName} version`;
  const rule = 'a translation has the same questions, kinds, steps, answers, choice ids and item ids, in the same order';
  const push = (path: readonly PropertyKey[], message: string) => {
    const { line, column } = locate(block, path);
    errors.push({ file: translation.file, line, column, message });
  };
  const theirs = (path: readonly PropertyKey[]) => where(original.file, locate(theirBlock, path));

  if (b.questions.length > a.questions.length) {
    const extra = b.questions[a.questions.length] as QuizQuestion;
    push(['questions', a.questions.length], `question "${extra.id}" has no counterpart: ${version} (${original.file}) has ${a.questions.length} questions and this one ${b.questions.length}: ${rule}`);
  } else if (b.questions.length < a.questions.length) {
    const missing = a.questions[b.questions.length] as QuizQuestion;
    push(
      ['questions'],
      `${version} has ${a.questions.length} questions and this one ${b.questions.length}: question "${missing.id}" (${theirs(['questions', b.questions.length])}) has no translation`,
    );
  }

  for (let i = 0; i < Math.min(a.questions.length, b.questions.length); i++) {
    const mine = b.questions[i] as QuizQuestion;
    const other = a.questions[i] as QuizQuestion;
    const at = (key: string) => ['questions', i, key];
    const differs = (key: string, what: string, here: string, there: string) =>
      push(at(key), `question ${i + 1} ("${mine.id}"): ${what} ${here} ${what.endsWith('ids') ? 'differ' : 'differs'} from ${version}'s ${there} (${theirs(at(key))}): ${rule}`);
    if (mine.id !== other.id) {
      push(at('id'), `question ${i + 1} is "${mine.id}" but ${version} has "${other.id}" (${theirs(at('id'))}): ${rule}`);
      continue;
    }
    if (mine.kind !== other.kind) {
      differs('kind', 'kind', mine.kind, other.kind);
      continue;
    }
    if (mine.step !== other.step) differs('step', 'step', String(mine.step), String(other.step));
    const answer = answerOf(mine);
    const otherAnswer = answerOf(other);
    if (answer !== otherAnswer) differs('answer', 'answer', answer ?? '', otherAnswer ?? '');
    const ids = optionIds(mine);
    const otherIds = optionIds(other);
    if (ids.join(',') !== otherIds.join(',')) {
      const [key, what] = mine.kind === 'choice' ? ['choices', 'choice ids'] : ['items', 'item ids'];
      differs(key, what, `[${ids.join(', ')}]`, `[${otherIds.join(', ')}]`);
    }
  }
  return errors;
}

function answerOf(question: QuizQuestion): string | null {
  return question.kind === 'order' ? null : String(question.answer);
}

/** Choice or item ids in order; none for the other kinds. */
function optionIds(question: QuizQuestion): string[] {
  if (question.kind === 'choice') return question.choices.map((choice) => choice.id);
  if (question.kind === 'order') return question.items.map((item) => item.id);
  return [];
}
