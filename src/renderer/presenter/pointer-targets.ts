import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import type { SceneState } from '../../shared/lessons/scene';
import { BODY_PARTS, BODY_PREFIX, bodyPartOf, type BodyPart } from '../../shared/quizzes/pick-structure';
import { LABEL_PLACEMENTS, type PhysiologyStructure } from '../physiology/scene/scene-labels';

/**
 * What the presenter can point out to the room. On the gland: what the step highlights or names,
 * then the landmarks a teacher reaches for (nipple, areola, the main ducts, fat, the muscle); on
 * the body map: each of its labelled parts, written `body:<part>` as in the quizzes. A click on
 * the gland can point at anything else.
 */
const GLAND_LANDMARKS = ['nipple', 'areola', 'fat', 'pectoralis-major'] as const;

export function pointerOptions(scene: SceneState | null, anatomy: GlandAnatomy, current: string | null): string[] {
  if (scene?.physiology) return BODY_PARTS.map((part) => `${BODY_PREFIX}${part}`);
  const mainDucts = anatomy.ducts.filter((duct) => duct.depth === 0).map((duct) => duct.id);
  const ids = [...(scene?.highlight ?? []), ...(scene?.labels ?? []), ...GLAND_LANDMARKS, ...mainDucts, ...(current ? [current] : [])];
  return [...new Set(ids)].filter((id) => anatomy.structures.has(id) || id === current);
}

const LABEL_OF_PART = new Map<string, PhysiologyStructure>(
  (Object.entries(LABEL_PLACEMENTS) as [PhysiologyStructure, { anchor: string }][]).map(([label, placement]) => [placement.anchor, label]),
);

/** The body map's label for a `body:<part>` pointer, or null for anything else. */
export function bodyLabelOf(pointer: string | null): PhysiologyStructure | null {
  const part: BodyPart | null = pointer ? bodyPartOf(pointer) : null;
  return part ? (LABEL_OF_PART.get(part) ?? null) : null;
}
