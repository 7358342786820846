import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlandAnatomy, StructureNode } from '../../../shared/anatomy/gland-anatomy';
import { structureName } from './structure-names';

/**
 * The DOM twin of the 3D gland: its hierarchy as an ARIA tree. Arrow keys walk it (up and down
 * through visible items, right to open or go to the first child, left to close or go to the
 * parent), Home and End jump; the selection follows the focus so the camera and the info panel
 * follow the learner.
 */
interface Props {
  anatomy: GlandAnatomy;
  selectedId: string | null;
  onSelect(id: string): void;
}

interface Row {
  node: StructureNode;
  level: number;
}

function visibleRows(anatomy: GlandAnatomy, expanded: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const walk = (id: string, level: number): void => {
    const node = anatomy.structures.get(id);
    if (!node) return;
    rows.push({ node, level });
    if (expanded.has(id)) for (const child of node.childIds) walk(child, level + 1);
  };
  walk('breast', 1);
  return rows;
}

function ancestors(anatomy: GlandAnatomy, id: string): string[] {
  const chain: string[] = [];
  let node = anatomy.structures.get(id);
  while (node?.parentId) {
    chain.push(node.parentId);
    node = anatomy.structures.get(node.parentId);
  }
  return chain;
}

export function StructureTree({ anatomy, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(['breast']));
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const rows = useMemo(() => visibleRows(anatomy, expanded), [anatomy, expanded]);
  const activeId = selectedId && rows.some((r) => r.node.id === selectedId) ? selectedId : 'breast';

  // Selecting in the 3D view opens the branches down to the selected structure.
  useEffect(() => {
    if (!selectedId) return;
    const path = ancestors(anatomy, selectedId);
    setExpanded((current) => (path.every((id) => current.has(id)) ? current : new Set([...current, ...path])));
  }, [anatomy, selectedId]);

  const focusItem = (id: string): void => {
    onSelect(id);
    requestAnimationFrame(() => itemRefs.current.get(id)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const index = rows.findIndex((r) => r.node.id === activeId);
    const row = rows[index];
    if (!row) return;
    const node = row.node;
    const open = expanded.has(node.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (rows[index + 1]) focusItem(rows[index + 1]!.node.id);
        break;
      case 'ArrowUp':
        if (rows[index - 1]) focusItem(rows[index - 1]!.node.id);
        break;
      case 'ArrowRight':
        if (node.childIds.length > 0 && !open) setExpanded(new Set([...expanded, node.id]));
        else if (open && node.childIds[0]) focusItem(node.childIds[0]);
        break;
      case 'ArrowLeft':
        if (open) {
          const next = new Set(expanded);
          next.delete(node.id);
          setExpanded(next);
        } else if (node.parentId) focusItem(node.parentId);
        break;
      case 'Home':
        focusItem(rows[0]!.node.id);
        break;
      case 'End':
        focusItem(rows[rows.length - 1]!.node.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(node.id);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <ul className="structure-tree" role="tree" aria-label={t('structures.title')} onKeyDown={onKeyDown}>
      {rows.map(({ node, level }) => {
        const hasChildren = node.childIds.length > 0;
        return (
          <li
            key={node.id}
            ref={(el) => {
              if (el) itemRefs.current.set(node.id, el);
              else itemRefs.current.delete(node.id);
            }}
            role="treeitem"
            aria-level={level}
            aria-selected={node.id === selectedId}
            aria-expanded={hasChildren ? expanded.has(node.id) : undefined}
            tabIndex={node.id === activeId ? 0 : -1}
            className="structure-tree__item"
            style={{ paddingInlineStart: `${0.4 + (level - 1) * 0.9}rem` }}
            data-structure-id={node.id}
            onClick={(event) => {
              event.stopPropagation();
              if (hasChildren && node.id === selectedId) {
                const next = new Set(expanded);
                if (next.has(node.id)) next.delete(node.id);
                else next.add(node.id);
                setExpanded(next);
              }
              focusItem(node.id);
            }}
          >
            <span className="structure-tree__twisty" aria-hidden="true">
              {hasChildren ? (expanded.has(node.id) ? '▾' : '▸') : '·'}
            </span>
            {structureName(node, t)}
          </li>
        );
      })}
    </ul>
  );
}
