import { z } from 'zod';
import { LANGUAGES } from '../languages';

/**
 * The self-check at the end of a lesson: one YAML file per lesson and language,
 * `content/lessons/<language>/<lesson id>.quiz.yaml`, beside the lesson. docs/authoring.md
 * ("The self-check (quiz file)") describes the format for authors; this file is its reference.
 *
 * ```yaml
 * lesson: tree-of-milk
 * language: en
 * questions:
 *   - id: duct-count
 *     kind: choice            # choice | true-false | pick-structure | order
 *     step: 3                 # the step that teaches the answer, from 1
 *     prompt: …
 *     choices: [{ id: a, text: … }, { id: b, text: … }]
 *     answer: b
 *     explanation: …
 * ```
 *
 * The schemas check each value on its own. What needs the whole file (unique ids, an answer among
 * the choices, at least `QUIZ_MIN_QUESTIONS` questions) or something outside it (the gland's
 * structures, the lesson's steps, the English version) is checked by parse-quiz.ts and
 * check-quiz.ts, which point at the value at fault.
 */

export const QUESTION_KINDS = ['choice', 'true-false', 'pick-structure', 'order'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUIZ_MIN_QUESTIONS = 5;
export const CHOICES_MIN = 2;
export const CHOICES_MAX = 6;
export const ITEMS_MIN = 3;
export const ITEMS_MAX = 7;
export const PROMPT_MAX_CHARACTERS = 400;
export const OPTION_MAX_CHARACTERS = 250;
export const EXPLANATION_MAX_CHARACTERS = 800;

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Choice and item ids: `a`, `b`, `2`, `let-down`… */
const OPTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} is longer than ${max} characters` });

/** A YAML author writes `id: 1` as easily as `id: a`; both are ids. */
const optionId = (what: string, example: string) =>
  z.preprocess(
    (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : value),
    z.string({ error: `${what} must be text, e.g. ${example}` }).regex(OPTION_ID, { error: `${what} is lower-case letters, digits and hyphens, e.g. ${example}` }),
  );

const optionShape = (example: string) => ({
  id: optionId('id', example),
  text: text('text', OPTION_MAX_CHARACTERS),
});
/** The keys of a choice or an item. */
export const OPTION_SHAPE = optionShape('a');

const choiceSchema = z.strictObject(OPTION_SHAPE, { error: 'a choice is written { id: a, text: "…" }' });
const itemSchema = z.strictObject(optionShape('suckling'), { error: 'an item is written { id: suckling, text: "…" }' });

const commonShape = {
  id: z.string({ error: 'id must be text, e.g. duct-count' }).regex(KEBAB, { error: 'id is kebab-case: lower-case letters and digits joined by hyphens, e.g. duct-count' }),
  step: z
    .number({ error: 'step must be the number of the step that teaches the answer, from 1 for the lesson\'s first "##" heading' })
    .int({ error: 'step must be a whole number, from 1 for the lesson\'s first "##" heading' })
    .min(1, { error: 'step must be a whole number, from 1 for the lesson\'s first "##" heading' }),
  prompt: text('prompt', PROMPT_MAX_CHARACTERS),
  explanation: text('explanation', EXPLANATION_MAX_CHARACTERS),
};

export const choiceQuestionShape = {
  id: commonShape.id,
  kind: z.literal('choice'),
  step: commonShape.step,
  prompt: commonShape.prompt,
  choices: z
    .array(choiceSchema, { error: `choices must be a list of ${CHOICES_MIN} to ${CHOICES_MAX} choices, each { id: a, text: "…" }` })
    .min(CHOICES_MIN, { error: `choices must list ${CHOICES_MIN} to ${CHOICES_MAX} choices` })
    .max(CHOICES_MAX, { error: `choices must list ${CHOICES_MIN} to ${CHOICES_MAX} choices` }),
  answer: optionId('answer', 'b (one of the choice ids)'),
  explanation: commonShape.explanation,
};

export const trueFalseQuestionShape = {
  id: commonShape.id,
  kind: z.literal('true-false'),
  step: commonShape.step,
  prompt: commonShape.prompt,
  answer: z.boolean({ error: 'answer must be true or false' }),
  explanation: commonShape.explanation,
};

export const pickStructureQuestionShape = {
  id: commonShape.id,
  kind: z.literal('pick-structure'),
  step: commonShape.step,
  prompt: commonShape.prompt,
  /** A structure id or group of the gland, or `body:<part>` (pick-structure.ts). */
  answer: z
    .string({ error: 'answer must be a structure id or group of the gland (nipple, main-ducts…), or a part of the body map written body:<part>' })
    .trim()
    .min(1, { error: 'answer must not be empty' }),
  explanation: commonShape.explanation,
};

export const orderQuestionShape = {
  id: commonShape.id,
  kind: z.literal('order'),
  step: commonShape.step,
  prompt: commonShape.prompt,
  /** In the right order; the app shuffles them. */
  items: z
    .array(itemSchema, { error: `items must be a list of ${ITEMS_MIN} to ${ITEMS_MAX} items in the right order, each { id: suckling, text: "…" }` })
    .min(ITEMS_MIN, { error: `items must list ${ITEMS_MIN} to ${ITEMS_MAX} items` })
    .max(ITEMS_MAX, { error: `items must list ${ITEMS_MIN} to ${ITEMS_MAX} items` }),
  explanation: commonShape.explanation,
};

/** Each kind's keys, for "unknown key" messages and for picking the schema of a question. */
export const QUESTION_SHAPES = {
  choice: choiceQuestionShape,
  'true-false': trueFalseQuestionShape,
  'pick-structure': pickStructureQuestionShape,
  order: orderQuestionShape,
} as const;

const QUESTION_MAPPING = 'a question is a list of keys and values (id: …, kind: …, step: …, prompt: …)';

export const choiceQuestionSchema = z.strictObject(choiceQuestionShape, { error: QUESTION_MAPPING });
export const trueFalseQuestionSchema = z.strictObject(trueFalseQuestionShape, { error: QUESTION_MAPPING });
export const pickStructureQuestionSchema = z.strictObject(pickStructureQuestionShape, { error: QUESTION_MAPPING });
export const orderQuestionSchema = z.strictObject(orderQuestionShape, { error: QUESTION_MAPPING });

export const QUESTION_SCHEMAS = {
  choice: choiceQuestionSchema,
  'true-false': trueFalseQuestionSchema,
  'pick-structure': pickStructureQuestionSchema,
  order: orderQuestionSchema,
} as const;

export const questionSchema = z.discriminatedUnion('kind', [choiceQuestionSchema, trueFalseQuestionSchema, pickStructureQuestionSchema, orderQuestionSchema]);

export const quizHeaderShape = {
  lesson: z.string({ error: 'lesson must be the id of the lesson, e.g. tree-of-milk' }).regex(KEBAB, { error: 'lesson must be the id of the lesson, e.g. tree-of-milk' }),
  language: z.enum(LANGUAGES, { error: `language must be one of: ${LANGUAGES.join(', ')}` }),
};

export const quizSchema = z.strictObject({ ...quizHeaderShape, questions: z.array(questionSchema) });

export type ChoiceQuestion = z.output<typeof choiceQuestionSchema>;
export type TrueFalseQuestion = z.output<typeof trueFalseQuestionSchema>;
export type PickStructureQuestion = z.output<typeof pickStructureQuestionSchema>;
export type OrderQuestion = z.output<typeof orderQuestionSchema>;
export type QuizQuestion = ChoiceQuestion | TrueFalseQuestion | PickStructureQuestion | OrderQuestion;
export type QuizOption = ChoiceQuestion['choices'][number];

/** A quiz as the app uses it: plain, serialisable data. */
export interface Quiz {
  /** The file it was read from, e.g. `content/lessons/en/tree-of-milk.quiz.yaml`. */
  file: string;
  lesson: string;
  language: z.output<typeof quizHeaderShape.language>;
  questions: QuizQuestion[];
}

export function isQuestionKind(value: unknown): value is QuestionKind {
  return typeof value === 'string' && (QUESTION_KINDS as readonly string[]).includes(value);
}
