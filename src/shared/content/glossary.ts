import { z } from 'zod';
import { LANGUAGES, type Language } from '../languages';
import type { SourcePosition } from '../lessons/lesson-types';
import { suggestion, type StructureCatalog } from '../lessons/structure-ids';
import { locate, parseYamlBlock, schemaErrors, type YamlBlock } from '../lessons/yaml-block';
import { countWords, REFERENCES_FILE, referenceIdSchema, type ContentError, type DescribedKind } from './structure-descriptions';

/**
 * The glossary: one YAML file per language, `content/glossary/<language>.yaml`, a list of entries.
 * Teachers edit these files by hand, so every problem is reported with the file, line and column a
 * text editor shows. One broken entry is left out; the others still load.
 *
 * ```yaml
 * - id: myoepithelial-cell          # kebab-case, the same in every language
 *   term: Myoepithelial cell
 *   aka: [basket cell]              # other names, shown and matched in lesson text
 *   forms: [myoepithelial cells]    # other word forms, matched in text but not shown
 *   definition: One to three sentences.
 *   sources: [ferguson-1983-ultrastructure]   # ids of content/references.yaml
 *   see: [alveolus, oxytocin]       # other entries of the glossary
 *   structure: part:myoepithelial-cell        # what "Show in 3D" selects
 * ```
 *
 * English is the reference language: a translation has the same ids, and each entry the same
 * `see`, `structure` and `sources`.
 */

export const GLOSSARY_DIR = 'content/glossary';

/** The path of a language's glossary, e.g. `content/glossary/fr.yaml`. */
export function glossaryPath(language: Language): string {
  return `${GLOSSARY_DIR}/${language}.yaml`;
}

/** Fewer entries than this is an error (issue 6 asks for at least 50). */
export const GLOSSARY_MIN_TERMS = 50;

/** A definition is one to three sentences: more words than this is refused. */
export const DEFINITION_MAX_WORDS = 90;

// ---------------------------------------------------------------------------------------------
// Schema

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const entryIdSchema = z
  .string({ error: 'id must be text, e.g. myoepithelial-cell' })
  .regex(KEBAB, { error: 'id is kebab-case: lower-case letters and digits joined by hyphens, e.g. myoepithelial-cell' });

const name = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(80, { error: `${what} is longer than 80 characters` })
    .refine((text) => !/[\r\n]/.test(text), { error: `${what} must fit on one line` });

const names = (what: string) => z.array(name(what), { error: `${what} must be a list, e.g. [${what === 'aka' ? 'let-down' : 'alveoli'}]` });

const entryShape = {
  id: entryIdSchema,
  term: name('term'),
  aka: names('aka').optional(),
  forms: names('forms').optional(),
  definition: z
    .string({ error: 'definition must be text' })
    .trim()
    .min(1, { error: 'definition must not be empty' })
    .refine((text) => countWords(text) <= DEFINITION_MAX_WORDS, { error: `definition must be one to three sentences (${DEFINITION_MAX_WORDS} words at most)` }),
  sources: z.array(referenceIdSchema, { error: 'sources must be a list of source ids, e.g. [ramsay-2005-anatomy]' }).optional(),
  see: z.array(entryIdSchema, { error: 'see must be a list of glossary ids, e.g. [alveolus, oxytocin]' }).optional(),
  structure: z
    .string({ error: 'structure must be a structure id or group of the gland, e.g. main-ducts or part:lactocyte' })
    .regex(/^(?:part:)?[a-z0-9]+(?:[-.][a-z0-9]+)*$/, { error: 'structure must be a structure id or group of the gland, e.g. main-ducts or part:lactocyte' })
    .optional(),
};

export const glossaryEntrySchema = z.strictObject(entryShape, { error: 'an entry must be a list of keys and values (id: …, term: …, definition: …)' });

const ENTRY_KEYS = Object.keys(entryShape);

/** One entry as the app uses it: optional lists are empty lists. */
export interface GlossaryEntry {
  id: string;
  term: string;
  aka: readonly string[];
  forms: readonly string[];
  definition: string;
  sources: readonly string[];
  see: readonly string[];
  structure: string | null;
}

