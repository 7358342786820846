import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import type { StructureKind } from '../anatomy/gland-anatomy';
import { LANGUAGES, type Language } from '../languages';

/**
 * The texts of the info panel: one Markdown file per structure and language in
 * `content/structures/<language>/<kind>.md`, with a YAML front matter block, and the bibliography
 * they cite in `content/references.yaml`. Teachers edit these files by hand, so every problem is
 * reported with the file, line and column a text editor shows (both 1-based).
 *
 * A description file looks like this:
 *
 * ```
 * ---
 * kind: duct
 * name: Milk duct
 * treeName: Branch
 * summary: One sentence shown under the name.
 * sources: [ramsay-2005-anatomy, geddes-2007-inside]
 * ---
 * Two or three short paragraphs of plain Markdown (emphasis allowed).
 * ```
 */

/** One problem in a content file. Line and column are 1-based, as text editors show them. */
export interface ContentError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type ContentResult<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] };

/** Where the files live, relative to the app's root (and to `/content/…` URLs without `content/`). */
export const STRUCTURE_DESCRIPTIONS_DIR = 'content/structures';
export const REFERENCES_FILE = 'content/references.yaml';

// Listing the kinds as object keys makes the compiler check the list against `StructureKind`:
// a kind missing here, or one that does not exist, is a type error.
const ANATOMY_KIND_TABLE: Readonly<Record<StructureKind, true>> = {
  breast: true,
  skin: true,
  nipple: true,
  'nipple-opening': true,
  areola: true,
  'montgomery-gland': true,
  duct: true,
  lobule: true,
  alveolus: true,
  fat: true,
  'cooper-ligament': true,
  'pectoralis-major': true,
  rib: true,
  artery: true,
  vein: true,
  nerve: true,
};

/** Every structure of the 3D gland (`StructureKind`), in the order of gland-anatomy.ts. */
export const ANATOMY_KINDS = Object.keys(ANATOMY_KIND_TABLE) as readonly StructureKind[];

/** Cells and vessels shown only in the alveolus close-up. */
export const CLOSE_UP_KINDS = ['lactocyte', 'myoepithelial-cell', 'capillary', 'milk'] as const;
export type CloseUpKind = (typeof CLOSE_UP_KINDS)[number];

/** Everything that has a description file. */
export type DescribedKind = StructureKind | CloseUpKind;
export const DESCRIBED_KINDS: readonly DescribedKind[] = [...ANATOMY_KINDS, ...CLOSE_UP_KINDS];

export function isDescribedKind(value: unknown): value is DescribedKind {
  return typeof value === 'string' && (DESCRIBED_KINDS as readonly string[]).includes(value);
}

/** The path of a description file, e.g. `content/structures/fr/duct.md`. */
export function structureDescriptionPath(language: Language, kind: DescribedKind): string {
  return `${STRUCTURE_DESCRIPTIONS_DIR}/${language}/${kind}.md`;
}

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The summary is shown under the name: about 25 words; more than this is refused. */
export const SUMMARY_MAX_WORDS = 30;

// ---------------------------------------------------------------------------------------------
// Schemas

/** Reference ids: kebab-case, e.g. `ramsay-2005-anatomy` (first author, year, one keyword). */
export const referenceIdSchema = z
  .string({ error: 'a source id must be text, e.g. ramsay-2005-anatomy' })
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
    error: 'a source id is kebab-case: lower-case letters and digits joined by hyphens, e.g. ramsay-2005-anatomy',
  });

