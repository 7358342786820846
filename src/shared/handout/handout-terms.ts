import type { GlossaryEntry } from '../content/glossary';
import type { Language } from '../languages';

/**
 * The key terms of a lesson: every glossary entry its narration names, found the way the player
 * links words to the glossary (the renderer's term matcher, passed in as `termsIn`), listed in
 * alphabetical order with a short definition.
 */

export interface HandoutTerm {
  id: string;
  term: string;
  /** The definition's first sentence: a handout lists terms, the glossary explains them. */
  definition: string;
}

/** The glossary ids a text names, in the order they occur. */
export type TermFinder = (text: string) => readonly string[];

/** A sentence ends at `.`, `!` or `?` (a closing quote or bracket may follow) before a capital or an opening quote. */
const SENTENCE_END = /(?<=[.!?][»”")\]]?)\s+(?=[\p{Lu}«“"(])/u;

export function firstSentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.split(SENTENCE_END)[0] ?? trimmed;
}

export function keyTerms(texts: readonly string[], entries: readonly GlossaryEntry[], termsIn: TermFinder, language: Language): HandoutTerm[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const found = new Set(texts.flatMap((text) => termsIn(text)));
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return [...found]
    .flatMap((id) => {
      const entry = byId.get(id);
      return entry ? [{ id, term: entry.term, definition: firstSentence(entry.definition) }] : [];
    })
    .sort((a, b) => collator.compare(a.term, b.term));
}
