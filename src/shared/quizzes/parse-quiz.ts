import { z } from 'zod';
import type { ContentError } from '../content/structure-descriptions';
import { isLanguage, LANGUAGES, type Language } from '../languages';
import type { SourcePosition } from '../lessons/lesson-types';
import { LESSONS_DIR } from '../lessons/parse-lesson';
import { suggestion, type StructureCatalog } from '../lessons/structure-ids';
import { locate, parseYamlBlock, schemaErrors, type YamlBlock } from '../lessons/yaml-block';
import { pickAnswerProblem } from './pick-structure';
import { isQuestionKind, OPTION_SHAPE, QUESTION_KINDS, QUESTION_SCHEMAS, QUESTION_SHAPES, QUIZ_MIN_QUESTIONS, quizHeaderShape, type Quiz, type QuizQuestion } from './quiz-schema';

/**
 * Reads one quiz file (quiz-schema.ts has the format). Like the lessons' parser it never throws and
 * never stops at the first problem: every error comes back with the file, line and column of the
 * key or list item at fault. What it checks needs only the file, its path and the gland; the
 * lesson's steps and the English version are check-quiz.ts's business.
 */

/** What a quiz is checked against: the default gland (a `LessonContext` will do). */
export interface QuizContext {
  catalog: StructureCatalog;
}

export const QUIZ_SUFFIX = '.quiz.yaml';

/** The path of a quiz file, e.g. `content/lessons/fr/tree-of-milk.quiz.yaml`. */
export function quizPath(language: Language, lessonId: string): string {
  return `${LESSONS_DIR}/${language}/${lessonId}${QUIZ_SUFFIX}`;
}

/** The quiz beside a lesson file: `…/en/x.md` → `…/en/x.quiz.yaml`. */
export function quizPathOfLesson(lessonFile: string): string {
  return lessonFile.replace(/\.md$/i, QUIZ_SUFFIX);
}

/** The lesson beside a quiz file: `…/en/x.quiz.yaml` → `…/en/x.md`. */
export function lessonPathOfQuiz(quizFile: string): string {
  return quizFile.endsWith(QUIZ_SUFFIX) ? `${quizFile.slice(0, -QUIZ_SUFFIX.length)}.md` : quizFile;
}

/** The language folder and lesson name of a quiz path: `…/<language>/<lesson>.quiz.yaml`. */
export function quizPathParts(file: string): { language: Language | null; lesson: string | null } {
  const match = /(?:^|[/\\])([^/\\]+)[/\\]([^/\\]+)\.quiz\.yaml$/.exec(file);
  if (!match) return { language: null, lesson: null };
  const folder = match[1] as string;
  return { language: isLanguage(folder) ? folder : null, lesson: match[2] as string };
}

export interface ParsedQuestion {
  index: number;
  question: QuizQuestion;
}

export interface ParsedQuiz {
  file: string;
  /** The language of the file's folder, if it is a language code. */
  folderLanguage: Language | null;
  /** The file name without `.quiz.yaml`: the lesson it belongs to. */
  lessonName: string | null;
  /** The file's YAML, for pointing at its keys; null when it does not parse. */
  block: YamlBlock | null;
  /** Null when the file has an error. */
  quiz: Quiz | null;
  /** The questions that have no error, with their place in the file (from 0), even when others have. */
  questions: ParsedQuestion[];
  /** Every error of the file, sorted by position. */
  errors: ContentError[];
}

const HEADER_KEYS = ['lesson', 'language', 'questions'] as const;
const headerSchema = z.strictObject(
  { ...quizHeaderShape, questions: z.array(z.unknown(), { error: 'questions must be a list of questions, each starting with "- id: …"' }) },
  { error: 'a quiz file is a list of keys and values: lesson: …, language: …, questions: …' },
);

type Path = readonly PropertyKey[];

