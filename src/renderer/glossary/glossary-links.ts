import { createContext, useContext } from 'react';
import { glossaryStructureKind, type GlossaryEntry } from '../../shared/content/glossary';
import type { DescribedKind } from '../../shared/content/structure-descriptions';
import type { TermMatcher } from './term-matcher';

/**
 * What text elsewhere in the app (the info panel, the lesson transcript) needs to link its words
 * to the glossary. Null outside a `GlossaryProvider` or while the glossary is not loaded: the text
 * is then shown plain.
 */
export interface GlossaryLinks {
  matcher: TermMatcher;
  /** The entry's term, for accessible names. */
  termOf(id: string): string | null;
  /** The entry of the structure an info panel describes: the one naming it, else one of its kind. */
  entryFor(structureId: string, kind: DescribedKind): GlossaryEntry | null;
  /** Opens the glossary at an entry. */
  open(id: string): void;
}

export const GlossaryLinksContext = createContext<GlossaryLinks | null>(null);

export function useGlossaryLinks(): GlossaryLinks | null {
  return useContext(GlossaryLinksContext);
}

/** The entry for a structure: exact id first, then the first entry (in file order) of its kind. */
export function entryForStructure(entries: readonly GlossaryEntry[], structureId: string, kind: DescribedKind): GlossaryEntry | null {
  return entries.find((entry) => entry.structure === structureId) ?? entries.find((entry) => entry.structure !== null && glossaryStructureKind(entry.structure) === kind) ?? null;
}
