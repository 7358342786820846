import { z } from 'zod';
import { countWords, REFERENCES_FILE, referenceIdSchema, type ContentError } from '../content/structure-descriptions';
import { isLanguage, LANGUAGES, type Language } from '../languages';
import { CUE_NAMES, CUE_VOCABULARY, isCueName, type Cue, type CueTokens } from './cue-vocabulary';
import { LESSON_LEVELS, type CuePoint, type Sentence, type SourcePosition, type Step, type TeacherNote } from './lesson-types';
import { scanParagraph, splitSentences, type MarkerWord, type RawCue, type ScannedParagraph, type SourceLine } from './narration';
import { applyCue, checkCue, checkScene, continueScene, INITIAL_SCENE, RESERVED_SCENE_KEYS, resolveScene, sceneBlockSchema, sceneBlockShape, type SceneState } from './scene';
import { suggestion, type StructureCatalog } from './structure-ids';
import { hasKey, locate, parseYamlBlock, schemaErrors, type YamlBlock } from './yaml-block';

/**
 * Reads one lesson file: Markdown with a YAML front matter, one `## heading` per step, each step
 * with an optional ```scene block, narration with cue and citation markers, and teacher notes in
 * `>` block quotes. docs/authoring.md describes the format for authors; this file is its reference.
 *
 * Parsing never throws and never stops at the first problem: it collects every error it can find,
 * each with the file, line and column, and keeps the steps that have none. `loadLessons`
 * (load-lessons.ts) turns the result into what the player uses.
 */

/** What a lesson is checked against. */
export interface LessonContext {
  /** The structures of the gland lessons are written for (the default gland). */
  catalog: StructureCatalog;
  /** The keys of content/references.yaml. */
  referenceIds: ReadonlySet<string>;
}

export const LESSONS_DIR = 'content/lessons';

/** The path of a lesson file, e.g. `content/lessons/fr/tree-of-milk.md`. */
export function lessonPath(language: Language, id: string): string {
  return `${LESSONS_DIR}/${language}/${id}.md`;
}

/** The language folder and file name of a lesson path: `…/<language>/<name>.md`. */
export function lessonPathParts(file: string): { language: Language | null; name: string | null } {
  const match = /(?:^|[/\\])([^/\\]+)[/\\]([^/\\]+)\.md$/i.exec(file);
  if (!match) return { language: null, name: null };
  const folder = match[1] as string;
  return { language: isLanguage(folder) ? folder : null, name: match[2] as string };
}

// ---------------------------------------------------------------------------------------------
// Front matter

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const SUMMARY_MAX_WORDS = 40;
export const DURATION_MAX_MINUTES = 120;