export interface Glossary {
  file: string;
  language: Language;
  /** The entries that parsed, in file order. */
  entries: readonly GlossaryEntry[];
  /** Where a key of an entry is, for errors found later: `at(2, 'see', 1)`; the entry's start for an unknown path. */
  at(index: number, ...path: readonly (string | number)[]): SourcePosition;
  /** The index in the file's list of each parsed entry (entries with errors leave gaps). */
  fileIndex: readonly number[];
}

export interface GlossaryParseResult {
  /** Null when the file cannot be read at all (a YAML syntax error, or not a list). */
  glossary: Glossary | null;
  errors: ContentError[];
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Reads a glossary file. Entries with an error are reported and left out; the others are kept. */
export function parseGlossary(text: string, file: string, language: Language): GlossaryParseResult {
  const parsed = parseYamlBlock(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), file, 1);
  if (!parsed.ok) return { glossary: null, errors: parsed.errors };
  const block = parsed.value;
  if (!Array.isArray(block.value)) {
    return { glossary: null, errors: [{ file, line: 1, column: 1, message: 'a glossary file is a list of entries, each starting with "- id: …"' }] };
  }
  const errors: ContentError[] = [];
  const entries: GlossaryEntry[] = [];
  const fileIndex: number[] = [];
  block.value.forEach((raw: unknown, index: number) => {
    const result = glossaryEntrySchema.safeParse(raw);
    if (!result.success) {
      const located = result.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] }));
      // The position shows the entry; "in [3]" (its index from 0) would only confuse.
      const entryErrors = schemaErrors(located, block, { allowedKeys: ENTRY_KEYS });
      errors.push(...entryErrors.map((entryError) => ({ ...entryError, message: entryError.message.replace(/ in \[\d+\]/, ' in this entry') })));
      return;
    }
    const data = result.data;
    entries.push({
      id: data.id,
      term: data.term,
      aka: data.aka ?? [],
      forms: data.forms ?? [],
      definition: data.definition.replace(/\s+/g, ' '),
      sources: data.sources ?? [],
      see: data.see ?? [],
      structure: data.structure ?? null,
    });
    fileIndex.push(index);
  });
  const at = (index: number, ...path: readonly (string | number)[]) => positionIn(block, [index, ...path]);
  return { glossary: { file, language, entries, at, fileIndex }, errors: sortByPosition(errors) };
}

function positionIn(block: YamlBlock, path: readonly (string | number)[]): SourcePosition {
  const { line, column } = locate(block, path);
  return { line, column };
}

function sortByPosition(errors: ContentError[]): ContentError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

// ---------------------------------------------------------------------------------------------
// Structures

/** The groups a glossary entry may name, with the kind of what they stand for. */
const GROUP_KINDS: Readonly<Record<string, DescribedKind>> = {
  'main-ducts': 'duct',
  'nipple-openings': 'nipple-opening',
  'montgomery-glands': 'montgomery-gland',
  'cooper-ligaments': 'cooper-ligament',
};

const SINGLE_KINDS: ReadonlySet<string> = new Set(['breast', 'skin', 'nipple', 'areola', 'fat', 'pectoralis-major']);

/**
 * The kind of structure an entry's `structure` shows, from the id alone (the info panel uses it to
 * offer the entry of the structure it describes, and has no gland to look ids up in). It follows
 * the id scheme of src/shared/anatomy/generate-gland.ts; the content check compares it with the
 * gland's own kinds, and a test does so for every id of the default gland.
 */
