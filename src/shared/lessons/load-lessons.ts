import type { ContentError } from '../content/structure-descriptions';
import { LANGUAGES, type Language } from '../languages';
import type { Cue } from './cue-vocabulary';
import type { Lesson, LessonLoadResult, SourcePosition, Step } from './lesson-types';
import { parseLesson, type LessonContext, type ParsedLesson, type ParsedStep } from './parse-lesson';
import { applyCue, type SceneState } from './scene';
import { locate } from './yaml-block';

/**
 * Loads a set of lesson files: each is parsed and checked on its own, then every translation is
 * compared with the English version (same id, same number of steps, the same cues in the same
 * order in each step, the same sources). One result per file, in the order given, so that one
 * broken file never hides the others: the app lists every lesson and shows a card with the errors
 * of one that failed.
 *
 * Reading the files is the caller's business (scripts/check-content.ts in Node, the app's host in
 * the renderer): this module only sees their text.
 */

export interface LessonFile {
  /** The path used in errors, e.g. `content/lessons/en/tree-of-milk.md`; its folder gives the language. */
  file: string;
  text: string;
}

export interface LoadLessonsOptions {
  /** Compare each translation with its English version, and report missing ones (default true). */
  checkTranslations?: boolean;
}

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', fr: 'French' };

export function loadLessons(files: readonly LessonFile[], context: LessonContext, options: LoadLessonsOptions = {}): LessonLoadResult[] {
  const parsed = files.map(({ file, text }) => parseLesson(text, file, context));
  const extra = new Map<ParsedLesson, ContentError[]>(parsed.map((lesson) => [lesson, []]));
  if (options.checkTranslations ?? true) checkTranslations(parsed, extra);
  return parsed.map((lesson) => toResult(lesson, extra.get(lesson) ?? []));
}

