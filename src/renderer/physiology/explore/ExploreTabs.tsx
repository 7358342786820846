import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ExploreTab<Id extends string> {
  id: Id;
  label: string;
  content: ReactNode;
}

/**
 * Tabs as the ARIA authoring practices describe them: arrow keys, Home and End move between tabs
 * and select them; Tab goes into the panel. Every panel stays mounted (hidden when not shown) so
 * its charts and settings survive switching.
 */
export function ExploreTabs<Id extends string>({ label, tabs, selected, onSelect }: { label: string; tabs: readonly ExploreTab<Id>[]; selected: Id; onSelect(id: Id): void }) {
  const buttons = useRef(new Map<Id, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };
  return (
    <div className="explore-tabs">
      <div className="explore-tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`explore-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`explore-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="explore-tabs__tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`explore-panel-${tab.id}`} aria-labelledby={`explore-tab-${tab.id}`} hidden={tab.id !== selected} className="explore-tabs__panel">
          {tab.content}
        </div>
      ))}
    </div>
  );
}