export function glossaryStructureKind(structure: string): DescribedKind | null {
  if (structure.startsWith('part:')) {
    const part = structure.slice('part:'.length);
    if (part === 'lumen') return 'milk';
    return part === 'lactocyte' || part === 'myoepithelial-cell' || part === 'capillary' ? part : null;
  }
  const group = GROUP_KINDS[structure];
  if (group) return group;
  if (SINGLE_KINDS.has(structure)) return structure as DescribedKind;
  const tree = /^(duct|lobule|alveolus)-\d+(?:\.\d+)*$/.exec(structure)?.[1];
  if (tree) return tree as DescribedKind;
  const numbered = /^(nipple-opening|montgomery-gland|cooper-ligament|rib)-\d+$/.exec(structure)?.[1];
  if (numbered) return numbered as DescribedKind;
  if (/^vein-/.test(structure)) return 'vein';
  if (/^nerve-/.test(structure)) return 'nerve';
  if (/^internal-thoracic-perforator-\d+$|-artery$/.test(structure)) return 'artery';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Checking

export interface GlossaryCheckContext {
  /** The ids of content/references.yaml. */
  referenceIds: ReadonlySet<string>;
  /**
   * The kind of a structure id or group of the default gland (groups: the kind of their members;
   * parts of the alveolus close-up: `lactocyte`, `myoepithelial-cell`, `capillary`, `milk` for the
   * lumen), or null when the gland has no such id; with a suggestion for the error message.
   */
  structureKind(id: string): DescribedKind | null;
  explainUnknownStructure(id: string): string;
}

/** The words an entry is found by in text: its term, other names and word forms. */
export function entryNames(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.aka, ...entry.forms];
}

/** Folds a name for comparison: lower case, no accents, ligatures spelt out, one kind of apostrophe. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

/**
 * Checks one language's glossary on its own: ids are unique, each name belongs to one entry (so a
 * word in a lesson opens one entry), `see` names other entries of the file, `sources` are in
 * content/references.yaml, `structure` is in the default gland, and there are enough entries.
 */
export function checkGlossary(glossary: Glossary, context: GlossaryCheckContext): ContentError[] {
  const errors: ContentError[] = [];
  const error = (position: SourcePosition, message: string) => errors.push({ file: glossary.file, ...position, message });
  const ids = new Set(glossary.entries.map((entry) => entry.id));
  const seenIds = new Map<string, number>();
  const owners = new Map<string, string>();

  glossary.entries.forEach((entry, position) => {
    const index = glossary.fileIndex[position] ?? position;
    const first = seenIds.get(entry.id);
    if (first !== undefined) {
      error(glossary.at(index, 'id'), `id "${entry.id}" is already used on line ${glossary.at(first, 'id').line}`);
      return;
    }
    seenIds.set(entry.id, index);

    for (const word of entryNames(entry)) {
      const key = foldText(word);
      const owner = owners.get(key);
      if (owner !== undefined && owner !== entry.id) error(glossary.at(index, 'term'), `"${word}" is also a name of "${owner}": a word in a lesson must open one entry`);
      else owners.set(key, entry.id);
    }

    entry.see.forEach((target, j) => {
      if (target === entry.id) error(glossary.at(index, 'see', j), `"${entry.id}" sends the reader to itself`);
      else if (!ids.has(target)) error(glossary.at(index, 'see', j), `see: unknown glossary id "${target}"${suggestion(target, ids)}`);
      else if (entry.see.indexOf(target) !== j) error(glossary.at(index, 'see', j), `see: "${target}" is listed twice`);
    });
    entry.sources.forEach((source, j) => {
      if (!context.referenceIds.has(source)) error(glossary.at(index, 'sources', j), `unknown source "${source}": add it to ${REFERENCES_FILE} or fix the id`);
      else if (entry.sources.indexOf(source) !== j) error(glossary.at(index, 'sources', j), `source "${source}" is listed twice`);
    });
    if (entry.structure !== null) {
      const kind = context.structureKind(entry.structure);
      if (kind === null) error(glossary.at(index, 'structure'), `structure: ${context.explainUnknownStructure(entry.structure)}`);
      else if (glossaryStructureKind(entry.structure) !== kind) {
        error(glossary.at(index, 'structure'), `structure "${entry.structure}" is a ${kind}, but its id does not follow the gland's id scheme (see glossaryStructureKind in src/shared/content/glossary.ts)`);
      }
    }
  });

  if (glossary.entries.length < GLOSSARY_MIN_TERMS) {
    error({ line: 1, column: 1 }, `the glossary has ${glossary.entries.length} entries that load; it needs at least ${GLOSSARY_MIN_TERMS}`);
  }
  return sortByPosition(errors);
}

