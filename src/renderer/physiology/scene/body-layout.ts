import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { joinPolylines } from './route-curve';

/**
 * Where everything sits in the body map, and the paths hormones, milk and the nerve signal take.
 * Pure data and maths (no three.js), so the routes are unit-tested.
 *
 * A diagram, not anatomy to scale: the front of a woman's bust from the head to the pelvis, the
 * person facing the viewer (so her LEFT breast is on the viewer's right, as in any anatomy
 * figure). Units are arbitrary "body units"; y up, +z towards the viewer, +x to the viewer's right.
 * The brain's hypothalamus and pituitary are drawn many times larger than life so a class can see
 * them, and the pituitary's two lobes sit side by side (in the body the anterior lobe lies in
 * front of the posterior one, which a front view would hide): anterior on the viewer's left,
 * posterior on the right.
 *
 * Pathways (physiology-facts.md §2 and §4):
 * - dopamine: hypothalamus → portal vessels → anterior pituitary (it brakes prolactin there);
 * - prolactin: anterior pituitary → blood → heart → both breasts;
 * - oxytocin: made in the paraventricular and supraoptic nuclei, carried down nerve fibres of the
 *   pituitary stalk, released from the posterior pituitary → blood → heart → both breasts;
 * - estrogen, progesterone, hPL: placenta → inferior vena cava → heart → breasts (estrogen and
 *   progesterone from the ovaries when there is no placenta);
 * - cortisol from the adrenals and insulin from the pancreas → vena cava → heart → breasts;
 * - the suckling signal: nipple → intercostal nerve → spinal cord → hypothalamus.
 */

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];
/** The person's left is on the viewer's right (+x). */
export const sideSign = (side: Side): 1 | -1 => (side === 'left' ? 1 : -1);

export interface Ellipsoid {
  centre: Vec3;
  radii: Vec3;
}

export const BODY = {
  head: { centre: [0, 39.6, -0.5], radii: [7.6, 9.2, 8.2] } satisfies Ellipsoid,
  brain: { centre: [0, 42, -0.8], radii: [6.2, 5.4, 6.8] } satisfies Ellipsoid,
  hypothalamus: { centre: [0, 39.9, 1.6], radii: [4.4, 2.1, 2.5] } satisfies Ellipsoid,
  /** Oxytocin-making nuclei: paraventricular (upper) and supraoptic (lower), on both sides. */
  paraventricular: [[-1.5, 40.7, 3.1], [1.5, 40.7, 3.1]] as readonly Vec3[],
  supraoptic: [[-3, 39.1, 3], [3, 39.1, 3]] as readonly Vec3[],
  /** Where the portal vessels begin, at the base of the hypothalamus. */
  medianEminence: [-0.3, 37.9, 2.3] as Vec3,
  stalkTop: [0.5, 38, 1.8] as Vec3,
  anteriorPituitary: { centre: [-2.3, 33.6, 2.2], radii: [2.4, 2, 1.8] } satisfies Ellipsoid,
  posteriorPituitary: { centre: [2.1, 33.7, 1.7], radii: [1.8, 1.8, 1.5] } satisfies Ellipsoid,
  heart: { centre: [1.8, 18, 3.4], radii: [2.8, 3.1, 2.3] } satisfies Ellipsoid,
  placenta: { centre: [0, -19, 7], radii: [5.6, 5, 1.4] } satisfies Ellipsoid,
  uterus: { centre: [0, -20, 3.2], radii: [8, 7.8, 5.4] } satisfies Ellipsoid,
  adrenals: [[5.8, -8.6, -2.6], [-5.8, -8.6, -2.6]] as readonly Vec3[],
  pancreas: { centre: [-2.6, -12.4, 0.6], radii: [4.4, 1.15, 1.15] } satisfies Ellipsoid,
  ovaries: [[7.8, -24.2, 1.4], [-7.8, -24.2, 1.4]] as readonly Vec3[],
  spinalCord: [[0, -26, -7.4], [0, -8, -7.6], [0, 8, -7.4], [0, 22, -6], [0, 29.5, -3.6]] as readonly Vec3[],
  /** The torso's outline as a lathe profile (radius, height), flattened front-to-back by `torsoDepth`. */
  torsoProfile: [
    [0.01, -29],
    [12.5, -29],
    [16.6, -25.5],
    [17.8, -20],
    [16.4, -12],
    [15.8, -5],
    [17.6, 2],
    [19.8, 9],
    [20.8, 17],
    [19.6, 22.6],
    [12.5, 25.6],
    [6, 26.8],
    [4.9, 28.5],
    [4.8, 31.5],
  ] as readonly (readonly [number, number])[],
  torsoDepth: 0.52,
  /** Where each breast's chest-wall centre sits, its outward turn (radians) and its size (body units per cm of the gland). */
  breast: { centre: [11, 4.6, 6.4] as Vec3, turn: 0.24, scale: 1.45 },
} as const;