const oneLine = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} is longer than ${max} characters` })
    .refine((text) => !/[\r\n]/.test(text), { error: `${what} must fit on one line` });

const frontMatterShape = {
  kind: z.enum(DESCRIBED_KINDS, { error: `kind must be one of: ${DESCRIBED_KINDS.join(', ')}` }),
  name: oneLine('name', 80),
  /** The name in the tree metaphor (nipple → Trunk, duct → Branch, lobule and alveolus → Leaves). */
  treeName: oneLine('treeName', 40).optional(),
  summary: oneLine('summary', 400).refine((text) => countWords(text) <= SUMMARY_MAX_WORDS, {
    error: `summary must be one short sentence of about 25 words (${SUMMARY_MAX_WORDS} at most)`,
  }),
  sources: z
    .array(referenceIdSchema, { error: 'sources must be a list of source ids, e.g. [ramsay-2005-anatomy]' })
    .min(1, { error: 'sources must list at least one source id' }),
};

export const structureFrontMatterSchema = z.strictObject(frontMatterShape, {
  error: 'the front matter must be a list of keys and values (kind: …, name: …, summary: …, sources: […])',
});
export type StructureFrontMatter = z.infer<typeof structureFrontMatterSchema>;

const referenceShape = {
  /** As printed in citations: `Ramsay DT, Kent JC, Hartmann RA, Hartmann PE`. */
  authors: oneLine('authors', 400).optional(),
  title: oneLine('title', 400).optional(),
  /** Journal abbreviation, book series or website. */
  journal: oneLine('journal', 200).optional(),
  year: z
    .number({ error: 'year must be a number, e.g. 2005' })
    .int({ error: 'year must be a whole number' })
    .min(1600, { error: 'year must be between 1600 and 2100' })
    .max(2100, { error: 'year must be between 1600 and 2100' })
    .optional(),
  /** Volume and pages in the usual short form, e.g. `206:525–534`. */
  'volume/pages': oneLine('volume/pages', 100).optional(),
  doi: z
    .string({ error: 'doi must be text' })
    .regex(/^10\.\d{4,9}\/\S+$/, { error: 'doi must look like 10.1111/abc (no https://doi.org/ prefix)' })
    .optional(),
  url: z
    .string({ error: 'url must be text' })
    .regex(/^https?:\/\/\S+$/, { error: 'url must start with https:// or http://' })
    .optional(),
  pmid: z
    .union([z.number().int().positive(), z.string().regex(/^\d+$/)], { error: 'pmid must be a PubMed number, e.g. 17983993' })
    .transform(String)
    .optional(),
  pmcid: z
    .string({ error: 'pmcid must be text' })
    .regex(/^PMC\d+$/, { error: 'pmcid must look like PMC4492192' })
    .optional(),
  note: oneLine('note', 1000).optional(),
};

export const referenceSchema = z
  .strictObject(referenceShape, { error: 'a reference must be a list of fields (authors, title, journal, year…)' })
  .superRefine((reference, context) => {
    if (reference.title === undefined && reference.journal === undefined) {
      context.addIssue({ code: 'custom', message: 'a reference needs a title or a journal (or both)', path: [] });
    }
    if (reference.doi !== undefined && reference.url !== undefined) {
      context.addIssue({ code: 'custom', message: 'give a url only when there is no doi', path: ['url'] });
    }
  });
export type Reference = z.output<typeof referenceSchema>;

export const referencesSchema = z.record(referenceIdSchema, referenceSchema, {
  error: 'the references file must be a mapping from source ids to references',
});

// ---------------------------------------------------------------------------------------------
// Results

export interface StructureDescription {
  /** The file it was read from, as given to `parseStructureDescription`. */
  file: string;
  kind: DescribedKind;
  name: string;
  /** The name in the tree metaphor, or null when the structure has no part in it. */
  treeName: string | null;
  summary: string;
  /** Reference ids, each a key of content/references.yaml. */
  sources: string[];
  /** The Markdown text after the front matter, trimmed. */
  body: string;
  /** `body` split at blank lines, each paragraph's lines joined with single spaces. */
  paragraphs: string[];
}

// ---------------------------------------------------------------------------------------------
// YAML helpers

type Path = readonly PropertyKey[];

/** 1-based position in the file of an offset in the YAML text, which starts at `firstLine`. */
interface Positioner {
  at(offset: number): { line: number; column: number };
}

function positioner(lineCounter: LineCounter, firstLine: number): Positioner {
  return {
    at(offset) {
      const { line, col } = lineCounter.linePos(Math.max(0, offset));
      return { line: line + firstLine - 1, column: col };
    },
  };
}

function rangeStart(node: unknown): number | null {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    if (range && typeof range[0] === 'number') return range[0];
  }
  return null;
}

/**
 * The offset to point at for a schema issue at `path`: the key of the offending entry in a mapping,
 * the item itself in a list. `found` is false when the path does not exist (a missing key); the
 * offset is then that of the deepest mapping that exists.
 */
function locate(doc: Document, path: Path): { offset: number; found: boolean } {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { offset, found: false };
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return { offset, found: false };
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      return { offset, found: false };
    }
  }
  return { offset, found: true };
}

function pathLabel(path: Path): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`)).join('');
}

