import type { GlossaryEntry } from '../content/glossary';
import type { Reference } from '../content/structure-descriptions';
import type { Language } from '../languages';
import type { Lesson, LessonLevel, Step } from '../lessons/lesson-types';
import type { Quiz } from '../quizzes/quiz-schema';
import { formatReference } from './format-reference';
import { handoutQuiz, type HandoutQuiz, type HandoutQuizOptions } from './handout-quiz';
import { keyTerms, type HandoutTerm, type TermFinder } from './handout-terms';

/**
 * What a lesson's printed handout says, as plain data the renderer lays out: the lesson's title and
 * facts, each step's transcript in its paragraphs, the key terms, the sources and the self-check
 * with its answer key. Pure, so every part is tested in Node; the pictures of the scene are the
 * renderer's, one per step, in `steps` order.
 */

export interface HandoutStep {
  /** Numbered from 1 as the lesson file's `##` headings are, so the quiz's "step 3" finds it. */
  number: number;
  title: string;
  /** The narration, one string per paragraph. */
  paragraphs: string[];
}

export interface HandoutSource {
  id: string;
  text: string;
}

export interface HandoutOutline {
  lessonId: string;
  language: Language;
  title: string;
  summary: string;
  level: LessonLevel;
  durationMinutes: number;
  steps: HandoutStep[];
  keyTerms: HandoutTerm[];
  sources: HandoutSource[];
  /** Null when the lesson has no self-check that loaded. */
  quiz: HandoutQuiz | null;
}

export interface HandoutInput extends HandoutQuizOptions {
  lesson: Lesson;
  quiz: Quiz | null;
  /** The glossary of the lesson's language. */
  glossary: readonly GlossaryEntry[];
  termsIn: TermFinder;
  references: ReadonlyMap<string, Reference>;
}

function paragraphs(step: Step): string[] {
  const grouped = new Map<number, string[]>();
  for (const sentence of step.sentences) grouped.set(sentence.paragraph, [...(grouped.get(sentence.paragraph) ?? []), sentence.text]);
  return [...grouped.entries()].sort(([a], [b]) => a - b).map(([, sentences]) => sentences.join(' '));
}

/** The lesson's bibliography, then anything a step cites that it forgot, each once. */
function sourceIds(lesson: Lesson): string[] {
  return [...new Set([...lesson.sources, ...lesson.steps.flatMap((step) => step.citations)])];
}

export function buildHandoutOutline(input: HandoutInput): HandoutOutline {
  const { lesson } = input;
  const steps = lesson.steps.map((step) => ({ number: step.index + 1, title: step.title, paragraphs: paragraphs(step) }));
  const texts = [lesson.title, lesson.summary, ...steps.flatMap((step) => [step.title, ...step.paragraphs])];
  return {
    lessonId: lesson.id,
    language: lesson.language,
    title: lesson.title,
    summary: lesson.summary,
    level: lesson.level,
    durationMinutes: lesson.durationMinutes,
    steps,
    keyTerms: keyTerms(texts, input.glossary, input.termsIn, lesson.language),
    sources: sourceIds(lesson).map((id) => ({ id, text: formatReference(input.references.get(id), id) })),
    quiz: input.quiz ? handoutQuiz(input.quiz.questions, input) : null,
  };
}
