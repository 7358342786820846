import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { ALVEOLUS_DETAIL_PARTS, type AlveolusPart } from './alveolus-detail';
import type { LobuleDetailModel } from './lobule-detail';

/** A label of a close-up: a key for its text and the point it points at (close-up frame). */
export interface CloseUpLabel {
  key: string;
  at: Vec3;
  /** The text goes on this side of the point, away from the other labels. */
  side: 'left' | 'right';
}

/**
 * Three labels for the lobule close-up — the terminal duct where it enters, an alveolus on the
 * right-hand edge, a capillary on the left — spread apart so they do not overlap from the
 * close-up's home view (which looks from +z, a little from the right).
 */
export function lobuleLabels(model: LobuleDetailModel): CloseUpLabel[] {
  const labels: CloseUpLabel[] = [];
  const duct = model.ducts[0];
  // A point on the stretch of duct below the lobule, a third of the way up from where it enters.
  if (duct && duct.points.length > 0) labels.push({ key: 'terminalDuct', at: duct.points[Math.min(duct.points.length - 1, Math.floor(duct.points.length / 4))]!, side: 'right' });
  const rightmost = model.alveoli.reduce<{ centre: Vec3; radius: number } | null>((best, a) => (!best || a.centre[0] + a.centre[2] * 0.3 > best.centre[0] + best.centre[2] * 0.3 ? a : best), null);
  if (rightmost) labels.push({ key: 'alveoli', at: [rightmost.centre[0], rightmost.centre[1], rightmost.centre[2] + rightmost.radius * 0.6], side: 'right' });
  let leftmost: Vec3 | null = null;
  for (const capillary of model.capillaries) for (const p of capillary.points) if (p[2] > 0 && (!leftmost || p[0] - p[1] * 0.3 < leftmost[0] - leftmost[1] * 0.3)) leftmost = p;
  if (leftmost) labels.push({ key: 'capillaries', at: leftmost, side: 'left' });
  return labels;
}

/**
 * One label per part of the cut-open alveolus, keyed by part: the cells' and capillaries' texts
 * outside on the left, the basket's outside on the right, the milk's inside the lumen, below the
 * centre so it clears the others.
 */
const ALVEOLUS_LABEL_SIDES: Record<AlveolusPart, 'left' | 'right'> = { lactocyte: 'left', 'myoepithelial-cell': 'right', capillary: 'left', lumen: 'right' };
const LUMEN_LABEL_AT: Vec3 = [-0.6, -1.1, 0];

export function alveolusLabels(): { key: AlveolusPart; at: Vec3; side: 'left' | 'right' }[] {
  return ALVEOLUS_DETAIL_PARTS.map(({ part, anchor }) => ({ key: part, at: part === 'lumen' ? LUMEN_LABEL_AT : anchor, side: ALVEOLUS_LABEL_SIDES[part] }));
}