interface ParsedYaml {
  doc: Document;
  position: Positioner;
  value: unknown;
}

/** Parses YAML text that starts at line `firstLine` of `file`; syntax errors come back located. */
function parseYaml(source: string, file: string, firstLine: number): ContentResult<ParsedYaml> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = positioner(lineCounter, firstLine);
  const problems = [...doc.errors.map((e) => ({ e, kind: 'YAML error' })), ...doc.warnings.map((e) => ({ e, kind: 'YAML warning' }))];
  if (problems.length > 0) {
    const errors = problems.map(({ e, kind }) => ({ file, ...position.at(e.pos[0]), message: `${kind}: ${firstSentence(e.message)}` }));
    return { ok: false, errors: sortErrors(errors) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, errors: [{ file, line: firstLine, column: 1, message: `YAML error: ${(error as Error).message}` }] };
  }
  return { ok: true, value: { doc, position, value } };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

function sortErrors(errors: ContentError[]): ContentError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Turns zod issues into located errors; `unrecognized_keys` gives one error per unknown key. */
function schemaErrors(issues: readonly z.core.$ZodIssue[], parsed: ParsedYaml, file: string, allowedKeys?: readonly string[]): ContentError[] {
  const errors: ContentError[] = [];
  const push = (path: Path, message: string) => {
    const { offset } = locate(parsed.doc, path);
    errors.push({ file, ...parsed.position.at(offset), message });
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const allowed = allowedKeys ? ` (allowed keys: ${allowedKeys.join(', ')})` : '';
        push([...issue.path, key], `unknown key "${key}"${pathIn(issue.path)}${allowed}`);
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A record key (a source id) failed its own schema: report that schema's message.
      const inner = issue.issues.map((sub) => sub.message).join('; ');
      push(issue.path, `invalid source id "${String(issue.path[issue.path.length - 1])}": ${inner}`);
      continue;
    }
    const { found } = locate(parsed.doc, issue.path);
    const parent = issue.path.slice(0, -1);
    const key = issue.path[issue.path.length - 1];
    if (!found && key !== undefined) {
      push(parent, `missing required key "${String(key)}"${pathIn(parent)}`);
      continue;
    }
    // Messages name their key already ("year must be a number"); add where it is when that helps.
    const namesKey = key !== undefined && issue.message.startsWith(String(key));
    const where = namesKey ? (parent.length > 0 ? `${pathLabel(parent)}: ` : '') : issue.path.length > 0 ? `${pathLabel(issue.path)}: ` : '';
    push(issue.path, `${where}${issue.message}`);
  }
  return errors;
}

function pathIn(path: Path): string {
  return path.length > 0 ? ` in ${pathLabel(path)}` : '';
}

// ---------------------------------------------------------------------------------------------
// Description files

const FENCE = /^---[ \t]*$/;

