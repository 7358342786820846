import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
import { LESSONS_DIR, type LessonContext } from '../../src/shared/lessons/parse-lesson';
import { structureCatalog } from '../../src/shared/lessons/structure-ids';

/**
 * Everything `npm run content:check` checks, as a function of the project folder: the references,
 * the structure descriptions of every language, and every lesson against the default gland. Files
 * are read here; parsing and checking are the pure functions of src/shared, the same the app uses.
 */

export interface ContentReport {
  /** Every error, sorted by file, line and column; paths relative to the project folder, with `/`. */
  errors: ContentError[];
  references: number;
  descriptions: number;
  lessons: LessonLoadResult[];
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
  const lessonFiles: LessonFile[] = [];
  if (existsSync(join(root, LESSONS_DIR))) {
    const folders = readdirSync(join(root, LESSONS_DIR)).sort();
    for (const name of folders) {
      const path = `${LESSONS_DIR}/${name}`;
      if (statSync(join(root, path)).isDirectory()) {
        for (const file of markdownFiles(root, path)) lessonFiles.push({ file, text: read(file) });
      } else if (name.endsWith('.md')) {
        lessonFiles.push({ file: path, text: read(path) });
      }
    }
  }
  const lessons = loadLessons(lessonFiles, lessonContext(referenceIds));
  for (const lesson of lessons) errors.push(...lesson.errors);

  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  return { errors, references: referenceIds.length, descriptions: descriptionCount, lessons };
}

function markdownFiles(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.md') && statSync(join(root, dir, name)).isFile())
    .sort()
    .map((name) => `${dir}/${name}`);
}
