import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import { partOf, structureCatalog } from '../../shared/lessons/structure-ids';

/**
 * What the gland view selects, in order, to show a glossary entry's `structure`: a group stands for
 * its first member (one main duct for "main ducts"); a part of the alveolus close-up needs an
 * alveolus open first (the first alveolus of the first lobule); any other id is selected as it is.
 */
export function selectionToShow(anatomy: GlandAnatomy, structure: string): string[] {
  if (partOf(structure)) {
    const lobule = anatomy.lobules[0];
    return lobule ? [`alveolus-${lobule.id.slice('lobule-'.length)}.1`, structure] : [];
  }
  const members = structureCatalog(anatomy).group(structure);
  if (members) return members.slice(0, 1);
  return [structure];
}
