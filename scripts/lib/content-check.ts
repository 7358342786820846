import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { generateGland } from '../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../src/shared/anatomy/gland-parameters';
import {
  checkStructureSet,
  parseReferences,
  parseStructureDescription,
  REFERENCES_FILE,
  STRUCTURE_DESCRIPTIONS_DIR,
  type ContentError,
  type StructureDescription,
} from '../../src/shared/content/structure-descriptions';
import { LANGUAGES, type Language } from '../../src/shared/languages';
import type { LessonLoadResult } from '../../src/shared/lessons/lesson-types';
import { loadLessons, type LessonFile } from '../../src/shared/lessons/load-lessons';
import {
  NARRATION_AUDIO_EXTENSIONS,
  NARRATION_MANIFEST_FILE,
  narrationAudioPaths,
  narrationFolder,
  narrationStepNumber,
  narrationTiming,
  narrationTimingPath,
} from '../../src/shared/lessons/narration-timing';
import { LESSONS_DIR, type LessonContext } from '../../src/shared/lessons/parse-lesson';
import { structureCatalog } from '../../src/shared/lessons/structure-ids';
import { checkGlossaryFiles, glossaryPath, glossaryStructures, type GlossaryFile } from '../../src/shared/content/glossary';
import { loadQuizzes, type QuizFile, type QuizLoadResult } from '../../src/shared/quizzes/load-quizzes';
import { QUIZ_SUFFIX } from '../../src/shared/quizzes/parse-quiz';
import { audioDuration } from './narration-duration';
import { parseManifest } from './narration-manifest';

/**
 * Everything `npm run content:check` checks, as a function of the project folder: the references,
 * the structure descriptions of every language, every lesson against the default gland, and the
 * narration of every lesson that loads (its timing files, recordings and manifest, see
 * `checkNarration`). Files are read here; parsing and checking are the pure functions of
 * src/shared, the same the app uses.
 */

export interface ContentReport {
  /** Every error, sorted by file, line and column; paths relative to the project folder, with `/`. */
  errors: ContentError[];
  references: number;
  descriptions: number;
  lessons: LessonLoadResult[];
  /** The quiz files beside the lessons (`<lesson id>.quiz.yaml`). */
  quizzes: QuizLoadResult[];
  /** Steps with narration files (a recording or a timing file), all checked. */
  narratedSteps: number;
  /** Entries of the English glossary that load (content/glossary/<language>.yaml). */
  glossaryTerms: number;
}

/** Builds what lessons are checked against: the default gland and the ids of references.yaml. */
export function lessonContext(referenceIds: Iterable<string>): LessonContext {
  return { catalog: structureCatalog(generateGland(DEFAULT_GLAND_PARAMETERS)), referenceIds: new Set(referenceIds) };
}

export function checkContent(root: string): ContentReport {
  const errors: ContentError[] = [];
  const read = (file: string) => readFileSync(join(root, file), 'utf8');

  const references = existsSync(join(root, REFERENCES_FILE)) ? parseReferences(read(REFERENCES_FILE), REFERENCES_FILE) : null;
  if (references === null) errors.push({ file: REFERENCES_FILE, line: 1, column: 1, message: 'the references file is missing' });
  else if (!references.ok) errors.push(...references.errors);
  const referenceIds = references?.ok ? [...references.value.keys()] : [];

  // Structure descriptions.
  const descriptions = {} as Record<Language, StructureDescription[]>;
  let descriptionCount = 0;
  for (const language of LANGUAGES) {
    descriptions[language] = [];
    for (const file of markdownFiles(root, `${STRUCTURE_DESCRIPTIONS_DIR}/${language}`)) {
      descriptionCount += 1;
      const result = parseStructureDescription(read(file), file, new Set(referenceIds));
      if (result.ok) descriptions[language].push(result.value);
      else errors.push(...result.errors);
    }
  }
  errors.push(...checkStructureSet(descriptions));

  // Lessons: content/lessons/<language>/*.md, and any .md file misplaced one level up or in another folder.
  // Their quizzes, *.quiz.yaml, the same way.
  const lessonFiles: LessonFile[] = [];
  const quizFiles: QuizFile[] = [];
  if (existsSync(join(root, LESSONS_DIR))) {
    const folders = readdirSync(join(root, LESSONS_DIR)).sort();
    for (const name of folders) {
      const path = `${LESSONS_DIR}/${name}`;
      if (statSync(join(root, path)).isDirectory()) {
        for (const file of markdownFiles(root, path)) lessonFiles.push({ file, text: read(file) });
        for (const file of filesEndingWith(root, path, QUIZ_SUFFIX)) quizFiles.push({ file, text: read(file) });
      } else if (name.endsWith('.md')) {
        lessonFiles.push({ file: path, text: read(path) });
      } else if (name.endsWith(QUIZ_SUFFIX)) {
        quizFiles.push({ file: path, text: read(path) });
      }
    }
  }
  const context = lessonContext(referenceIds);
  const lessons = loadLessons(lessonFiles, context);
  for (const lesson of lessons) errors.push(...lesson.errors);
  const quizReport = loadQuizzes(quizFiles, lessons, context);
  for (const quiz of quizReport.quizzes) errors.push(...quiz.errors);
  errors.push(...quizReport.missing);
  let narratedSteps = 0;
  for (const lesson of lessons) {
    const narration = checkNarration(root, lesson);
    errors.push(...narration.errors);
    narratedSteps += narration.steps;
  }

  // The glossary, against the same gland and references as the lessons.
  const glossaryFile = (language: Language): GlossaryFile | null => (existsSync(join(root, glossaryPath(language))) ? { file: glossaryPath(language), text: read(glossaryPath(language)) } : null);
  const glossary = checkGlossaryFiles(Object.fromEntries(LANGUAGES.map((language) => [language, glossaryFile(language)])) as Record<Language, GlossaryFile | null>, {
    referenceIds: context.referenceIds,
    ...glossaryStructures(context.catalog),
  });
  errors.push(...glossary.errors);

  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  return { errors, references: referenceIds.length, descriptions: descriptionCount, lessons, quizzes: quizReport.quizzes, narratedSteps, glossaryTerms: glossary.terms.en };
}

