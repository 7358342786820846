import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlandAnatomy } from '../../../shared/anatomy/gland-anatomy';
import { structureName } from './structure-names';

/**
 * Find a structure by name ("Duct 3", "Nerve", "Lobule 3.1.2"): the browser's own suggestion list
 * offers the names; Enter selects the match, and a name that matches nothing says so.
 */
export function StructureSearch({ anatomy, onSelect }: { anatomy: GlandAnatomy | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const names = useMemo(() => (anatomy ? [...anatomy.structures.values()].map((node) => ({ id: node.id, name: structureName(node, t) })) : []), [anatomy, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = query.trim().toLocaleLowerCase();
    if (!wanted) return;
    const match = names.find((n) => n.name.toLocaleLowerCase() === wanted) ?? names.find((n) => n.name.toLocaleLowerCase().includes(wanted));
    if (match) {
      setMessage('');
      onSelect(match.id);
    } else {
      setMessage(t('search.noMatch', { query: query.trim() }));
    }
  };

  return (
    <form className="search" role="search" onSubmit={submit}>
      <label className="search__label">
        <span className="scene__panel-title">{t('search.label')}</span>
        <input
          type="search"
          className="search__input"
          list={listId}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setMessage('');
          }}
          placeholder={t('search.placeholder')}
        />
      </label>
      <datalist id={listId}>
        {names.map((n) => (
          <option key={n.id} value={n.name} />
        ))}
      </datalist>
      <p className="search__message" role="status">
        {message}
      </p>
    </form>
  );
}
