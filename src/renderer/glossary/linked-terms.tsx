import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { GlossaryLinks } from './glossary-links';
import type { TextSegment } from './term-matcher';

/**
 * A text's glossary words as buttons that open their entry, the rest as plain text. `used` carries
 * the entries already linked nearby (each is linked once); it is filled as terms are found.
 */
export function linkTerms(text: string, links: GlossaryLinks | null, used: Set<string>, t: TFunction): ReactNode[] {
  if (!links) return [text];
  return links.matcher.segments(text, used).map((segment, index) => termNode(segment, index, links, t));
}

/** One segment: a glossary word as a button, other text as it is. */
export function termNode(segment: TextSegment, key: number, links: GlossaryLinks, t: TFunction): ReactNode {
  const { entryId, text } = segment;
  if (entryId === null) return text;
  return (
    <button
      key={key}
      type="button"
      className="glossary-term"
      aria-label={t('glossary.openWord', { word: text, term: links.termOf(entryId) ?? text })}
      onClick={(event) => {
        // Inside a transcript sentence, a click on the word must not also seek.
        event.stopPropagation();
        links.open(entryId);
      }}
    >
      {text}
    </button>
  );
}