export function parseQuiz(text: string, file: string, context: QuizContext): ParsedQuiz {
  const { language: folderLanguage, lesson: lessonName } = quizPathParts(file);
  const result: ParsedQuiz = { file, folderLanguage, lessonName, block: null, quiz: null, questions: [], errors: [] };
  const errors = result.errors;
  if (folderLanguage === null) {
    errors.push({ file, line: 1, column: 1, message: `a quiz file must be in a language folder, beside its lesson: ${LESSONS_DIR}/<${LANGUAGES.join('|')}>/<lesson id>${QUIZ_SUFFIX}` });
  }

  const parsed = parseYamlBlock(text.replace(/^\uFEFF/, ''), file, 1);
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    return finish(result);
  }
  const block = parsed.value;
  result.block = block;
  const error = (path: Path, message: string) => {
    const { line, column } = locate(block, path);
    errors.push({ file, line, column, message });
  };

  if (block.value === null) {
    errors.push({ file, line: 1, column: 1, message: 'the quiz file is empty: write lesson: …, language: … and questions: (see docs/authoring.md)' });
    return finish(result);
  }
  const header = headerSchema.safeParse(block.value);
  if (!header.success) {
    errors.push(...schemaErrors(header.error.issues, block, { allowedKeys: HEADER_KEYS }));
  } else {
    const { lesson, language } = header.data;
    if (lessonName !== null && lessonName !== lesson) error(['lesson'], `lesson "${lesson}" does not match the file name "${lessonName}${QUIZ_SUFFIX}": a quiz is named after its lesson`);
    if (folderLanguage !== null && folderLanguage !== language) error(['language'], `language "${language}" does not match the folder "${folderLanguage}" the file is in`);
  }

  const items = isRecord(block.value) && Array.isArray(block.value.questions) ? (block.value.questions as unknown[]) : null;
  items?.forEach((item, index) => {
    const question = readQuestion(item, ['questions', index], block, context, errors);
    if (question) result.questions.push({ index, question });
  });
  if (items) {
    if (items.length < QUIZ_MIN_QUESTIONS) {
      error(['questions'], `questions: a quiz has at least ${QUIZ_MIN_QUESTIONS} questions; this one has ${items.length}`);
    }
    const firstWithId = new Map<string, number>();
    items.forEach((item, index) => {
      const id = isRecord(item) && typeof item.id === 'string' ? item.id : null;
      if (id === null) return;
      const first = firstWithId.get(id);
      if (first === undefined) firstWithId.set(id, index);
      else error(['questions', index, 'id'], `id "${id}" is already used by question ${first + 1} (line ${locate(block, ['questions', first]).line}): question ids are unique in a quiz`);
    });
  }

  if (errors.length === 0 && header.success) {
    result.quiz = { file, lesson: header.data.lesson, language: header.data.language, questions: result.questions.map(({ question }) => question) };
  }
  return finish(result);
}

function finish(result: ParsedQuiz): ParsedQuiz {
  result.errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One question: its kind picks the schema, then what the schema cannot see. Null when it has an error. */
function readQuestion(item: unknown, path: Path, block: YamlBlock, context: QuizContext, errors: ContentError[]): QuizQuestion | null {
  const before = errors.length;
  const error = (at: SourcePosition, message: string) => errors.push({ file: block.file, line: at.line, column: at.column, message });
  const where = (relative: Path) => locate(block, [...path, ...relative]);
  const label = `questions[${String(path[path.length - 1])}]`;

  if (!isRecord(item)) {
    error(where([]), `${label}: a question is a list of keys and values (id: …, kind: …, step: …, prompt: …)`);
    return null;
  }
  if (!('kind' in item)) {
    error(where([]), `missing required key "kind" in ${label} (kinds: ${QUESTION_KINDS.join(', ')})`);
    return null;
  }
  const kind = item.kind;
  if (!isQuestionKind(kind)) {
    error(where(['kind']), `kind must be one of: ${QUESTION_KINDS.join(', ')}${typeof kind === 'string' ? suggestion(kind, QUESTION_KINDS) : ''}`);
    return null;
  }
  const checked = QUESTION_SCHEMAS[kind].safeParse(item);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const full = { ...issue, path: [...path, ...issue.path] };
      const last = issue.path[issue.path.length - 1];
      if (typeof last === 'number' && issue.code !== 'unrecognized_keys') {
        // A choice or item that is not { id, text }: name the list item, as YAML authors count them.
        error(where(issue.path), `${label}.${String(issue.path[0])}[${last}]: ${issue.message}`);
        continue;
      }
      // Keys of a choice or an item are theirs, not the question's.
      const allowedKeys = issue.path.length > 1 ? Object.keys(OPTION_SHAPE) : Object.keys(QUESTION_SHAPES[kind]);
      errors.push(...schemaErrors([full], block, { allowedKeys }));
    }
    return null;
  }
  const question = checked.data;

  if (question.kind === 'choice') {
    const ids = question.choices.map((choice) => choice.id);
    duplicates(ids).forEach((index) => error(where(['choices', index, 'id']), `id "${ids[index]}" is used by two choices of this question: choice ids are unique in a question`));
    if (!ids.includes(question.answer)) error(where(['answer']), `answer "${question.answer}" is not one of the choice ids (${[...new Set(ids)].join(', ')})`);
  } else if (question.kind === 'order') {
    const ids = question.items.map((entry) => entry.id);
    duplicates(ids).forEach((index) => error(where(['items', index, 'id']), `id "${ids[index]}" is used by two items of this question: item ids are unique in a question`));
  } else if (question.kind === 'pick-structure') {
    const problem = pickAnswerProblem(question.answer, context.catalog);
    if (problem) error(where(['answer']), problem);
  }
  return errors.length === before ? question : null;
}

/** The indices of values seen before in the list. */
function duplicates(values: readonly string[]): number[] {
  return values.flatMap((value, index) => (values.indexOf(value) < index ? [index] : []));
}
