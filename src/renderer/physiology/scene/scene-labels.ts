import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';

/**
 * The names on the body map: each sits in a column beside the body (`at`, in body units) with a
 * leader line to the part it names (`anchor`). Columns keep the text off the drawing, so a teacher
 * can point at a part and read its name at once. The text is `physiologyScene.labels.<key>`.
 */
/** Screen points the labels and the tests use, in body units. */
export type AnchorKey =
  | 'hypothalamus'
  | 'oxytocin-nuclei'
  | 'anterior-pituitary'
  | 'posterior-pituitary'
  | 'portal-vessels'
  | 'heart'
  | 'spinal-cord'
  | 'nipple-nerve'
  | 'left-breast'
  | 'right-breast'
  | 'left-nipple'
  | 'right-nipple'
  | 'placenta'
  | 'ovaries'
  | 'adrenals'
  | 'pancreas';

export const PHYSIOLOGY_LABELS = [
  'hypothalamus',
  'oxytocinNuclei',
  'portalVessels',
  'anteriorPituitary',
  'posteriorPituitary',
  'heart',
  'spinalCord',
  'nippleNerve',
  'leftBreast',
  'rightBreast',
  'placenta',
  'adrenals',
  'pancreas',
  'ovaries',
] as const;
export type PhysiologyLabel = (typeof PHYSIOLOGY_LABELS)[number];

export interface LabelPlacement {
  anchor: AnchorKey;
  at: Vec3;
  /** Which side of `at` the text runs to: a left-column label ends at `at`. */
  side: 'left' | 'right';
  /** Sources named in smaller type (the main parts of the reflex stand out). */
  minor?: boolean;
  /** Shown only while the placenta is drawn. */
  withPlacenta?: boolean;
}

export const LABEL_PLACEMENTS: Readonly<Record<PhysiologyLabel, LabelPlacement>> = {
  hypothalamus: { anchor: 'hypothalamus', at: [-14, 46, 0], side: 'left' },
  portalVessels: { anchor: 'portal-vessels', at: [-14, 40.2, 0], side: 'left' },
  anteriorPituitary: { anchor: 'anterior-pituitary', at: [-14, 33.8, 0], side: 'left' },
  oxytocinNuclei: { anchor: 'oxytocin-nuclei', at: [14, 46, 0], side: 'right' },
  posteriorPituitary: { anchor: 'posterior-pituitary', at: [14, 33.8, 0], side: 'right' },
  heart: { anchor: 'heart', at: [25, 22.5, 0], side: 'right' },
  spinalCord: { anchor: 'spinal-cord', at: [-25, 22.5, 0], side: 'left', minor: true },
  nippleNerve: { anchor: 'nipple-nerve', at: [25, 13, 0], side: 'right' },
  leftBreast: { anchor: 'left-breast', at: [25, -5, 0], side: 'right' },
  rightBreast: { anchor: 'right-breast', at: [-25, -5, 0], side: 'left' },
  placenta: { anchor: 'placenta', at: [25, -19, 0], side: 'right', withPlacenta: true },
  adrenals: { anchor: 'adrenals', at: [-25, -10.5, 0], side: 'left', minor: true },
  pancreas: { anchor: 'pancreas', at: [-25, -16, 0], side: 'left', minor: true },
  ovaries: { anchor: 'ovaries', at: [-25, -24.5, 0], side: 'left', minor: true },
};

/** Structures a presenter can point out (the `highlight` prop): every labelled part. */
export type PhysiologyStructure = PhysiologyLabel;

/**
 * Moves labels of one column apart so none overlaps the next: in order of their wanted heights
 * (`y`, the centre, CSS px), each is pushed below the one above by half of both heights plus
 * `gap`; a column that then runs past `bottom` is pushed back up, never above `top`. Returns the
 * new centres in the order given. Labels keep their order, and stay where wanted when there is room.
 */
export function stackLabels(items: readonly { y: number; height: number }[], gap: number, top: number, bottom: number): number[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.y - items[b]!.y);
  const placed = items.map((item) => item.y);
  let previous: number | null = null;
  for (const i of order) {
    const { height } = items[i]!;
    const lowest = previous === null ? top + height / 2 : placed[previous]! + items[previous]!.height / 2 + gap + height / 2;
    placed[i] = Math.max(placed[i]!, lowest);
    previous = i;
  }
  let next: number | null = null;
  for (const i of [...order].reverse()) {
    const { height } = items[i]!;
    const highest = next === null ? bottom - height / 2 : placed[next]! - items[next]!.height / 2 - gap - height / 2;
    placed[i] = Math.max(top + height / 2, Math.min(placed[i]!, highest));
    next = i;
  }
  return placed;
}