const oneLine = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} is longer than ${max} characters` })
    .refine((text) => !/[\r\n]/.test(text), { error: `${what} must fit on one line` });

const DURATION_MESSAGE = `duration must be the estimated time in whole minutes, from 1 to ${DURATION_MAX_MINUTES}, e.g. 6 min`;

export const lessonFrontMatterShape = {
  id: z
    .string({ error: 'id must be text, e.g. tree-of-milk' })
    .regex(KEBAB, { error: 'id is kebab-case: lower-case letters and digits joined by hyphens, e.g. tree-of-milk' }),
  language: z.enum(LANGUAGES, { error: `language must be one of: ${LANGUAGES.join(', ')}` }),
  title: oneLine('title', 80),
  summary: oneLine('summary', 400).refine((text) => countWords(text) <= SUMMARY_MAX_WORDS, {
    error: `summary must be one or two short sentences (${SUMMARY_MAX_WORDS} words at most)`,
  }),
  level: z.enum(LESSON_LEVELS, { error: `level must be one of: ${LESSON_LEVELS.join(', ')}` }),
  /** `6 min`, or just `6`. */
  duration: z.union([z.number(), z.string()], { error: DURATION_MESSAGE }).transform((value, context) => {
    const minutes = typeof value === 'number' ? value : Number(/^(\d+)\s*min$/.exec(value.trim())?.[1] ?? NaN);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > DURATION_MAX_MINUTES) {
      context.addIssue({ code: 'custom', message: DURATION_MESSAGE, input: value });
      return z.NEVER;
    }
    return minutes;
  }),
  order: z
    .number({ error: 'order must be a whole number, e.g. 1 (lessons are listed by order)' })
    .int({ error: 'order must be a whole number, e.g. 1 (lessons are listed by order)' })
    .min(1, { error: 'order must be from 1 to 999' })
    .max(999, { error: 'order must be from 1 to 999' }),
  sources: z
    .array(referenceIdSchema, { error: 'sources must be a list of source ids, e.g. [ramsay-2005-anatomy]' })
    .min(1, { error: 'sources must list at least one source id' }),
};

export const lessonFrontMatterSchema = z.strictObject(lessonFrontMatterShape, {
  error: 'the front matter must be a list of keys and values (id: …, language: …, title: …)',
});
export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;

// ---------------------------------------------------------------------------------------------
// Results

/** One step as parsed, kept even when it has errors so that translations can still be compared. */
export interface ParsedStep {
  index: number;
  title: string;
  line: number;
  /** Null when the step has an error: the player leaves it out. */
  step: Step | null;
  /** The cues that parsed (all of them when `step` is not null). */
  cues: CuePoint[];
  /** References cited in the step, each once, in order. */
  citations: string[];
}

export interface ParsedLesson {
  file: string;
  /** The language of the file's folder, if it is a language code. */
  folderLanguage: Language | null;
  /** The file name without `.md`. */
  fileName: string | null;
  /** Null when the front matter has an error. */
  frontMatter: LessonFrontMatter | null;
  /** The front matter's YAML, for pointing at its keys. */
  frontMatterBlock: YamlBlock | null;
  steps: ParsedStep[];
  /** Every error of the file, sorted by position. */
  errors: ContentError[];
}

// ---------------------------------------------------------------------------------------------
// The file

const FENCE_LINE = /^---[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const NOTE = /^ {0,3}> ?/;
const BLANK = /^[ \t]*$/;

const FORBIDDEN: readonly { pattern: RegExp; message: string; inNotes: boolean }[] = [
  { pattern: /^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+/, message: 'lists are not allowed in the narration, which is spoken: write sentences (teacher notes may have lists)', inNotes: false },
  { pattern: /!?\[[^\]]*\]\([^)]*\)|<(?:https?:|mailto:)[^>]*>/, message: 'links and images are not allowed in a lesson: cite sources as [@source-id]', inNotes: true },
  { pattern: /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>|<!--/, message: 'HTML is not allowed in a lesson', inNotes: true },
];

interface StepDraft {
  index: number;
  title: string;
  line: number;
  titleColumn: number;
  scene: { fenceLine: number; lines: string[] } | null;
  paragraphs: SourceLine[][];
  notes: SourceLine[][];
  errors: ContentError[];
}

/** Reads one lesson file. `file` names it in errors; its folder and name are checked against the front matter. */
export function parseLesson(text: string, file: string, context: LessonContext): ParsedLesson {
  const { language: folderLanguage, name: fileName } = lessonPathParts(file);
  const result: ParsedLesson = { file, folderLanguage, fileName, frontMatter: null, frontMatterBlock: null, steps: [], errors: [] };
  const errors = result.errors;
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');

  if (folderLanguage === null) {
    errors.push({ file, line: 1, column: 1, message: `a lesson file must be in a language folder: ${LESSONS_DIR}/<${LANGUAGES.join('|')}>/<lesson id>.md` });
  }

  // Front matter.
  if (!FENCE_LINE.test(lines[0] ?? '')) {
    errors.push({ file, line: 1, column: 1, message: 'missing front matter: the file must start with a line "---", then the keys (id, language, title…), then another "---" line' });
    return finish(result);
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE_LINE.test(line));
  if (closing < 0) {
    errors.push({ file, line: 1, column: 1, message: 'the front matter opened on line 1 is never closed: add a line "---" after the keys' });
    return finish(result);
  }
  readFrontMatter(lines.slice(1, closing).join('\n'), result, context);

  // Steps.
  const drafts = splitSteps(lines, closing + 1, file, errors);
  if (drafts.length === 0) {
    errors.push({ file, line: closing + 2, column: 1, message: 'the lesson has no steps: start each step with a heading line "## Step title"' });
  }
  let scene: SceneState = INITIAL_SCENE;
  for (const draft of drafts) {
    const { parsed, endScene } = readStep(draft, scene, result, context);
    result.steps.push(parsed);
    errors.push(...draft.errors);
    scene = endScene;
  }
  return finish(result);
}

function finish(result: ParsedLesson): ParsedLesson {
  result.errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

function readFrontMatter(yamlText: string, result: ParsedLesson, context: LessonContext): void {
  const { file, errors } = result;
  const parsed = parseYamlBlock(yamlText, file, 2);
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    return;
  }
  const block = parsed.value;
  result.frontMatterBlock = block;
  const checked = lessonFrontMatterSchema.safeParse(block.value ?? {});
  if (!checked.success) {
    errors.push(...schemaErrors(checked.error.issues, block, { allowedKeys: Object.keys(lessonFrontMatterShape) }));
    return;
  }
  const frontMatter = checked.data;
  const at = (path: readonly PropertyKey[]) => {
    const { line, column } = locate(block, path);
    return { file, line, column };
  };
  const before = errors.length;
  if (result.fileName !== null && result.fileName !== frontMatter.id) {
    errors.push({ ...at(['id']), message: `id "${frontMatter.id}" does not match the file name "${result.fileName}.md"` });
  }
  if (result.folderLanguage !== null && result.folderLanguage !== frontMatter.language) {
    errors.push({ ...at(['language']), message: `language "${frontMatter.language}" does not match the folder "${result.folderLanguage}" the file is in` });
  }
  frontMatter.sources.forEach((id, index) => {
    if (!context.referenceIds.has(id)) {
      errors.push({ ...at(['sources', index]), message: unknownSource(id, context) });
    } else if (frontMatter.sources.indexOf(id) !== index) {
      errors.push({ ...at(['sources', index]), message: `source "${id}" is listed twice` });
    }
  });
  if (errors.length === before) result.frontMatter = frontMatter;
}

function unknownSource(id: string, context: LessonContext): string {
  return `unknown source "${id}"${suggestion(id, context.referenceIds)}: add it to ${REFERENCES_FILE} or fix the id`;
}

/** Cuts the body into steps at `##` headings; lesson-level problems go to `errors`, a step's to its draft. */
function splitSteps(lines: readonly string[], start: number, file: string, errors: ContentError[]): StepDraft[] {
  const drafts: StepDraft[] = [];
  let draft: StepDraft | null = null;
  let reportedOutside = false;
  let paragraph: SourceLine[] | null = null;
  let note: SourceLine[] | null = null;
  const problem = (line: number, column: number, message: string) => (draft ? draft.errors : errors).push({ file, line, column, message });

  for (let index = start; index < lines.length; index++) {
    const raw = lines[index] as string;
    const line = index + 1;
    const heading = HEADING.exec(raw);
    if (heading && (heading[1] as string).length === 2) {
      const rest = heading[2] as string;
      const title = rest.replace(/[ \t]+#+[ \t]*$/, '').trim();
      draft = { index: drafts.length, title, line, titleColumn: raw.length - rest.trimStart().length + 1, scene: null, paragraphs: [], notes: [], errors: [] };
      drafts.push(draft);
      paragraph = note = null;
      continue;
    }
    if (BLANK.test(raw)) {
      paragraph = note = null;
      continue;
    }
    if (!draft) {
      if (!reportedOutside) errors.push({ file, line, column: 1, message: 'text before the first step: every step starts with a heading line "## Step title" (the lesson\'s title goes in the front matter)' });
      reportedOutside = true;
      continue;
    }
    const current: StepDraft = draft;
    if (heading) {
      const level = (heading[1] as string).length;
      problem(line, 1, level === 1 ? 'use "##" for a step heading; the lesson\'s title goes in the front matter' : `only "##" headings are allowed, one per step (found ${'#'.repeat(level)})`);
      continue;
    }
    const fence = CODE_FENCE.exec(raw);
    if (fence) {
      const marker = fence[1] as string;
      const info = (fence[2] as string).trim();
      const closer = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      const end = lines.findIndex((candidate, i) => i > index && closer.test(candidate));
      if (end < 0) {
        problem(line, 1, `this block is never closed: add a line ${marker} after it`);
        index = lines.length;
        continue;
      }
      if (info !== 'scene') {
        problem(line, 1, 'code blocks are not allowed in a lesson; the only fenced block is a step\'s ```scene block');
      } else if (current.scene) {
        problem(line, 1, `a step has one scene block at most; this step's is on line ${current.scene.fenceLine}`);
      } else if (current.paragraphs.length > 0 || current.notes.length > 0) {
        problem(line, 1, 'the scene block must come right after the step\'s heading, before the narration and the notes');
      } else {
        current.scene = { fenceLine: line, lines: lines.slice(index + 1, end) };
      }
      index = end;
      paragraph = note = null;
      continue;
    }
    const noteMatch = NOTE.exec(raw);
    if (noteMatch) {
      paragraph = null;
      const content = raw.slice(noteMatch[0].length);
      const sourceLine = { line, column: noteMatch[0].length + 1, text: content };
      if (BLANK.test(content)) {
        note = null;
      } else if (note) {
        note.push(sourceLine);
      } else {
        note = [sourceLine];
        current.notes.push(note);
      }
      continue;
    }
    note = null;
    const sourceLine = { line, column: 1, text: raw };
    if (paragraph) paragraph.push(sourceLine);
    else {
      paragraph = [sourceLine];
      current.paragraphs.push(paragraph);
    }
  }
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// One step

function readStep(draft: StepDraft, previous: SceneState, lesson: ParsedLesson, context: LessonContext): { parsed: ParsedStep; endScene: SceneState } {
  const { file } = lesson;
  const errors = draft.errors;
  const error = (at: SourcePosition, message: string) => errors.push({ file, line: at.line, column: at.column, message });
  const headingAt = { line: draft.line, column: 1 };

  const titleAt = { line: draft.line, column: draft.titleColumn };
  if (draft.title === '') error(headingAt, 'a step heading needs a title: "## What this step shows"');
  else if (draft.title.length > 80) error(titleAt, 'a step title is longer than 80 characters');
  else if (/(?<!\\)\{|\[@/.test(draft.title)) error(titleAt, 'cues and citations go in the narration, not in a step title');

  let scene = readScene(draft, previous, file, context);
  const startScene = scene;

  // Narration: markers out, sentences in.
  for (const paragraph of draft.paragraphs) {
    for (const source of paragraph) checkForbidden(source, false, file, errors);
  }
  const scanned = draft.paragraphs.map((paragraph) => scanParagraph(paragraph, file, errors));
  const placed = placeMarkers(scanned, draft.index);
  if (placed.sentences.length === 0) {
    error(headingAt, `step "${draft.title}" has no narration: write what the voice says after the scene block`);
  }

  // Cues, in order, each checked against the scene as the cues before it left it.
  const cues: CuePoint[] = [];
  for (const { raw, sentence, offset } of placed.cues) {
    const cue = readCue(raw, file, context, errors);
    if (!cue) continue;
    // A cue out of place is reported and left out of the scene, so that it does not set off more errors.
    const problem = checkCue(scene, cue, context.catalog);
    if (problem) error(raw, problem);
    else scene = applyCue(scene, cue);
    const text = placed.sentences[sentence]?.text ?? '';
    cues.push({ cue, marker: raw.marker, sentence, offset, word: countWords(text.slice(0, offset)), line: raw.line, column: raw.column });
  }

  // Citations.
  const citations: string[] = [];
  const cite = (word: MarkerWord) => {
    if (!context.referenceIds.has(word.text)) error(word, unknownSource(word.text, context));
    else if (lesson.frontMatter && !lesson.frontMatter.sources.includes(word.text)) error(word, `source "${word.text}" is cited here but not listed in the front matter's sources`);
    if (!citations.includes(word.text)) citations.push(word.text);
  };
  for (const { ids } of placed.citations) ids.forEach(cite);
  const notes = draft.notes.map((lines) => readNote(lines, file, errors, cite));
  const sentences: Sentence[] = placed.sentences.map((sentence) => ({ ...sentence, citations: sentence.citations.map((word) => word.text) }));

  const ok = errors.length === 0;
  const step: Step | null = ok ? { index: draft.index, title: draft.title, line: draft.line, scene: startScene, sentences, cues, notes, citations } : null;
  return { parsed: { index: draft.index, title: draft.title, line: draft.line, step, cues, citations }, endScene: scene };
}

function readScene(draft: StepDraft, previous: SceneState, file: string, context: LessonContext): SceneState {
  if (!draft.scene) return continueScene(previous);
  const { fenceLine, lines } = draft.scene;
  const parsed = parseYamlBlock(lines.join('\n'), file, fenceLine + 1);
  if (!parsed.ok) {
    draft.errors.push(...parsed.errors);
    return continueScene(previous);
  }
  const block = parsed.value;
  const checked = sceneBlockSchema(context.catalog).safeParse(block.value ?? {});
  if (!checked.success) {
    const allowedKeys = Object.keys(sceneBlockShape(context.catalog));
    draft.errors.push(...schemaErrors(checked.error.issues, block, { allowedKeys, reservedKeys: RESERVED_SCENE_KEYS }));
    return continueScene(previous);
  }
  const scene = resolveScene(previous, checked.data);
  for (const problem of checkScene(scene, context.catalog)) {
    const key = problem.keys.find((candidate) => hasKey(block, candidate));
    const at = key ? locate(block, [key]) : { line: fenceLine, column: 1 };
    draft.errors.push({ file, line: at.line, column: at.column, message: problem.message });
  }
  return scene;
}

/** Checks a marker's name and words against the vocabulary; errors point at the word at fault. */
function readCue(raw: RawCue, file: string, context: LessonContext, errors: ContentError[]): Cue | null {
  const name = raw.name.text;
  const error = (at: SourcePosition, message: string) => errors.push({ file, line: at.line, column: at.column, message });
  if (!isCueName(name)) {
    error(raw.name, `unknown cue "${name}"${suggestion(name, CUE_NAMES)} (cues: ${CUE_NAMES.join(', ')})`);
    return null;
  }
  const spec = CUE_VOCABULARY[name];
  const positional: MarkerWord[] = [];
  const options = new Map<string, { key: MarkerWord; value: MarkerWord }>();
  let ok = true;
  for (const word of raw.words) {
    const option = /^([A-Za-z][\w-]*)=(.*)$/.exec(word.text);
    if (!option) {
      positional.push(word);
      continue;
    }
    const key = option[1] as string;
    if (options.has(key)) {
      error(word, `option "${key}" is given twice in {${name}}`);
      ok = false;
    }
    options.set(key, { key: { ...word, text: key }, value: { ...word, text: option[2] as string, column: word.column + key.length + 1 } });
  }
  const { min, max } = spec.arity;
  if (positional.length < min || positional.length > max) {
    const expected = max === 0 ? 'no arguments' : min === max ? `${min === 1 ? 'one argument' : `${min} arguments`}` : max === Infinity ? `at least ${min === 1 ? 'one argument' : `${min} arguments`}` : `${min} to ${max} arguments`;
    const at = positional.length > max ? (positional[max] as MarkerWord) : raw;
    error(at, `{${name}} takes ${expected}, not ${positional.length}: ${spec.usage}`);
    return null;
  }
  if (!ok) return null;
  const tokens: CueTokens = { positional: positional.map((word) => word.text), options: Object.fromEntries([...options].map(([key, { value }]) => [key, value.text])) };
  const checked = spec.args(context.catalog).safeParse(tokens);
  if (checked.success) return { name, args: checked.data } as Cue;
  for (const issue of checked.error.issues) {
    const [group, key] = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys(spec.options);
      for (const unknown of issue.keys) {
        const where = options.get(unknown)?.key ?? raw;
        error(where, allowed.length === 0 ? `{${name}} takes no options (found ${unknown}=)` : `{${name}} has no option "${unknown}" (options: ${allowed.join(', ')})`);
      }
    } else if (group === 'positional' && typeof key === 'number') {
      error(positional[key] ?? raw, `{${name}}: ${issue.message}`);
    } else if (group === 'options' && typeof key === 'string') {
      error(options.get(key)?.value ?? raw, `{${name}}: ${issue.message}`);
    } else {
      error(raw, `{${name}}: ${issue.message}`);
    }
  }
  return null;
}

function readNote(lines: readonly SourceLine[], file: string, errors: ContentError[], cite: (word: MarkerWord) => void): TeacherNote {
  const texts: string[] = [];
  const citations: string[] = [];
  for (const source of lines) {
    checkForbidden(source, true, file, errors);
    const cueAt = source.text.search(/(?<!\\)\{/);
    if (cueAt >= 0) {
      errors.push({ file, line: source.line, column: source.column + cueAt, message: 'cues belong in the narration, not in teacher notes (write \\{ for a brace)' });
    }
    // Citations: the same scanner as the narration reads them, with their positions.
    const scanned = scanParagraph([{ ...source, text: source.text.replace(/(?<!\\)[{}]/g, ' ') }], file, errors);
    for (const citation of scanned.citations) {
      for (const word of citation.ids) {
        cite(word);
        if (!citations.includes(word.text)) citations.push(word.text);
      }
    }
    texts.push(source.text.replace(/[ \t]*\[@[^\]]*\]/g, '').trimEnd());
  }
  const first = lines[0] as SourceLine;
  return { line: first.line, column: first.column, text: texts.join('\n'), citations };
}

function checkForbidden(source: SourceLine, inNotes: boolean, file: string, errors: ContentError[]): void {
  for (const { pattern, message, inNotes: alsoInNotes } of FORBIDDEN) {
    if (inNotes && !alsoInNotes) continue;
    const match = pattern.exec(source.text);
    if (match) {
      errors.push({ file, line: source.line, column: source.column + match.index, message });
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sentences and where the markers fall

interface PlacedSentence extends SourcePosition {
  key: string;
  paragraph: number;
  text: string;
  wordCount: number;
  citations: MarkerWord[];
}

interface Placed {
  sentences: PlacedSentence[];
  cues: { raw: RawCue; sentence: number; offset: number }[];
  citations: { ids: MarkerWord[] }[];
}

/**
 * Splits the paragraphs into sentences and gives each marker its sentence:
 * - a cue fires before the word that follows it; between two sentences that is the start of the
 *   next one, and after the last sentence of the step it is the end of that sentence;
 * - a citation belongs to the sentence it stands in or, between two sentences, to the one before.
 */
function placeMarkers(paragraphs: readonly ScannedParagraph[], stepIndex: number): Placed {
  const sentences: (PlacedSentence & { start: number; end: number })[] = [];
  paragraphs.forEach((paragraph, p) => {
    for (const { start, end } of splitSentences(paragraph.text)) {
      const text = paragraph.text.slice(start, end);
      const at = paragraph.positions[start] as SourcePosition;
      sentences.push({ key: `${stepIndex}.${sentences.length}`, paragraph: p, text, wordCount: countWords(text), citations: [], line: at.line, column: at.column, start, end });
    }
  });

  const cues: Placed['cues'] = [];
  const citations: Placed['citations'] = [];
  paragraphs.forEach((paragraph, p) => {
    for (const raw of paragraph.cues) {
      // The offset points before any space, so that the cue fires with the next word.
      const offset = paragraph.text[raw.offset] === ' ' ? raw.offset + 1 : raw.offset;
      const next = sentences.findIndex((s) => (s.paragraph === p && offset < s.end) || s.paragraph > p);
      const sentence = sentences[next];
      if (sentence) {
        // In its sentence, or at the start of the next one.
        const inSentence = sentence.paragraph === p ? Math.max(0, offset - sentence.start) : 0;
        cues.push({ raw, sentence: next, offset: inSentence });
      } else {
        // After the last sentence of the step: at its end.
        const last = sentences.length - 1;
        cues.push({ raw, sentence: Math.max(0, last), offset: sentences[last]?.text.length ?? 0 });
      }
    }
    for (const raw of paragraph.citations) {
      let target = -1;
      sentences.forEach((s, i) => {
        if (s.paragraph < p || (s.paragraph === p && s.start <= raw.offset)) target = i;
      });
      const sentence = sentences[Math.max(0, target)];
      sentence?.citations.push(...raw.ids);
      citations.push({ ids: raw.ids });
    }
  });
  return { sentences: sentences.map(({ start: _start, end: _end, ...sentence }) => sentence), cues, citations };
}