function toResult(parsed: ParsedLesson, extra: readonly ContentError[]): LessonLoadResult {
  const errors = [...parsed.errors, ...extra].sort((a, b) => (a.file === b.file ? 0 : a.file === parsed.file ? -1 : 1) || a.line - b.line || a.column - b.column);
  const steps = parsed.steps.flatMap((step) => (step.step ? [step.step] : []));
  const fm = parsed.frontMatter;
  const lesson: Lesson | null =
    fm && steps.length > 0
      ? {
          file: parsed.file,
          id: fm.id,
          language: fm.language,
          title: fm.title,
          summary: fm.summary,
          level: fm.level,
          durationMinutes: fm.duration,
          order: fm.order,
          sources: fm.sources,
          steps,
          stepCount: parsed.steps.length,
        }
      : null;
  return {
    file: parsed.file,
    language: parsed.folderLanguage ?? fm?.language ?? null,
    id: fm?.id ?? parsed.fileName ?? parsed.file,
    status: lesson === null ? 'failed' : errors.length > 0 ? 'partial' : 'ok',
    lesson,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Translations


function idOf(lesson: ParsedLesson): string | null {
  return lesson.frontMatter?.id ?? lesson.fileName;
}

/** Where a lesson in another language is expected: the same name in the sibling language folder. */
function counterpartPath(file: string, from: Language, to: Language): string {
  return file.replace(new RegExp(`(^|[/\\\\])${from}([/\\\\][^/\\\\]+)$`), `$1${to}$2`);
}

function checkTranslations(lessons: readonly ParsedLesson[], extra: Map<ParsedLesson, ContentError[]>): void {
  const byId = new Map<string, Map<Language, ParsedLesson>>();
  for (const lesson of lessons) {
    // A file outside a language folder has been reported already; it has no place to pair with.
    const language = lesson.folderLanguage;
    const id = idOf(lesson);
    if (language === null || id === null) continue;
    const versions = byId.get(id) ?? new Map<Language, ParsedLesson>();
    const first = versions.get(language);
    if (first) {
      extra.get(lesson)?.push({ file: lesson.file, line: 1, column: 1, message: `lesson id "${id}" is already used by ${first.file}` });
      continue;
    }
    versions.set(language, lesson);
    byId.set(id, versions);
  }

  const [reference, ...others] = LANGUAGES;
  for (const versions of byId.values()) {
    const original = versions.get(reference);
    for (const language of others) {
      const translation = versions.get(language);
      if (original && !translation) {
        extra.get(original)?.push({
          file: original.file,
          line: 1,
          column: 1,
          message: `no ${LANGUAGE_NAMES[language]} version of this lesson: add ${counterpartPath(original.file, reference, language)}`,
        });
      } else if (translation && !original) {
        extra.get(translation)?.push({
          file: translation.file,
          line: 1,
          column: 1,
          message: `no ${LANGUAGE_NAMES[reference]} version of this lesson: every lesson is written in English first, as ${counterpartPath(translation.file, language, reference)}`,
        });
      } else if (original && translation) {
        extra.get(translation)?.push(...compareTranslation(original, translation, LANGUAGE_NAMES[reference]));
      }
    }
  }
}

const where = (file: string, at: SourcePosition) => `${file}:${at.line}:${at.column}`;

/** What differs between a translation and the original, reported in the translation. */
function compareTranslation(original: ParsedLesson, translation: ParsedLesson, originalName: string): ContentError[] {
  const errors: ContentError[] = [];
  const file = translation.file;
  const push = (at: SourcePosition, message: string) => errors.push({ file, line: at.line, column: at.column, message });
  const version = `the ${originalName} version`;

  // Front matter: what is not words must be the same.
  const a = original.frontMatter;
  const b = translation.frontMatter;
  const block = translation.frontMatterBlock;
  if (a && b && block) {
    const at = (key: string) => locate(block, [key]);
    if (a.order !== b.order) push(at('order'), `order ${b.order} differs from ${version}'s (${a.order}) in ${original.file}`);
    if (a.level !== b.level) push(at('level'), `level ${b.level} differs from ${version}'s (${a.level}) in ${original.file}`);
    if (a.duration !== b.duration) push(at('duration'), `duration ${b.duration} min differs from ${version}'s (${a.duration} min) in ${original.file}`);
    const missing = a.sources.filter((id) => !b.sources.includes(id));
    const added = b.sources.filter((id) => !a.sources.includes(id));
    if (missing.length > 0 || added.length > 0) {
      push(at('sources'), `sources differ from ${version}'s (${original.file}): ${differences(missing, added, version)}`);
    }
  }

  // Steps: as many, in the same order.
  const mine = translation.steps;
  const theirs = original.steps;
  if (mine.length > theirs.length) {
    const first = mine[theirs.length] as ParsedStep;
    push({ line: first.line, column: 1 }, `this step has no counterpart: ${version} (${original.file}) has ${plural(theirs.length, 'step')} and this one ${mine.length}`);
  } else if (mine.length < theirs.length) {
    const missing = theirs[mine.length] as ParsedStep;
    const at = mine.at(-1) ?? { line: 1 };
    push(
      { line: at.line, column: 1 },
      `${version} has ${plural(theirs.length, 'step')} and this one ${mine.length}: step ${missing.index + 1} "${missing.title}" (${where(original.file, { line: missing.line, column: 1 })}) has no translation`,
    );
  }

  for (let i = 0; i < Math.min(mine.length, theirs.length); i++) {
    const step = mine[i] as ParsedStep;
    const other = theirs[i] as ParsedStep;
    // A step with an error has been reported already; comparing its cues would only add noise.
    if (!step.step || !other.step) continue;
    const difference = compareCues(step, other, original.file, version);
    if (difference) push(difference.at, difference.message);
    const missing = other.citations.filter((id) => !step.citations.includes(id));
    const added = step.citations.filter((id) => !other.citations.includes(id));
    if (missing.length > 0 || added.length > 0) {
      push(
        { line: step.line, column: 1 },
        `this step's citations differ from step ${i + 1} of ${version} (${where(original.file, { line: other.line, column: 1 })}): ${differences(missing, added, version)}`,
      );
    }
  }
  return errors;
}

/** `a is missing here; b is not in the English version`. */
function differences(missing: readonly string[], added: readonly string[], version: string): string {
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing here`);
  if (added.length > 0) parts.push(`${added.join(', ')} ${added.length === 1 ? 'is' : 'are'} not in ${version}`);
  return parts.join('; ');
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function sameCue(a: Cue, b: Cue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The first difference between the cues of two versions of a step. */
function compareCues(step: ParsedStep, other: ParsedStep, originalFile: string, version: string): { at: SourcePosition; message: string } | null {
  const longest = Math.max(step.cues.length, other.cues.length);
  for (let k = 0; k < longest; k++) {
    const mine = step.cues[k];
    const theirs = other.cues[k];
    if (mine && theirs && sameCue(mine.cue, theirs.cue)) continue;
    const rule = 'a translation has the same cues in the same order';
    if (mine && theirs) {
      return { at: mine, message: `cue ${k + 1} of this step is ${mine.marker} but ${version} has ${theirs.marker} (${where(originalFile, theirs)}): ${rule}` };
    }
    if (mine) {
      return { at: mine, message: `cue ${mine.marker} has no counterpart: this step of ${version} (${where(originalFile, { line: other.line, column: 1 })}) has ${plural(other.cues.length, 'cue')}: ${rule}` };
    }
    if (theirs) {
      return {
        at: { line: step.line, column: 1 },
        message: `this step has ${plural(step.cues.length, 'cue')} and ${version} has ${other.cues.length}: ${theirs.marker} (${where(originalFile, theirs)}) is missing: ${rule}`,
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// For the player

/** The scene after the first `cueCount` cues of a step (all of them when left out): how the player seeks. */
export function sceneAt(step: Step, cueCount: number = step.cues.length): SceneState {
  return step.cues.slice(0, Math.max(0, cueCount)).reduce<SceneState>((scene, point) => applyCue(scene, point.cue), step.scene);
}

/** The lessons of one language, as the lesson list shows them: by `order`, then id; failed ones last. */
export function lessonsFor(results: readonly LessonLoadResult[], language: Language): LessonLoadResult[] {
  const rank = (result: LessonLoadResult) => result.lesson?.order ?? Number.POSITIVE_INFINITY;
  return results.filter((result) => result.language === language).sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/** `content/lessons/en/x.md:12:5 unknown structure "duct-30"`: how errors are printed. */
export function formatContentError(error: ContentError): string {
  return `${error.file}:${error.line}:${error.column} ${error.message}`;
}