const NARRATION_FILE = new RegExp(`^step-(\\d+)\\.(?:${NARRATION_AUDIO_EXTENSIONS.join('|')}|vtt)$`);

/**
 * The narration of a lesson that loaded, when it has a narration folder
 * (`content/lessons/<language>/<id>/`, docs/authoring.md "Narration and timing"). Every problem is
 * an error, because each one makes the app read a step silently or out of step with its voice:
 *
 * - a timing file that does not parse, or does not fit its step's sentences or its recording's
 *   length (the same check as the player's, `narrationTiming`, with the length read from the file);
 * - a recording with no timing file (`npm run narration:build` writes one; without it the app can
 *   only spread the recording's length by words, or read the step silently), and a timing file
 *   with no recording;
 * - a recording that cannot be measured (not WAV, Ogg or MP3, or damaged), two recordings for one
 *   step, and, for a lesson with every step loaded, files numbered beyond its last step;
 * - a `narration.json` the build cannot read.
 *
 * Files that cannot be tied to a position point at their first line and column.
 */
export function checkNarration(root: string, result: LessonLoadResult): { errors: ContentError[]; steps: number } {
  const lesson = result.lesson;
  const errors: ContentError[] = [];
  if (!lesson) return { errors, steps: 0 };
  const folder = narrationFolder(lesson.language, lesson.id);
  if (!existsSync(join(root, folder)) || !statSync(join(root, folder)).isDirectory()) return { errors, steps: 0 };
  let steps = 0;
  const error = (file: string, message: string) => errors.push({ file, line: 1, column: 1, message });
  const exists = (file: string) => existsSync(join(root, file));

  const manifest = `${folder}/${NARRATION_MANIFEST_FILE}`;
  if (exists(manifest) && parseManifest(readFileSync(join(root, manifest), 'utf8')) === null) {
    error(manifest, 'this is not a narration manifest the build can read (it is written by npm run narration:build and not edited by hand): run npm run narration:build, which writes it again');
  }

  for (const step of lesson.steps) {
    const n = narrationStepNumber(step);
    const recordings = narrationAudioPaths(lesson.language, lesson.id, step).filter(exists);
    const audioFile = recordings[0];
    const vttFile = narrationTimingPath(lesson.language, lesson.id, step);
    if (audioFile || exists(vttFile)) steps += 1;
    for (const other of recordings.slice(1)) {
      error(other, `step ${n} has two recordings, ${basename(audioFile ?? '')} and ${basename(other)}: keep one (the app plays ${basename(audioFile ?? '')})`);
    }
    let seconds: number | undefined;
    if (audioFile) {
      try {
        seconds = audioDuration(readFileSync(join(root, audioFile))).seconds;
      } catch (problem) {
        error(audioFile, `the recording of step ${n} cannot be read (${problem instanceof Error ? problem.message : String(problem)}): the app reads this step silently`);
      }
    }
    if (exists(vttFile)) {
      const timing = narrationTiming(step, readFileSync(join(root, vttFile), 'utf8'), vttFile, {
        lessonFile: lesson.file,
        ...(audioFile ? { audioFile } : {}),
        ...(seconds === undefined ? {} : { audioDuration: seconds }),
      });
      if (!timing.ok) errors.push(...timing.errors);
      if (!audioFile) error(vttFile, `step ${n} has no recording (step-${n}.${NARRATION_AUDIO_EXTENSIONS.join(', .')}): this timing file times nothing; add the recording or delete it`);
    } else if (audioFile) {
      error(audioFile, `step ${n} has a recording but no timing file (${basename(vttFile)}), so the app cannot follow it: run npm run narration:build, which writes one (see docs/narration.md)`);
    }
  }

  if (result.status === 'ok') {
    for (const name of readdirSync(join(root, folder)).sort()) {
      const number = NARRATION_FILE.exec(name)?.[1];
      if (number !== undefined && Number(number) > lesson.steps.length) {
        error(`${folder}/${name}`, `${lesson.file} has ${lesson.steps.length} steps: this file is for a step ${number} that does not exist`);
      }
    }
  }
  return { errors, steps };
}

function markdownFiles(root: string, dir: string): string[] {
  return filesEndingWith(root, dir, '.md');
}

function filesEndingWith(root: string, dir: string, suffix: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith(suffix) && statSync(join(root, dir, name)).isFile())
    .sort()
    .map((name) => `${dir}/${name}`);
}
