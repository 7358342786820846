import type { HormoneId } from '../../../shared/physiology/physiology-types';

/** Chart order: the pregnancy hormones first, then the lactation pair and their brake, then the permissive and local ones. */
export const CHART_ORDER: readonly HormoneId[] = ['progesterone', 'estrogen', 'hpl', 'prolactin', 'dopamine', 'oxytocin', 'cortisol', 'insulin', 'inhibitor'];

export type LevelBand = 'low' | 'moderate' | 'high';

/** Relative levels (0 … 1) said in words: thirds are coarse enough to change only when it matters. */
export function levelBand(level: number): LevelBand {
  if (!Number.isFinite(level) || level < 1 / 3) return 'low';
  return level < 2 / 3 ? 'moderate' : 'high';
}
