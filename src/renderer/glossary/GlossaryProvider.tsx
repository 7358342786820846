import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { glossaryPath, parseGlossary } from '../../shared/content/glossary';
import { parseReferences, REFERENCES_FILE } from '../../shared/content/structure-descriptions';
import type { Language } from '../../shared/languages';
import { formatContentError } from '../../shared/lessons/load-lessons';
import type { Host } from '../host/host';
import { GlossaryDialog, type GlossaryState } from './GlossaryDialog';
import { entryForStructure, GlossaryLinksContext, type GlossaryLinks } from './glossary-links';
import { termMatcher } from './term-matcher';
import './glossary.css';

/** Reads content/glossary/<language>.yaml (and the references it cites) through the host. */
async function readGlossary(host: Host, language: Language): Promise<GlossaryState> {
  const file = glossaryPath(language);
  const [glossaryFile, referencesFile] = await Promise.all([
    host.readContent({ root: 'content', path: file.replace(/^content\//, '') }),
    host.readContent({ root: 'content', path: REFERENCES_FILE.replace(/^content\//, '') }),
  ]);
  const { glossary, errors } = parseGlossary(glossaryFile.text, file, language);
  const problems = errors.map(formatContentError);
  if (!glossary) return { state: 'failed', problems };
  const references = parseReferences(referencesFile.text, REFERENCES_FILE);
  return { state: 'ready', entries: glossary.entries, references: references.ok ? references.value : new Map(), problems };
}

/**
 * Loads the glossary of the current language, lets any text below link its words to it
 * (`useGlossaryLinks`) and shows the glossary dialog. The dialog's opening is the app's to decide
 * (`open`, `onOpen`, `onClose`), so it stays one of the app's dialogs; the entry to show is kept here.
 */
export function GlossaryProvider({
  host,
  language,
  open,
  onOpen,
  onClose,
  onShowInGland,
  children,
}: {
  host: Host;
  language: Language;
  open: boolean;
  onOpen(): void;
  onClose(): void;
  /** Selects a glossary entry's structure in the gland view; leave it out when the gland cannot be shown. */
  onShowInGland?: ((structure: string) => void) | undefined;
  children: ReactNode;
}) {
  const [glossary, setGlossary] = useState<GlossaryState>({ state: 'loading' });
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setGlossary({ state: 'loading' });
    readGlossary(host, language)
      .catch((error: unknown): GlossaryState => ({ state: 'failed', problems: [error instanceof Error ? error.message : String(error)] }))
      .then((loaded) => {
        if (live) setGlossary(loaded);
      });
    return () => {
      live = false;
    };
  }, [host, language]);

  // Opened from the header, the glossary starts at the top.
  useEffect(() => {
    if (!open) setTarget(null);
  }, [open]);

  // The links must stay the same object while the glossary does (the transcript is memoised on
  // them, and its matcher is costly to build), whatever callback the app passes each render.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const openAt = useCallback((id: string) => {
    setTarget(id);
    onOpenRef.current();
  }, []);

  const links = useMemo<GlossaryLinks | null>(() => {
    if (glossary.state !== 'ready') return null;
    const { entries } = glossary;
    const terms = new Map(entries.map((entry) => [entry.id, entry.term]));
    return {
      matcher: termMatcher(entries, language),
      termOf: (id) => terms.get(id) ?? null,
      entryFor: (structureId, kind) => entryForStructure(entries, structureId, kind),
      open: openAt,
    };
  }, [glossary, language, openAt]);

  return (
    <GlossaryLinksContext.Provider value={links}>
      {children}
      <GlossaryDialog
        open={open}
        glossary={glossary}
        target={target}
        language={language}
        onTarget={setTarget}
        onClose={onClose}
        onShowInGland={
          onShowInGland &&
          ((structure: string) => {
            onClose();
            onShowInGland(structure);
          })
        }
      />
    </GlossaryLinksContext.Provider>
  );
}
