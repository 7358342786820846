import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAMERA_SHOTS, CAMERA_SHOT_NAMES } from '../src/shared/lessons/camera-shots';
import { CUE_NAMES, CUE_VOCABULARY } from '../src/shared/lessons/cue-vocabulary';
import { formatContentError } from '../src/shared/lessons/load-lessons';
import { ALVEOLUS_PARTS, PART_PREFIX, SCENE_LAYERS, STRUCTURE_GROUPS } from '../src/shared/lessons/structure-ids';
import { checkContent, lessonContext } from './lib/content-check';

/**
 * `npm run content:check`: checks content/ (references, structure descriptions, lessons, their
 * quizzes and their narration) and prints one line per error, `file:line:column message`, then a
 * summary. Exits 1 when there is an error.
 *
 * `npm run content:check -- --vocabulary` lists what a lesson may use instead: cues, camera shots,
 * layers, groups and every structure id of the default gland. `--root <folder>` checks the
 * content/ of another copy of the project (the tests use it).
 */
const USAGE = 'usage: tsx scripts/check-content.ts [--vocabulary] [--root <project folder>]';

function parseArguments(argv: readonly string[]): { root: string; vocabulary: boolean } {
  let root = fileURLToPath(new URL('..', import.meta.url));
  let vocabulary = false;
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i];
    if (argument === '--vocabulary') vocabulary = true;
    else if (argument === '--root' && argv[i + 1] !== undefined) root = resolve(argv[++i] as string);
    else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  return { root, vocabulary };
}

const { root, vocabulary } = parseArguments(process.argv.slice(2));

if (vocabulary) {
  printVocabulary();
} else {
  const started = performance.now();
  const report = checkContent(root);
  for (const error of report.errors) console.log(formatContentError(error));
  const lessons = report.lessons.flatMap((result) => (result.lesson ? [result.lesson] : []));
  const steps = lessons.reduce((sum, lesson) => sum + lesson.steps.length, 0);
  const cues = lessons.reduce((sum, lesson) => sum + lesson.steps.reduce((n, step) => n + step.cues.length, 0), 0);
  const quizzes = report.quizzes.flatMap((result) => (result.quiz ? [result.quiz] : []));
  const questions = quizzes.reduce((sum, quiz) => sum + quiz.questions.length, 0);
  const failed = report.lessons.filter((result) => result.status === 'failed').length;
  const files = new Set(report.errors.map((error) => error.file)).size;
  const verdict = report.errors.length === 0 ? 'no errors' : `${report.errors.length} error${report.errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  console.log(
    `content check: ${verdict}. ${report.references} references, ${report.descriptions} structure descriptions, ${report.glossaryTerms} glossary terms, ` +
      `${report.lessons.length} lesson files (${failed} failed to load; ${steps} steps and ${cues} cues loaded), ` +
      `${report.quizzes.length} quiz files (${questions} questions loaded), narration of ${report.narratedSteps} steps in ${Math.round(performance.now() - started)} ms`,
  );
  process.exitCode = report.errors.length === 0 ? 0 : 1;
}

function printVocabulary(): void {
  const { catalog } = lessonContext([]);
  console.log('Cues:');
  for (const name of CUE_NAMES) console.log(`  ${CUE_VOCABULARY[name].usage}`);
  console.log('\nCamera shots:');
  for (const name of CAMERA_SHOT_NAMES) console.log(`  ${name} (${CAMERA_SHOTS[name].view} view): ${CAMERA_SHOTS[name].summary}`);
  console.log(`\nLayers: ${SCENE_LAYERS.join(' ')}`);
  console.log('\nGroups:');
  for (const [name, meaning] of Object.entries(STRUCTURE_GROUPS)) console.log(`  ${name}: ${meaning}`);
  console.log('\nStructures of the default gland, by kind:');
  const byKind = new Map<string, string[]>();
  for (const id of catalog.knownIds) {
    const kind = catalog.kindOf(id);
    if (kind === null || kind === 'part') continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  for (const [kind, ids] of byKind) console.log(`  ${kind} (${ids.length}): ${ids.join(' ')}`);
  console.log('  alveolus: alveolus-<lobule path>.<k>, e.g. alveolus-3.1.2.1.1.5 (k from 1 to the lobule’s alveolus count)');
  console.log(`\nParts of the alveolus close-up: ${ALVEOLUS_PARTS.map((part) => `${PART_PREFIX}${part}`).join(' ')}`);
}