/** Block-level Markdown and markup that the info panel does not render. */
const FORBIDDEN_MARKDOWN: readonly { pattern: RegExp; message: string }[] = [
  { pattern: /^ {0,3}#{1,6}(?=[ \t]|$)/, message: 'headings are not allowed in a structure description (plain paragraphs only)' },
  { pattern: /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/, message: 'lists are not allowed in a structure description (plain paragraphs only)' },
  { pattern: /^ {0,3}>/, message: 'block quotes are not allowed in a structure description (plain paragraphs only)' },
  { pattern: /^ {0,3}(?:```|~~~)/, message: 'code blocks are not allowed in a structure description' },
  { pattern: /!?\[[^\]]*\]\([^)]*\)|<(?:https?:|mailto:)[^>]*>/, message: 'links and images are not allowed in a structure description' },
  { pattern: /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>|<!--/, message: 'HTML is not allowed in a structure description' },
];

/**
 * Reads one description file. `file` is only used in error messages and in the result (and, when it
 * ends in `<name>.md`, to check that the front matter's `kind` matches the file name).
 * `referenceIds` are the keys of content/references.yaml.
 */
export function parseStructureDescription(text: string, file: string, referenceIds: ReadonlySet<string>): ContentResult<StructureDescription> {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, message: 'missing front matter: the file must start with a line "---", then the keys (kind, name, summary, sources…), then another "---" line' }],
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing < 0) {
    return { ok: false, errors: [{ file, line: 1, column: 1, message: 'the front matter opened on line 1 is never closed: add a line "---" after the keys' }] };
  }

  // The YAML text starts on line 2 of the file.
  const yamlText = lines.slice(1, closing).join('\n');
  const parsed = parseYaml(yamlText, file, 2);
  if (!parsed.ok) return parsed;

  const errors: ContentError[] = [];
  const frontMatter = structureFrontMatterSchema.safeParse(parsed.value.value ?? {});
  if (!frontMatter.success) {
    errors.push(...schemaErrors(frontMatter.error.issues, parsed.value, file, Object.keys(frontMatterShape)));
  } else {
    const { kind, sources } = frontMatter.data;
    const at = (path: Path) => parsed.value.position.at(locate(parsed.value.doc, path).offset);
    const fileName = /([^/\\]+)\.md$/i.exec(file)?.[1];
    if (fileName !== undefined && fileName !== kind) {
      errors.push({ file, ...at(['kind']), message: `kind "${kind}" does not match the file name "${fileName}.md"` });
    }
    sources.forEach((id, index) => {
      if (!referenceIds.has(id)) {
        errors.push({ file, ...at(['sources', index]), message: `unknown source "${id}": add it to ${REFERENCES_FILE} or fix the id` });
      } else if (sources.indexOf(id) !== index) {
        errors.push({ file, ...at(['sources', index]), message: `source "${id}" is listed twice` });
      }
    });
  }

  // The body: everything after the closing fence.
  const bodyLines = lines.slice(closing + 1);
  const bodyFirstLine = closing + 2;
  const body = bodyLines.join('\n').trim();
  if (body === '') {
    errors.push({ file, line: bodyFirstLine, column: 1, message: 'the description is empty: write two or three short paragraphs after the closing "---"' });
  } else {
    bodyLines.forEach((line, index) => {
      for (const { pattern, message } of FORBIDDEN_MARKDOWN) {
        const match = pattern.exec(line);
        if (match) {
          errors.push({ file, line: bodyFirstLine + index, column: match.index + 1, message });
          break;
        }
      }
    });
  }

  if (errors.length > 0 || !frontMatter.success) return { ok: false, errors: sortErrors(errors) };
  const paragraphs = body
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).join(' ').trim())
    .filter((paragraph) => paragraph !== '');
  const { kind, name, treeName, summary, sources } = frontMatter.data;
  return { ok: true, value: { file, kind, name, treeName: treeName ?? null, summary, sources, body, paragraphs } };
}

// ---------------------------------------------------------------------------------------------
// References

/** Reads content/references.yaml: a mapping from source id to reference, in file order. */
export function parseReferences(text: string, file: string): ContentResult<ReadonlyMap<string, Reference>> {
  const parsed = parseYaml(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), file, 1);
  if (!parsed.ok) return parsed;
  if (parsed.value.value === null || parsed.value.value === undefined) {
    return { ok: false, errors: [{ file, line: 1, column: 1, message: 'the references file is empty' }] };
  }
  const result = referencesSchema.safeParse(parsed.value.value);
  if (!result.success) {
    const allowedKeys = Object.keys(referenceShape);
    return { ok: false, errors: sortErrors(schemaErrors(result.error.issues, parsed.value, file, allowedKeys)) };
  }
  return { ok: true, value: new Map(Object.entries(result.data)) };
}

// ---------------------------------------------------------------------------------------------
// The whole set

export interface StructureSetOptions {
  /** The kinds every language must describe; all of `DESCRIBED_KINDS` by default. */
  expectedKinds?: readonly DescribedKind[];
  /** Where a missing description should be, for the error; `structureDescriptionPath` by default. */
  fileFor?: (language: Language, kind: DescribedKind) => string;
}

/**
 * Checks the parsed descriptions of all languages together: every expected kind is described
 * exactly once in each language, a file name describes the same kind in every language, and the
 * languages agree on each kind (a tree name in all or none, the same sources). English is the
 * reference language.
 */
export function checkStructureSet(
  descriptions: Readonly<Record<Language, readonly StructureDescription[]>>,
  options: StructureSetOptions = {},
): ContentError[] {
  const expected = options.expectedKinds ?? DESCRIBED_KINDS;
  const fileFor = options.fileFor ?? structureDescriptionPath;
  const errors: ContentError[] = [];
  const byLanguage = new Map<Language, Map<DescribedKind, StructureDescription>>();

  for (const language of LANGUAGES) {
    const byKind = new Map<DescribedKind, StructureDescription>();
    for (const description of descriptions[language]) {
      const first = byKind.get(description.kind);
      if (first) {
        errors.push({ file: description.file, line: 1, column: 1, message: `kind "${description.kind}" is already described in ${first.file} (${language})` });
      } else {
        byKind.set(description.kind, description);
      }
    }
    for (const kind of expected) {
      if (!byKind.has(kind)) errors.push({ file: fileFor(language, kind), line: 1, column: 1, message: `missing ${language} description of "${kind}"` });
    }
    byLanguage.set(language, byKind);
  }

  const [reference, ...others] = LANGUAGES;
  const referenceByKind = byLanguage.get(reference) ?? new Map<DescribedKind, StructureDescription>();
  const referenceByFile = new Map(descriptions[reference].map((description) => [baseName(description.file), description]));
  for (const language of others) {
    for (const description of descriptions[language]) {
      // The same file name must describe the same structure in every language.
      const sameFile = referenceByFile.get(baseName(description.file));
      if (sameFile && sameFile.kind !== description.kind) {
        errors.push({
          file: description.file,
          line: 1,
          column: 1,
          message: `kind "${description.kind}" does not match the ${reference} file ${sameFile.file}, whose kind is "${sameFile.kind}"`,
        });
      }
    }
    for (const [kind, description] of byLanguage.get(language) ?? []) {
      const original = referenceByKind.get(kind);
      if (!original) {
        if (!expected.includes(kind)) {
          errors.push({ file: description.file, line: 1, column: 1, message: `kind "${kind}" is described in ${language} but not in ${reference}` });
        }
        continue;
      }
      if ((description.treeName === null) !== (original.treeName === null)) {
        errors.push({
          file: description.file,
          line: 1,
          column: 1,
          message: description.treeName === null ? `treeName is missing here but set in ${original.file}` : `treeName is set here but not in ${original.file}`,
        });
      }
      const mine = [...description.sources].sort().join(', ');
      const theirs = [...original.sources].sort().join(', ');
      if (mine !== theirs) {
        errors.push({ file: description.file, line: 1, column: 1, message: `sources [${mine}] differ from those of ${original.file} [${theirs}]` });
      }
    }
  }
  return errors;
}

function baseName(file: string): string {
  return file.split(/[/\\]/).pop() ?? file;
}