/** A breast's placement: translate · rotate about y · scale (x mirrored for the right breast, so lateral points outward). */
export interface BreastPlacement {
  position: Vec3;
  rotationY: number;
  scale: Vec3;
}

export function breastPlacement(side: Side): BreastPlacement {
  const s = sideSign(side);
  const { centre, turn, scale } = BODY.breast;
  return { position: [centre[0] * s, centre[1], centre[2]], rotationY: turn * s, scale: [scale * s, scale, scale] };
}

/** A point of the gland's own frame (cm; x lateral, y up, z forward from the chest wall) in body units. */
export function breastToBody(side: Side, p: Vec3): [number, number, number] {
  const { position, rotationY, scale } = breastPlacement(side);
  const x = p[0] * scale[0];
  const y = p[1] * scale[1];
  const z = p[2] * scale[2];
  const c = Math.cos(rotationY);
  const sn = Math.sin(rotationY);
  return [position[0] + x * c + z * sn, position[1] + y, position[2] - x * sn + z * c];
}

/** The vessels drawn as tubes, each a polyline; hormone routes are chains of them. */
export interface BodyVessels {
  anteriorToHeart: Vec3[];
  posteriorToHeart: Vec3[];
  /** Inferior vena cava, from the pelvis up to the heart; sources join it at its first two points. */
  venaCava: Vec3[];
  placentaToCava: Vec3[];
  ovaryToCava: Record<Side, Vec3[]>;
  adrenalToCava: Record<Side, Vec3[]>;
  pancreasToCava: Vec3[];
  /** Heart to the edge of each breast (the routes then run into the gland to its lobules). */
  heartToBreast: Record<Side, Vec3[]>;
  portal: Vec3[][];
  /** Nerve fibres from each nucleus down the stalk to the posterior lobe. */
  oxytocinFibres: Vec3[][];
  /**
   * Each nipple's sensory nerve to the spinal cord at the nipple's level (the fourth thoracic
   * segment). In the body it wraps round the side of the chest; drawn straight back to the cord,
   * because a wrap seen from the front would cross the whole breast.
   */
  intercostal: Record<Side, Vec3[]>;
  /** The spinal cord and its way up the brainstem to the hypothalamus. */
  ascending: Vec3[];
}

/** What the breasts contribute: where their nerve leaves the nipple, and points inside the gland hormones reach. */
export interface BreastAnchors {
  /** Nipple to the chest wall along the gland's own nerve, in body units. */
  nerve: Record<Side, Vec3[]>;
  /** Points deep in the gland (lobules) where blood-borne hormones arrive, in body units. */
  targets: Record<Side, Vec3[]>;
  /** Where the artery from the heart reaches each breast, in body units. */
  entry: Record<Side, Vec3>;
}

