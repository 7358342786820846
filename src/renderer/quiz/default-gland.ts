import { generateGland } from '../../shared/anatomy/generate-gland';
import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import { DEFAULT_GLAND_PARAMETERS } from '../../shared/anatomy/gland-parameters';
import { structureCatalog, type StructureCatalog } from '../../shared/lessons/structure-ids';
import { isPickCorrect } from '../../shared/quizzes/pick-structure';

/**
 * The default gland and its catalogue, built on first use and kept: quizzes are checked against
 * this gland (as `npm run content:check` does), so a pick is judged against the same ids.
 */
let cached: { anatomy: GlandAnatomy; catalog: StructureCatalog } | null = null;

export function defaultGland(): { anatomy: GlandAnatomy; catalog: StructureCatalog } {
  if (!cached) {
    const anatomy = generateGland(DEFAULT_GLAND_PARAMETERS);
    cached = { anatomy, catalog: structureCatalog(anatomy) };
  }
  return cached;
}

/** Judges a pick against the default gland's catalogue (groups expanded, body map parts compared). */
export function judgePick(answer: string, picked: string): boolean {
  return isPickCorrect(answer, picked, defaultGland().catalog);
}
