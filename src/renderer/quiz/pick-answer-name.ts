import type { TFunction } from 'i18next';
import { STRUCTURE_GROUPS } from '../../shared/lessons/structure-ids';
import { bodyPartOf } from '../../shared/quizzes/pick-structure';
import { displayName } from '../scene/gland/structure-names';
import { defaultGland } from './default-gland';

/**
 * The name of what a "pick the structure" answer (or a presenter's pointer) designates: a part of
 * the body map (`body:heart`), a group of the gland (`main-ducts`) or one structure (`duct-3.1`),
 * named as on the default gland the quizzes are checked against. One naming for the self-check,
 * the class quiz, the presenter's pointer and the handout's answer key.
 */
export function pickAnswerName(answer: string, t: TFunction): string {
  const part = bodyPartOf(answer);
  if (part) return t(`quiz.bodyParts.${part}`);
  if (Object.hasOwn(STRUCTURE_GROUPS, answer)) return t(`quiz.groups.${answer}`);
  return displayName(defaultGland().anatomy, answer, t);
}
