import { suggestion, type StructureCatalog } from '../lessons/structure-ids';

/**
 * What a `pick-structure` question may ask the learner to click: a structure of the gland (any id
 * the lessons may name, in the default gland), a group of them (clicking any member is right), or a
 * part of the physiology view's body map, written `body:<part>`.
 *
 * The body map's parts are the anchors of src/renderer/physiology/scene/scene-labels.ts (`AnchorKey`)
 * that a learner can point at as one thing; the renderer cannot be imported from src/shared, so
 * the list is kept here and the quiz-taking view maps each to its anchor.
 */

export const BODY_PREFIX = 'body:';

export const BODY_PARTS = [
  'hypothalamus',
  'oxytocin-nuclei',
  'portal-vessels',
  'anterior-pituitary',
  'posterior-pituitary',
  'heart',
  'spinal-cord',
  'nipple-nerve',
  'left-breast',
  'right-breast',
  'placenta',
  'adrenals',
  'pancreas',
  'ovaries',
] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

/** Where the learner must click, and what counts as right. */
export type PickTarget = { map: 'gland'; ids: readonly string[] } | { map: 'body'; part: BodyPart };

/** `body:heart` → `heart`; null for anything else. */
export function bodyPartOf(answer: string): BodyPart | null {
  if (!answer.startsWith(BODY_PREFIX)) return null;
  const part = answer.slice(BODY_PREFIX.length);
  return (BODY_PARTS as readonly string[]).includes(part) ? (part as BodyPart) : null;
}

/** The target of an answer, groups expanded; null when the answer names nothing known. */
export function pickTarget(answer: string, catalog: StructureCatalog): PickTarget | null {
  const part = bodyPartOf(answer);
  if (part) return { map: 'body', part };
  if (answer.startsWith(BODY_PREFIX)) return null;
  const members = catalog.group(answer);
  if (members) return { map: 'gland', ids: members };
  return catalog.kindOf(answer) === null ? null : { map: 'gland', ids: [answer] };
}

/** Whether clicking `clicked` (a structure id, or `body:<part>`) answers the question. */
export function isPickCorrect(answer: string, clicked: string, catalog: StructureCatalog): boolean {
  const target = pickTarget(answer, catalog);
  if (!target) return false;
  return target.map === 'body' ? clicked === `${BODY_PREFIX}${target.part}` : target.ids.includes(clicked);
}

/** Why an answer names nothing the learner could click, or null when it is fine. */
export function pickAnswerProblem(answer: string, catalog: StructureCatalog): string | null {
  if (pickTarget(answer, catalog)) return null;
  const parts = BODY_PARTS.map((part) => `${BODY_PREFIX}${part}`);
  if (answer.startsWith(BODY_PREFIX)) {
    return `answer: unknown part of the body map "${answer}"${suggestion(answer, parts)} (parts: ${parts.join(', ')})`;
  }
  return `answer: ${catalog.explainUnknown(answer)}; or a part of the body map written body:<part>`;
}
