import type { ContentError } from '../content/structure-descriptions';
import type { SourcePosition } from './lesson-types';

/**
 * Reading narration: paragraphs of sentences with cue markers (`{highlight duct-3}`) and citation
 * markers (`[@ramsay-2005-anatomy]`) inside them. The markers are taken out of the text, and each
 * keeps its offset in the plain text that remains, so the player can fire a cue at the word it
 * precedes. The plain text is then split into sentences, the unit narration will be timed by.
 *
 * A backslash keeps the next character literal: `\{`, `\}`, `\[`, `\*`, `\\`.
 */

/** One line of Markdown as it sits in the file: `text` starts at `column`. */
export interface SourceLine {
  line: number;
  column: number;
  text: string;
}

export interface MarkerWord extends SourcePosition {
  text: string;
}

export interface RawCue extends SourcePosition {
  /** Offset in the paragraph's plain text. */
  offset: number;
  /** The whole marker as written, braces included. */
  marker: string;
  name: MarkerWord;
  /** The words after the name. */
  words: MarkerWord[];
}

export interface RawCitation extends SourcePosition {
  offset: number;
  ids: MarkerWord[];
}

export interface ScannedParagraph {
  /** Plain text: markers and emphasis stars removed, runs of spaces and line breaks as one space. */
  text: string;
  /** The file position of each character of `text`. */
  positions: SourcePosition[];
  cues: RawCue[];
  citations: RawCitation[];
}

const ESCAPABLE = new Set(['\\', '{', '}', '[', ']', '*', '_']);
/** Characters a plain space before them is dropped for (a marker often stands just before them). */
const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '!', '?', '…', ')', ']', '”', '»', '\u00a0', '\u202f']);

/** Reads one paragraph of narration (consecutive non-blank lines). */
export function scanParagraph(lines: readonly SourceLine[], file: string, errors: ContentError[]): ScannedParagraph {
  let text = '';
  const positions: SourcePosition[] = [];
  const cues: RawCue[] = [];
  const citations: RawCitation[] = [];
  let pendingSpace: SourcePosition | null = null;
  const error = (line: number, column: number, message: string) => errors.push({ file, line, column, message });

  const emit = (char: string, at: SourcePosition) => {
    if (pendingSpace && text.length > 0 && !NO_SPACE_BEFORE.has(char)) {
      text += ' ';
      positions.push(pendingSpace);
    }
    pendingSpace = null;
    text += char;
    positions.push(at);
  };

  for (const source of lines) {
    const { line, text: raw } = source;
    const at = (index: number): SourcePosition => ({ line, column: source.column + index });
    let i = 0;
    while (i < raw.length) {
      const char = raw[i] as string;
      if (char === '\\' && i + 1 < raw.length && ESCAPABLE.has(raw[i + 1] as string)) {
        emit(raw[i + 1] as string, at(i));
        i += 2;
      } else if (char === '{') {
        const close = raw.indexOf('}', i + 1);
        const reopen = raw.indexOf('{', i + 1);
        if (close < 0 || (reopen >= 0 && reopen < close)) {
          error(line, at(i).column, 'this cue is not closed on the same line: add } after its arguments (or write \\{ for a brace in the text)');
          i += 1;
          continue;
        }
        const words = wordsOf(raw.slice(i + 1, close), at(i + 1));
        const [name, ...rest] = words;
        if (name === undefined) {
          error(line, at(i).column, 'empty cue {}: write a cue name and its arguments, e.g. {focus nipple}');
        } else {
          cues.push({ ...at(i), offset: text.length, marker: raw.slice(i, close + 1), name, words: rest });
        }
        i = close + 1;
      } else if (char === '}') {
        error(line, at(i).column, 'a } without a { before it on the same line (write \\} for a brace in the text)');
        i += 1;
      } else if (char === '[' && raw[i + 1] === '@') {
        const close = raw.indexOf(']', i + 1);
        if (close < 0) {
          error(line, at(i).column, 'this citation is not closed on the same line: add ] after the source ids, e.g. [@ramsay-2005-anatomy]');
          i += 1;
          continue;
        }
        const ids: MarkerWord[] = [];
        let partStart = i + 1;
        for (const part of raw.slice(i + 1, close).split(/[;,]/)) {
          const words = wordsOf(part, at(partStart));
          const word = words[0];
          if (words.length !== 1 || !word || !/^@\S+$/.test(word.text)) {
            error(line, (word ?? at(partStart)).column, 'a citation lists source ids, each starting with @ and separated by semicolons, e.g. [@ramsay-2005-anatomy; @geddes-2007-inside]');
          } else {
            ids.push({ ...word, text: word.text.slice(1), column: word.column + 1 });
          }
          partStart += part.length + 1;
        }
        citations.push({ ...at(i), offset: text.length, ids });
        i = close + 1;
      } else if (char === '*') {
        i += 1;
      } else if (char === ' ' || char === '\t') {
        pendingSpace ??= at(i);
        i += 1;
      } else {
        emit(char, at(i));
        i += 1;
      }
    }
    // A line break is a space.
    pendingSpace ??= at(raw.length);
  }
  return { text, positions, cues, citations };
}

/** The words of a marker's inside, each with its position. */
function wordsOf(inside: string, start: SourcePosition): MarkerWord[] {
  return [...inside.matchAll(/\S+/g)].map((match) => ({ text: match[0], line: start.line, column: start.column + match.index }));
}

// ---------------------------------------------------------------------------------------------
// Sentences

/**
 * Abbreviations whose full stop does not end a sentence even before a capital (lower case, no
 * final dot). Single letters count too (initials: "D. T. Ramsay").
 */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'cf', 'vs', 'dr', 'mr', 'mrs', 'st', 'fig', 'al', 'approx', 'ca', 'vol', 'pp', 'env', 'ex', 'p.ex', 'mme', 'pr']);

/**
 * Splits plain text into sentences: `[start, end)` ranges, trimmed. A sentence ends at `.`, `!`, `?`
 * or `…` (with any closing quotes or brackets after it) followed by a space and a capital, a digit
 * or an opening quote, unless the word before the full stop is a known abbreviation.
 */
export function splitSentences(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  const endings = /[.!?…]+(?:[\u00a0\u202f]?[»"”’')\]])*(?= )/gu;
  for (const match of text.matchAll(endings)) {
    const end = match.index + match[0].length;
    const next = text[end + 1];
    if (next === undefined || !/[\p{Lu}\p{N}«"“(¿¡]/u.test(next)) continue;
    if (match[0].startsWith('.') && isAbbreviation(text.slice(start, match.index))) continue;
    ranges.push({ start, end });
    start = end + 1;
  }
  if (start < text.length) ranges.push({ start, end: text.length });
  return ranges.filter((range) => range.end > range.start);
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1];
  if (!word) return false;
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{L}$/u.test(word);
}
