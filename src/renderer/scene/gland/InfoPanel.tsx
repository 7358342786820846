import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  parseReferences,
  parseStructureDescription,
  structureDescriptionPath,
  type ContentError,
  type DescribedKind,
  type Reference,
  type StructureDescription,
} from '../../../shared/content/structure-descriptions';
import { isLanguage } from '../../../shared/languages';
import { useGlossaryLinks } from '../../glossary/glossary-links';
import { linkTerms } from '../../glossary/linked-terms';
import type { Host } from '../../host/host';
import { Breadcrumb, type TrailStep } from '../Breadcrumb';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; description: StructureDescription; references: ReadonlyMap<string, Reference> }
  | { state: 'failed'; messages: string[] };

const describeErrors = (errors: ContentError[]) => errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`);

/** *emphasis* in content text becomes <em>; everything else stays plain text (no HTML from files), or what `plain` makes of it. */
function withEmphasis(text: string, plain: (text: string) => ReactNode = (part) => part): ReactNode[] {
  return text.split(/(\*[^*]+\*)/g).map((part, i) => (part.startsWith('*') && part.endsWith('*') && part.length > 2 ? <em key={i}>{plain(part.slice(1, -1))}</em> : <Fragment key={i}>{plain(part)}</Fragment>));
}

function citation(reference: Reference): string {
  return [reference.authors, reference.title, [reference.journal, reference.year, reference['volume/pages']].filter(Boolean).join(' '), reference.doi ? `doi:${reference.doi}` : reference.url]
    .filter(Boolean)
    .join('. ');
}

/**
 * What a selected structure is and does, from content/structures/<language>/<kind>.md, with where
 * it sits (a breadcrumb from the whole breast down to it, that climbs back) and its sources.
 * `kind` is null for an id the model does not have: the panel says so.
 */
export function InfoPanel({
  host,
  structureId,
  kind,
  title,
  trail,
  onSelect,
  onClose,
}: {
  host: Host;
  structureId: string;
  kind: DescribedKind | null;
  title: string;
  trail: readonly TrailStep[];
  onSelect(id: string): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const glossary = useGlossaryLinks();

  useEffect(() => {
    if (!kind) return;
    let live = true;
    setLoaded({ state: 'loading' });
    const path = structureDescriptionPath(language, kind);
    Promise.all([host.readContent({ root: 'content', path: 'references.yaml' }), host.readContent({ root: 'content', path: path.replace(/^content\//, '') })])
      .then(([referencesFile, descriptionFile]) => {
        const references = parseReferences(referencesFile.text, 'content/references.yaml');
        if (!references.ok) return { state: 'failed' as const, messages: describeErrors(references.errors) };
        const description = parseStructureDescription(descriptionFile.text, path, new Set(references.value.keys()));
        if (!description.ok) return { state: 'failed' as const, messages: describeErrors(description.errors) };
        return { state: 'ready' as const, description: description.value, references: references.value };
      })
      .catch((error: unknown) => ({ state: 'failed' as const, messages: [error instanceof Error ? error.message : String(error)] }))
      .then((result) => {
        if (live) setLoaded(result);
      });
    return () => {
      live = false;
    };
  }, [host, kind, language]);

  if (!kind) {
    return (
      <aside className="scene__panel scene__panel--right info-panel" aria-label={t('info.title')}>
        <p role="alert">{t('info.unknownStructure', { id: structureId })}</p>
      </aside>
    );
  }

  // The structure's own glossary entry gets a link of its own; other glossary words link once each.
  const ownEntry = glossary?.entryFor(structureId, kind) ?? null;
  const linked = new Set(ownEntry ? [ownEntry.id] : []);

  return (
    <aside className="scene__panel scene__panel--right info-panel" aria-labelledby="info-panel-title" aria-live="polite">
      <div className="info-panel__header">
        <h2 id="info-panel-title" className="info-panel__title">
          {title}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('info.close')}
        </button>
      </div>
      <Breadcrumb label={t('info.whereInTree')} trail={trail} onSelect={onSelect} />
      {loaded.state === 'loading' && <p>{t('loading')}</p>}
      {loaded.state === 'failed' && (
        <div role="alert">
          <p>{t('info.contentFailed')}</p>
          <ul className="info-panel__errors">
            {loaded.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {loaded.state === 'ready' && (
        <>
          <p className="info-panel__kind">
            {loaded.description.name}
            {loaded.description.treeName && <span className="info-panel__tree-name"> · {t('info.inTheTree', { name: loaded.description.treeName })}</span>}
          </p>
          {ownEntry && glossary && (
            <button type="button" className="glossary__see" onClick={() => glossary.open(ownEntry.id)}>
              {t('glossary.structureLink', { term: ownEntry.term })}
            </button>
          )}
          <p className="info-panel__summary">{loaded.description.summary}</p>
          {loaded.description.paragraphs.map((paragraph, i) => (
            <p key={i}>{withEmphasis(paragraph, (text) => linkTerms(text, glossary, linked, t))}</p>
          ))}
          <h3 className="info-panel__sources-title">{t('info.sources')}</h3>
          <ul className="info-panel__sources">
            {loaded.description.sources.map((id) => {
              const reference = loaded.references.get(id);
              return <li key={id}>{reference ? citation(reference) : id}</li>;
            })}
          </ul>
        </>
      )}
    </aside>
  );
}
