import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuiz } from '../../../src/shared/quizzes/format-quiz';
import { parseQuiz } from '../../../src/shared/quizzes/parse-quiz';
import { compareQuizTranslation } from '../../../src/shared/quizzes/check-quiz';
import { BODY_PARTS } from '../../../src/shared/quizzes/pick-structure';
import { QUIZ_MIN_QUESTIONS, type Quiz, type QuizQuestion } from '../../../src/shared/quizzes/quiz-schema';
import { context } from './quiz-test-support';

type QuizBody = Omit<Quiz, 'file'>;

const kebab = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,4}){0,2}$/);
// Ids that YAML could read as numbers (1, 007, 1e3) are the interesting ones.
const optionId = fc.stringMatching(/^[a-z0-9]{1,3}(?:-[a-z0-9]{1,3})?$/);
/** Text as the schema keeps it: trimmed, not empty; with quotes, colons, hashes, accents and line breaks. */
const text = (max: number) =>
  fc
    .oneof(fc.string({ maxLength: max }), fc.string({ unit: 'grapheme', maxLength: max }), fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', '"', "'", '\n', 'é', '’', '\u202f', '{', '>', '|'), maxLength: max }))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);

const options = (min: number, max: number) =>
  fc.uniqueArray(optionId, { minLength: min, maxLength: max }).chain((ids) => fc.tuple(...ids.map((id) => text(40).map((t) => ({ id, text: t })))));

const common = { step: fc.integer({ min: 1, max: 40 }), prompt: text(120), explanation: text(200) };
const pickAnswers = [...context.catalog.knownIds.slice(0, 40), 'main-ducts', 'alveolus-3.1.2.1.1.5', ...BODY_PARTS.map((part) => `body:${part}`)];

const question = (id: string): fc.Arbitrary<QuizQuestion> =>
  fc.oneof(
    fc.record({ ...common, choices: options(2, 6) }).chain((q) => fc.constantFrom(...q.choices.map((c) => c.id)).map((answer): QuizQuestion => ({ id, kind: 'choice', step: q.step, prompt: q.prompt, choices: q.choices, answer, explanation: q.explanation }))),
    fc.record({ ...common, answer: fc.boolean() }).map((q): QuizQuestion => ({ id, kind: 'true-false', ...q })),
    fc.record({ ...common, answer: fc.constantFrom(...pickAnswers) }).map((q): QuizQuestion => ({ id, kind: 'pick-structure', ...q })),
    fc.record({ ...common, items: options(3, 7) }).map((q): QuizQuestion => ({ id, kind: 'order', ...q })),
  );

const quizBody: fc.Arbitrary<QuizBody> = fc.record({
  lesson: kebab,
  language: fc.constantFrom('en' as const, 'fr' as const),
  questions: fc.uniqueArray(kebab, { minLength: QUIZ_MIN_QUESTIONS, maxLength: 9 }).chain((ids) => fc.tuple(...ids.map(question))),
});

const fileOf = (quiz: QuizBody) => `content/lessons/${quiz.language}/${quiz.lesson}.quiz.yaml`;

describe('a valid quiz', () => {
  it('round-trips: written as YAML and read back, it is the same quiz, with no error', () => {
    fc.assert(
      fc.property(quizBody, (quiz) => {
        const file = fileOf(quiz);
        const parsed = parseQuiz(formatQuiz(quiz), file, context);
        expect(parsed.errors).toEqual([]);
        expect(parsed.quiz).toEqual({ file, ...quiz });
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('matches a translation that changes only the words, and not one that moves a question to another step', () => {
    fc.assert(
      fc.property(quizBody, fc.nat(), (quiz, pick) => {
        const en = { ...quiz, language: 'en' as const };
        const reworded: QuizBody = {
          ...en,
          language: 'fr',
          questions: en.questions.map((q) => {
            const words = { prompt: `« ${q.prompt} »`, explanation: `${q.explanation} !` };
            if (q.kind === 'choice') return { ...q, ...words, choices: q.choices.map((c) => ({ ...c, text: `${c.text} (fr)` })) };
            if (q.kind === 'order') return { ...q, ...words, items: q.items.map((item) => ({ ...item, text: `${item.text} (fr)` })) };
            return { ...q, ...words };
          }),
        };
        const original = parseQuiz(formatQuiz(en), fileOf(en), context);
        expect(compareQuizTranslation(original, parseQuiz(formatQuiz(reworded), fileOf(reworded), context), 'English')).toEqual([]);

        const index = pick % reworded.questions.length;
        const changed = { ...reworded, questions: reworded.questions.map((q, i) => (i === index ? { ...q, step: q.step + 1 } : q)) };
        const errors = compareQuizTranslation(original, parseQuiz(formatQuiz(changed), fileOf(changed), context), 'English');
        expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(new RegExp(`^question ${index + 1} \\(".+"\\): step \\d+ differs from the English version's \\d+`))]);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