export function bodyVessels(breasts: BreastAnchors): BodyVessels {
  const { anteriorPituitary: ant, posteriorPituitary: post, heart, placenta } = BODY;
  const cava: Vec3[] = [[1.4, -16.5, 1.2], [1.5, -9.5, 1.2], [1.7, 0, 1.4], [1.8, 10, 2], heart.centre];
  const bySide = <T>(make: (side: Side, s: number) => T): Record<Side, T> => ({ left: make('left', 1), right: make('right', -1) });
  return {
    anteriorToHeart: [ant.centre, [-3, 30.8, 1.9], [-3.4, 27, 1.6], [-3, 23, 1.8], [-1, 20.4, 2.8], heart.centre],
    posteriorToHeart: [post.centre, [3, 31, 1.6], [3.6, 27, 1.6], [3.8, 23, 2], [3.2, 20.8, 3], heart.centre],
    venaCava: cava,
    placentaToCava: [placenta.centre, [0.9, -17.8, 3.8], cava[0]!],
    ovaryToCava: bySide((side, s) => [BODY.ovaries[side === 'left' ? 0 : 1]!, [s > 0 ? 4.8 : -3.4, -20.2, 1.2], cava[0]!]),
    adrenalToCava: bySide((side, s) => [BODY.adrenals[side === 'left' ? 0 : 1]!, [s > 0 ? 3.8 : -3, -9.8, 0], cava[1]!]),
    pancreasToCava: [BODY.pancreas.centre, [0.4, -11.2, 1.1], cava[1]!],
    heartToBreast: bySide((side, s) => [heart.centre, [s * 4.8, 18.6, 4], [s * 8.4, 16, 6], breasts.entry[side]]),
    portal: [-0.7, 0, 0.7].map((dx): Vec3[] => [BODY.medianEminence, [-0.8 + dx, 36.8, 2.5], [-1.8 + dx * 1.4, 35.4, 2.4]]),
    oxytocinFibres: [...BODY.paraventricular, ...BODY.supraoptic].map((nucleus): Vec3[] => [nucleus, [nucleus[0] * 0.45 + 0.25, 38.6, 2.1], BODY.stalkTop, [1.3, 36.2, 1.7], post.centre]),
    intercostal: bySide((side, s) => {
      const nerve = breasts.nerve[side];
      const chestWall = nerve.at(-1)!;
      return [...nerve, [s * 4.5, chestWall[1] + 0.4, -2.6], [s * 1.4, chestWall[1] + 0.8, -6.4], [0, chestWall[1] + 1, -7.4]];
    }),
    ascending: [[0, 8, -7.4], [0, 22, -6], [0, 29.5, -3.6], [0.1, 33, -2.2], [0.3, 36.6, -0.2], BODY.hypothalamus.centre],
  };
}

/** A stream's branches, as polylines in body units; a hormone may take different branches by situation. */
export interface HormoneRoutes {
  prolactin: Vec3[][];
  oxytocin: Vec3[][];
  dopamine: Vec3[][];
  fromPlacenta: Vec3[][];
  fromOvaries: Vec3[][];
  cortisol: Vec3[][];
  insulin: Vec3[][];
  /** Nipple to hypothalamus, one per breast. */
  nerve: Vec3[][];
}

/** Every branch from the heart into the breasts: each side, each target, alternating sides. */
function toBreasts(vessels: BodyVessels, breasts: BreastAnchors): Vec3[][] {
  const count = Math.max(breasts.targets.left.length, breasts.targets.right.length);
  const branches: Vec3[][] = [];
  for (let i = 0; i < count; i += 1) {
    for (const side of SIDES) {
      const target = breasts.targets[side][i % breasts.targets[side].length];
      if (target) branches.push(joinPolylines([vessels.heartToBreast[side], [target]]));
    }
  }
  return branches;
}

/** Routes from sources to both breasts: source path i is paired with breast branch i (cycling), so every source feeds both sides. */
function fromSources(sources: Vec3[][], breastBranches: Vec3[][]): Vec3[][] {
  const n = Math.max(sources.length, breastBranches.length);
  return Array.from({ length: n }, (_, i) => joinPolylines([sources[i % sources.length]!, breastBranches[i % breastBranches.length]!]));
}

export function hormoneRoutes(vessels: BodyVessels, breasts: BreastAnchors): HormoneRoutes {
  const breastBranches = toBreasts(vessels, breasts);
  const cava = vessels.venaCava;
  const upCava = (join: Vec3[], from: number): Vec3[] => joinPolylines([join, cava.slice(from)]);
  return {
    prolactin: fromSources([vessels.anteriorToHeart], breastBranches),
    oxytocin: fromSources(
      vessels.oxytocinFibres.map((fibre) => joinPolylines([fibre, vessels.posteriorToHeart])),
      breastBranches,
    ),
    dopamine: vessels.portal.map((vessel) => joinPolylines([[BODY.hypothalamus.centre], vessel, [BODY.anteriorPituitary.centre]])),
    fromPlacenta: fromSources([upCava(vessels.placentaToCava, 0)], breastBranches),
    fromOvaries: fromSources([upCava(vessels.ovaryToCava.left, 0), upCava(vessels.ovaryToCava.right, 0)], breastBranches),
    cortisol: fromSources([upCava(vessels.adrenalToCava.left, 1), upCava(vessels.adrenalToCava.right, 1)], breastBranches),
    insulin: fromSources([upCava(vessels.pancreasToCava, 1)], breastBranches),
    nerve: SIDES.map((side) => joinPolylines([vessels.intercostal[side], vessels.ascending.filter((p) => p[1] > vessels.intercostal[side].at(-1)![1])])),
  };
}
