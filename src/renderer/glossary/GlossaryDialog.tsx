import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText, type GlossaryEntry } from '../../shared/content/glossary';
import type { Reference } from '../../shared/content/structure-descriptions';
import { Dialog } from '../components/Dialog';

export type GlossaryState =
  | { state: 'loading' }
  | { state: 'ready'; entries: readonly GlossaryEntry[]; references: ReadonlyMap<string, Reference>; problems: readonly string[] }
  | { state: 'failed'; problems: readonly string[] };

/** `Ramsay et al. 2005`: enough to find the source in the atlas's bibliography. */
function shortCitation(reference: Reference | undefined, id: string): string {
  if (!reference) return id;
  const authors = reference.authors?.split(',').map((author) => author.trim()) ?? [];
  const first = authors[0]?.replace(/\s+[A-Z]{1,3}$/, '') ?? reference.journal ?? reference.title ?? id;
  const etAl = authors.length > 1 || reference.authors?.includes('et al.') ? ' et al.' : '';
  return [`${first}${etAl}`, reference.year].filter(Boolean).join(' ');
}

/** Whether an entry fits the search: every word of it found in the term, another name or the definition. */
function matches(entry: GlossaryEntry, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText([entry.term, ...entry.aka, entry.definition].join(' '));
  return words.every((word) => haystack.includes(word));
}

/**
 * The glossary: a search box, then every entry in alphabetical order of the current language, each
 * with its definition, sources, "see also" links that move to another entry, and "Show in 3D" when
 * it names a structure of the gland. `target` is the entry to show and focus when it opens.
 */
export function GlossaryDialog({
  open,
  glossary,
  target,
  language,
  onTarget,
  onClose,
  onShowInGland,
}: {
  open: boolean;
  glossary: GlossaryState;
  target: string | null;
  language: string;
  onTarget(id: string): void;
  onClose(): void;
  /** Absent when the gland cannot be shown now (during a lesson): no "Show in 3D" buttons then. */
  onShowInGland?: ((structure: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLUListElement | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const idPrefix = useId();
  const headingId = (id: string) => `${idPrefix}-${id}`;

  const entries = useMemo(() => (glossary.state === 'ready' ? [...glossary.entries].sort((a, b) => a.term.localeCompare(b.term, language, { sensitivity: 'base' })) : []), [glossary, language]);
  const terms = useMemo(() => new Map(entries.map((entry) => [entry.id, entry.term])), [entries]);
  const shown = useMemo(() => entries.filter((entry) => matches(entry, query)), [entries, query]);

  // Going to an entry (a "see also" link, a word elsewhere) clears the search, which could hide it.
  useEffect(() => {
    if (open && target !== null) setQuery('');
  }, [open, target]);

  // Show and focus the target once the dialog is open (after showModal has placed its own focus).
  useEffect(() => {
    if (!open || glossary.state !== 'ready') return;
    const frame = requestAnimationFrame(() => {
      const heading = target === null ? null : document.getElementById(`${idPrefix}-${target}`);
      if (heading) {
        heading.scrollIntoView({ block: 'start' });
        heading.focus();
      } else {
        searchRef.current?.focus();
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [open, target, glossary.state, idPrefix]);

  return (
    <Dialog open={open} title={t('glossary.title')} closeLabel={t('glossary.close')} onClose={onClose}>
      <div className="glossary" lang={language}>
        <label className="glossary__search">
          <span>{t('glossary.search')}</span>
          <input ref={searchRef} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t('glossary.searchPlaceholder')} />
        </label>
        {glossary.state === 'loading' && <p role="status">{t('loading')}</p>}
        {glossary.state === 'failed' && (
          <div role="alert">
            <p>{t('glossary.failed')}</p>
            <ul className="glossary__errors">
              {glossary.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        {glossary.state === 'ready' && (
          <>
            <p className="glossary__count" role="status">
              {query.trim() === '' ? t('glossary.count', { count: entries.length }) : t('glossary.found', { count: shown.length })}
            </p>
            <ul className="glossary__list" ref={listRef}>
              {shown.map((entry) => (
                <li key={entry.id}>
                  <article className={`glossary__entry${entry.id === target ? ' glossary__entry--target' : ''}`} aria-labelledby={headingId(entry.id)}>
                    <h3 className="glossary__term" id={headingId(entry.id)} tabIndex={-1}>
                      {entry.term}
                    </h3>
                    {entry.aka.length > 0 && <p className="glossary__aka">{t('glossary.aka', { names: entry.aka.join(', ') })}</p>}
                    <p className="glossary__definition">{entry.definition}</p>
                    {(entry.see.length > 0 || (entry.structure !== null && onShowInGland)) && (
                      <div className="glossary__actions">
                        {entry.see.some((id) => terms.has(id)) && <span>{t('glossary.seeAlso')}</span>}
                        {entry.see
                          .filter((id) => terms.has(id))
                          .map((id) => (
                            <button key={id} type="button" className="glossary__see" onClick={() => onTarget(id)}>
                              {terms.get(id)}
                            </button>
                          ))}
                        {entry.structure !== null && onShowInGland && (
                          <button type="button" className="button button--small" onClick={() => onShowInGland(entry.structure!)}>
                            {t('glossary.showInGland')}
                          </button>
                        )}
                      </div>
                    )}
                    {entry.sources.length > 0 && (
                      <p className="glossary__sources">{t('glossary.sources', { sources: entry.sources.map((id) => shortCitation(glossary.references.get(id), id)).join('; ') })}</p>
                    )}
                  </article>
                </li>
              ))}
            </ul>
            {shown.length === 0 && <p>{t('glossary.none', { query })}</p>}
            {glossary.problems.length > 0 && (
              <details className="glossary__errors">
                <summary>{t('glossary.someFailed', { count: glossary.problems.length })}</summary>
                <ul>
                  {glossary.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
