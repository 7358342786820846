import { entryNames, foldText, type GlossaryEntry } from '../../shared/content/glossary';
import type { Language } from '../../shared/languages';

/**
 * Finds glossary terms in running text (lesson sentences, structure descriptions) so they can open
 * the glossary. Pure: no DOM.
 *
 * Rules: whole words only; case and accents ignored, except for names with a capital after their
 * first letter (PVN, hPL, FIL, lactogenesis II), which must match as written apart from their first
 * letter, so "son" in French or "fil" never open an entry; a regular plural (English -s/-es, French
 * -s/-x) matches too; at one place the longest name wins ("milk ejection reflex" over "milk
 * ejection").
 */

/** A piece of text, with the glossary entry it names when it is a term. */
export interface TextSegment {
  text: string;
  entryId: string | null;
}

export interface TermMatcher {
  /**
   * Cuts `text` into plain and term segments. Entries in `used` are left as plain text (and the
   * ones found are added to it), so one Set across a step links each term once.
   */
  segments(text: string, used?: Set<string>): TextSegment[];
}

const PLURALS: Readonly<Record<Language, string>> = { en: '(?:e?s)?', fr: '(?:s|x)?' };
const WORD = '[\\p{L}\\p{N}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Capitals after the first letter mark an abbreviation or a numbered name: match those as written. */
function isCaseSensitive(name: string): boolean {
  return /\p{Lu}/u.test([...name].slice(1).join(''));
}

/** Accent-free text, with the index in the original of each of its UTF-16 units. */
function foldWithIndex(text: string, lowerCase: boolean): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    let piece = character.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/Œ/g, 'Oe').replace(/æ/g, 'ae').replace(/Æ/g, 'Ae').replace(/[’‘]/g, "'");
    if (lowerCase) piece = piece.toLowerCase();
    folded += piece;
    for (let k = 0; k < piece.length; k += 1) origin.push(index);
    index += character.length;
  }
  origin.push(index);
  return { folded, origin };
}

/** How a name is looked up: spaces collapsed; a case-sensitive name's first letter in lower case. */
function keyOf(text: string, lowerCase: boolean): string {
  const spaced = text.replace(/\s+/g, ' ');
  return lowerCase ? spaced : spaced.charAt(0).toLowerCase() + spaced.slice(1);
}

interface Pattern {
  regex: RegExp;
  lowerCase: boolean;
  /** `keyOf` each folded name → entry id. */
  owners: Map<string, string>;
}

function buildPattern(names: readonly { name: string; id: string }[], lowerCase: boolean, plural: string): Pattern | null {
  if (names.length === 0) return null;
  const owners = new Map<string, string>();
  const alternatives: string[] = [];
  for (const { name, id } of [...names].sort((a, b) => b.name.length - a.name.length)) {
    const folded = lowerCase ? foldText(name) : foldWithIndex(name, false).folded;
    const key = keyOf(folded, lowerCase);
    if (owners.has(key)) continue;
    owners.set(key, id);
    const first = [...folded][0] ?? '';
    const rest = folded.slice(first.length);
    // A capitalised first letter is allowed anywhere (a sentence may start with the term).
    const head = lowerCase ? escapeRegExp(first) : `[${escapeRegExp(first.toLowerCase())}${escapeRegExp(first.toUpperCase())}]`;
    alternatives.push(head + escapeRegExp(rest).replace(/ /g, '\\s+'));
  }
  const source = `(?<!${WORD})(?:${alternatives.join('|')})${plural}(?!${WORD})`;
  return { regex: new RegExp(source, 'gu'), lowerCase, owners };
}

/** Builds the matcher of one language's entries. */
export function termMatcher(entries: readonly GlossaryEntry[], language: Language): TermMatcher {
  const named = entries.flatMap((entry) => entryNames(entry).map((name) => ({ name, id: entry.id })));
  const plural = PLURALS[language];
  const patterns = [buildPattern(named.filter(({ name }) => !isCaseSensitive(name)), true, plural), buildPattern(named.filter(({ name }) => isCaseSensitive(name)), false, plural)].filter(
    (pattern): pattern is Pattern => pattern !== null,
  );

  const ownerOf = (pattern: Pattern, found: string): string | null => {
    const key = keyOf(found, pattern.lowerCase);
    const bare = [key, ...['es', 's', 'x'].filter((suffix) => key.endsWith(suffix)).map((suffix) => key.slice(0, -suffix.length))];
    for (const candidate of bare) {
      const id = pattern.owners.get(candidate);
      if (id) return id;
    }
    return null;
  };

  return {
    segments(text, used = new Set<string>()) {
      const found: { start: number; end: number; id: string }[] = [];
      for (const pattern of patterns) {
        const { folded, origin } = foldWithIndex(text, pattern.lowerCase);
        for (const match of folded.matchAll(pattern.regex)) {
          const id = ownerOf(pattern, match[0]);
          if (id === null) continue;
          const start = origin[match.index] ?? 0;
          const end = origin[match.index + match[0].length] ?? text.length;
          found.push({ start, end, id });
        }
      }
      // The earliest, then the longest, wins where names overlap; repeats of a used entry stay plain
      // but still hold their place, so a shorter name inside them is not linked instead.
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const segments: TextSegment[] = [];
      let cursor = 0;
      let blocked = 0;
      for (const { start, end, id } of found) {
        if (start < blocked) continue;
        blocked = end;
        if (used.has(id)) continue;
        used.add(id);
        if (start > cursor) segments.push({ text: text.slice(cursor, start), entryId: null });
        segments.push({ text: text.slice(start, end), entryId: id });
        cursor = end;
      }
      if (cursor < text.length) segments.push({ text: text.slice(cursor), entryId: null });
      return segments;
    },
  };
}
