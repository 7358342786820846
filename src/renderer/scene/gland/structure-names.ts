import type { TFunction } from 'i18next';
import type { GlandAnatomy, StructureNode } from '../../../shared/anatomy/gland-anatomy';

/**
 * The learner-facing name of a structure: the kind's name plus its number where there are many
 * ("Duct 3", "Lobule 3.1.2", "Rib 4"). Vessels and nerves have their own names by id.
 */
export function structureName(node: StructureNode, t: TFunction): string {
  const named = `structures.named.${node.id}`;
  const specific = t(named, { defaultValue: '' });
  if (specific) return specific;
  const { system, path, index } = node.label;
  switch (node.kind) {
    case 'duct':
      return path && path.includes('.') ? t('structures.kinds.ductBranch', { path }) : t('structures.kinds.duct', { system: system ?? path });
    case 'lobule':
      return t('structures.kinds.lobule', { path });
    case 'nipple-opening':
    case 'montgomery-gland':
    case 'cooper-ligament':
    case 'rib':
    case 'artery':
    case 'vein':
      return t(`structures.kinds.${node.kind}`, { index });
    default:
      return t(`structures.kinds.${node.kind}`);
  }
}

/** The chain from the root to `id`, for the breadcrumb. */
export function structurePath(anatomy: GlandAnatomy, id: string): StructureNode[] {
  const chain: StructureNode[] = [];
  let node = anatomy.structures.get(id);
  while (node) {
    chain.unshift(node);
    node = node.parentId ? anatomy.structures.get(node.parentId) : undefined;
  }
  return chain;
}

/**
 * The name of anything the view can show: a structure of the gland, an alveolus of a lobule
 * close-up (`alveolus-3.1.2.5`), or a part of the alveolus close-up (`part:lactocyte`).
 */
export function displayName(anatomy: GlandAnatomy, id: string, t: TFunction): string {
  if (id.startsWith('part:')) return t(`closeUp.parts.${id.slice('part:'.length)}`);
  const alveolus = /^alveolus-(.+)$/.exec(id);
  if (alveolus && !anatomy.structures.has(id)) return t('structures.kinds.alveolusNumbered', { path: alveolus[1] });
  const node = anatomy.structures.get(id);
  return node ? structureName(node, t) : id;
}
