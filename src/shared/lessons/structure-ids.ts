import type { GlandAnatomy, StructureKind } from '../anatomy/gland-anatomy';

/**
 * The ids a lesson may name, and the catalogue that checks them against one gland (the default
 * gland of `generateGland(DEFAULT_GLAND_PARAMETERS)` when checking content).
 *
 * Three families of ids:
 * - the gland's own structures, the keys of `GlandAnatomy.structures` (`nipple`, `duct-3`,
 *   `lobule-3.1.2.1.1`, `rib-4`, `nerve-t4-lateral-cutaneous`…);
 * - alveoli, which live in typed arrays and have no entry in that map:
 *   `alveolus-<lobule path>.<k>`, k from 1 to the lobule's alveolus count;
 * - parts of the cut-open alveolus close-up: `part:lactocyte`, `part:myoepithelial-cell`,
 *   `part:capillary`, `part:lumen`.
 *
 * The close-up rules mirror src/renderer/scene/scale-navigation.ts and
 * src/renderer/scene/detail/alveolus-detail.ts, which cannot be imported here (src/shared must not
 * depend on the renderer). The renderer should import them from this file instead; until then a
 * test (test/shared/lessons/structure-ids.test.ts) keeps the two copies equal.
 *
 * Group names (`main-ducts`…) stand for several structures at once and are expanded when a lesson
 * is loaded, so the player only ever sees plain ids.
 */

export const PART_PREFIX = 'part:';

/** The parts of the alveolus close-up, as `ALVEOLUS_PARTS` in the renderer's alveolus-detail.ts. */
export const ALVEOLUS_PARTS = ['lactocyte', 'myoepithelial-cell', 'capillary', 'lumen'] as const;
export type AlveolusPart = (typeof ALVEOLUS_PARTS)[number];

/** `alveolus-3.1.2.5` → the lobule `lobule-3.1.2` and the alveolus's number in it (from 1). */
export function parseAlveolusId(id: string): { lobuleId: string; index: number } | null {
  const match = /^alveolus-((?:\d+\.)*\d+)\.(\d+)$/.exec(id);
  if (!match) return null;
  return { lobuleId: `lobule-${match[1]}`, index: Number(match[2]) };
}

/** `part:lumen` → `lumen`; null for anything that is not a part of the alveolus close-up. */
export function partOf(id: string): AlveolusPart | null {
  if (!id.startsWith(PART_PREFIX)) return null;
  const part = id.slice(PART_PREFIX.length);
  return (ALVEOLUS_PARTS as readonly string[]).includes(part) ? (part as AlveolusPart) : null;
}

/** The layers a lesson can show or hide: the renderer's `GLAND_LAYERS` (gland-layers.ts), in its order. */
export const SCENE_LAYERS = ['skin', 'fat', 'ligaments', 'ducts', 'lobules', 'vessels', 'nerves', 'muscle'] as const;
export type SceneLayer = (typeof SCENE_LAYERS)[number];

/**
 * Whether an id has a place in the tree layout: the nipple (the trunk), ducts, lobules and alveoli,
 * and `breast` for the whole. Skin, fat, vessels, nerves, muscle and ribs are not drawn in the tree view.
 */
export function isInTreeLayout(id: string): boolean {
  return id === 'breast' || id === 'nipple' || /^(?:duct|lobule)-\d+(?:\.\d+)*$/.test(id) || parseAlveolusId(id) !== null;
}

/** Names that stand for several structures, with what they mean (for the authoring guide). */
export const STRUCTURE_GROUPS = {
  'main-ducts': 'every main duct (duct-1, duct-2 …), the ones that reach the nipple',
  'nipple-openings': 'every opening on the nipple tip (nipple-opening-1 …)',
  'montgomery-glands': 'every Montgomery gland of the areola (montgomery-gland-1 …)',
  'cooper-ligaments': "every Cooper's ligament (cooper-ligament-1 …)",
} as const;
export type StructureGroup = keyof typeof STRUCTURE_GROUPS;

export type IdKind = StructureKind | 'part';

/** What a lesson may name in one gland. */
export interface StructureCatalog {
  /** The kind of a gland structure or alveolus id, `part` for a part of the alveolus close-up, null when unknown. */
  kindOf(id: string): IdKind | null;
  /** The ids a group name stands for, or null when `name` is not a group. */
  group(name: string): readonly string[] | null;
  /** Why `id` is not a structure of this gland, with a suggestion when one is close. */
  explainUnknown(id: string): string;
  /** Every gland structure id (not alveoli, which are too many), groups and parts: for suggestions and listings. */
  readonly knownIds: readonly string[];
}

/** The catalogue of one gland. Cheap to build (a few hundred ids); build it once per anatomy. */
export function structureCatalog(anatomy: GlandAnatomy): StructureCatalog {
  const kinds = new Map<string, StructureKind>();
  for (const node of anatomy.structures.values()) kinds.set(node.id, node.kind);
  const alveolusCounts = new Map(anatomy.lobules.map((lobule) => [lobule.id, lobule.alveolusCount]));
  const groups: Record<StructureGroup, readonly string[]> = {
    'main-ducts': anatomy.ducts.filter((duct) => duct.depth === 0).map((duct) => duct.id),
    'nipple-openings': anatomy.nipple.openings.map((opening) => opening.id),
    'montgomery-glands': anatomy.areola.montgomeryGlands.map((gland) => gland.id),
    'cooper-ligaments': anatomy.ligaments.map((ligament) => ligament.id),
  };
  const parts = ALVEOLUS_PARTS.map((part) => `${PART_PREFIX}${part}`);
  const knownIds = [...kinds.keys(), ...Object.keys(groups), ...parts];

  return {
    knownIds,
    kindOf(id) {
      const kind = kinds.get(id);
      if (kind) return kind;
      if (partOf(id)) return 'part';
      const alveolus = parseAlveolusId(id);
      const count = alveolus ? alveolusCounts.get(alveolus.lobuleId) : undefined;
      return alveolus && count !== undefined && alveolus.index >= 1 && alveolus.index <= count ? 'alveolus' : null;
    },
    group(name) {
      return Object.hasOwn(groups, name) ? groups[name as StructureGroup] : null;
    },
    explainUnknown(id) {
      if (id.startsWith(PART_PREFIX)) {
        return `unknown part "${id}": the parts of the alveolus close-up are ${parts.join(', ')}`;
      }
      const alveolus = parseAlveolusId(id);
      if (alveolus) {
        const count = alveolusCounts.get(alveolus.lobuleId);
        if (count !== undefined) {
          const path = alveolus.lobuleId.slice('lobule-'.length);
          return `unknown alveolus "${id}": ${alveolus.lobuleId} has ${count} alveoli, alveolus-${path}.1 to alveolus-${path}.${count}`;
        }
        return `unknown alveolus "${id}": there is no ${alveolus.lobuleId} in the default gland${suggestion(alveolus.lobuleId, [...alveolusCounts.keys()])}`;
      }
      return `unknown structure "${id}"${suggestion(id, knownIds)}`;
    },
  };
}

/** ` (did you mean "duct-3"?)` when one known name is within a few edits of `name`, else the empty string. */
export function suggestion(name: string, known: Iterable<string>): string {
  const best = closest(name, known);
  return best === null ? '' : ` (did you mean "${best}"?)`;
}

/** The known name nearest to `name` by edit distance, if it is near enough to be a likely typo. */
export function closest(name: string, known: Iterable<string>): string | null {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const d = editDistance(name, candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once it cannot be below `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return previous[b.length] ?? cap;
}