/**
 * Checks a translation against the reference glossary (English): the same ids, and for each entry
 * the same `see`, `structure` and `sources`; a definition copied unchanged is reported too.
 */
export function checkGlossaryTranslation(reference: Glossary, translation: Glossary): ContentError[] {
  const errors: ContentError[] = [];
  const error = (position: SourcePosition, message: string) => errors.push({ file: translation.file, ...position, message });
  const theirs = new Map(reference.entries.map((entry, position) => [entry.id, { entry, index: reference.fileIndex[position] ?? position }]));
  const mine = new Set(translation.entries.map((entry) => entry.id));

  translation.entries.forEach((entry, position) => {
    const index = translation.fileIndex[position] ?? position;
    const found = theirs.get(entry.id);
    if (!found) {
      error(translation.at(index, 'id'), `"${entry.id}" is not in ${reference.file}: a translation has the same ids`);
      return;
    }
    const original = found.entry;
    const where = `${reference.file}:${reference.at(found.index, 'id').line}`;
    const differs = (key: 'see' | 'sources', a: readonly string[], b: readonly string[]) => {
      if ([...a].sort().join(', ') !== [...b].sort().join(', ')) {
        error(translation.at(index, key), `${key} [${a.join(', ')}] differs from [${b.join(', ')}] in ${where}`);
      }
    };
    differs('see', entry.see, original.see);
    differs('sources', entry.sources, original.sources);
    if (entry.structure !== original.structure) {
      error(translation.at(index, entry.structure === null ? 'id' : 'structure'), `structure ${entry.structure ?? '(none)'} differs from ${original.structure ?? '(none)'} in ${where}`);
    }
    if (foldText(entry.definition) === foldText(original.definition)) error(translation.at(index, 'definition'), `the definition is the same as in ${where}: translate it`);
  });
  for (const [id, { index }] of theirs) {
    if (!mine.has(id)) error({ line: 1, column: 1 }, `"${id}" (${reference.file}:${reference.at(index, 'id').line}) is missing from this translation`);
  }
  return sortByPosition(errors);
}

// ---------------------------------------------------------------------------------------------
// The whole set

/** What `checkGlossary` needs to know of the gland, from a lesson's structure catalogue. */
export function glossaryStructures(catalog: StructureCatalog): Pick<GlossaryCheckContext, 'structureKind' | 'explainUnknownStructure'> {
  return {
    structureKind(id) {
      const members = catalog.group(id);
      const kind = catalog.kindOf(members?.[0] ?? id);
      if (kind === 'part') return glossaryStructureKind(id);
      return kind;
    },
    explainUnknownStructure: (id) => catalog.explainUnknown(id),
  };
}

export interface GlossaryFile {
  file: string;
  text: string;
}

/**
 * Parses and checks the glossary of every language (a missing file is an error), then each
 * translation against English. Returns every error and the number of entries of each language.
 */
export function checkGlossaryFiles(
  files: Readonly<Record<Language, GlossaryFile | null>>,
  context: GlossaryCheckContext,
): { errors: ContentError[]; terms: Record<Language, number> } {
  const errors: ContentError[] = [];
  const terms = {} as Record<Language, number>;
  const glossaries = new Map<Language, Glossary>();
  for (const language of LANGUAGES) {
    const source = files[language];
    terms[language] = 0;
    if (source === null) {
      errors.push({ file: glossaryPath(language), line: 1, column: 1, message: `the ${language} glossary is missing` });
      continue;
    }
    const { glossary, errors: parseErrors } = parseGlossary(source.text, source.file, language);
    errors.push(...parseErrors);
    if (!glossary) continue;
    errors.push(...checkGlossary(glossary, context));
    terms[language] = glossary.entries.length;
    glossaries.set(language, glossary);
  }
  const [reference, ...others] = LANGUAGES;
  const original = glossaries.get(reference);
  for (const language of others) {
    const translation = glossaries.get(language);
    if (original && translation) errors.push(...checkGlossaryTranslation(original, translation));
  }
  return { errors, terms };
}
