import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateGland } from '../../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../../src/shared/anatomy/gland-parameters';
import { parseReferences, REFERENCES_FILE } from '../../../src/shared/content/structure-descriptions';
import type { LessonLoadResult } from '../../../src/shared/lessons/lesson-types';
import { loadLessons, type LoadLessonsOptions } from '../../../src/shared/lessons/load-lessons';
import type { LessonContext } from '../../../src/shared/lessons/parse-lesson';
import { structureCatalog } from '../../../src/shared/lessons/structure-ids';

/** The project folder, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = 'test/fixtures/lessons';

export const read = (relative: string): string => readFileSync(`${ROOT}${relative}`, 'utf8');

export const gland = generateGland(DEFAULT_GLAND_PARAMETERS);

const references = parseReferences(read(REFERENCES_FILE), REFERENCES_FILE);
if (!references.ok) throw new Error(`${REFERENCES_FILE} does not parse`);

/** What the real content is checked against: the default gland and content/references.yaml. */
export const context: LessonContext = { catalog: structureCatalog(gland), referenceIds: new Set(references.value.keys()) };

/** Loads files given relative to the project folder, under those same names. */
export function load(files: readonly string[], options?: LoadLessonsOptions): LessonLoadResult[] {
  return loadLessons(
    files.map((file) => ({ file, text: read(file) })),
    context,
    options,
  );
}

/** A lesson text from its body (steps), with a valid English front matter in front. */
export function lessonText(body: string, frontMatter: Record<string, string> = {}): string {
  const keys: Record<string, string> = {
    id: 'sample',
    language: 'en',
    title: 'Sample',
    summary: 'A sample lesson for a test.',
    level: 'introductory',
    duration: '1 min',
    order: '1',
    sources: '[ramsay-2005-anatomy, gardner-2015-ejection]',
    ...frontMatter,
  };
  return `---\n${Object.entries(keys)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\n${body}`;
}

/** Loads one lesson text as `content/lessons/en/sample.md`, without looking for a translation. */
export function loadText(text: string, file = 'content/lessons/en/sample.md'): LessonLoadResult {
  const [result] = loadLessons([{ file, text }], context, { checkTranslations: false });
  if (!result) throw new Error('no result');
  return result;
}

/** `line:column message` for each error, the file left out (it is the same for all). */
export function located(result: LessonLoadResult): string[] {
  return result.errors.map((error) => `${error.line}:${error.column} ${error.message}`);
}
