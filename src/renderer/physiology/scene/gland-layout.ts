import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { generateGland } from '../../../shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../../shared/anatomy/gland-parameters';
import { createRandom } from '../../../shared/random';
import { GLAND_SHAPE, developmentForReach } from './scene-drive';

/**
 * The atlas's own gland (src/shared/anatomy/generate-gland.ts with the default parameters: about
 * nine main ducts branching near the nipple, no sinuses), shrunk into each breast of the body map.
 * Fat and Montgomery glands are left out and each lobule keeps 12 alveoli: at this size a lobule is
 * a few pixels across, and 12 read as a cluster as well as 110 would. Everything here is pure and
 * works in the gland's own frame (cm); body-layout.ts places it in the body.
 */
export const BODY_MAP_GLAND_PARAMETERS = { ...DEFAULT_GLAND_PARAMETERS, alveoliPerLobule: 12, fatLobules: 0, montgomeryGlands: 0 };

export function glandForBodyMap(): GlandAnatomy {
  return generateGland(BODY_MAP_GLAND_PARAMETERS);
}

/**
 * The gland is drawn spread out across the breast (and a little flattened front to back) around
 * the nipple: seen from the front, the ducts then fan out from the nipple to lobules at their ends
 * instead of hiding behind them. Near the nipple points barely move, so the ducts still start at
 * their openings.
 */
export const GLAND_SPREAD = { across: 1.6, depth: 0.8 } as const;

/** A point of the gland (cm) where the body map draws it. */
export function spreadGland(anatomy: GlandAnatomy, p: Vec3): [number, number, number] {
  const pivot = anatomy.nipple.tip;
  return [
    pivot[0] + (p[0] - pivot[0]) * GLAND_SPREAD.across,
    pivot[1] + (p[1] - pivot[1]) * GLAND_SPREAD.across,
    pivot[2] + (p[2] - pivot[2]) * GLAND_SPREAD.depth,
  ];
}

const polylineLength = (points: readonly Vec3[]): number => {
  let total = 0;
  for (let i = 1; i < points.length; i += 1) total += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1], points[i]![2] - points[i - 1]![2]);
  return total;
};

/**
 * How far along the duct tree each duct segment starts and ends, as a share (0 … 1) of the
 * longest path from the nipple to a lobule. The ducts grow out to this reach as the gland develops.
 */
export function ductReaches(anatomy: GlandAnatomy): Map<string, { start: number; end: number }> {
  const byId = new Map(anatomy.ducts.map((d) => [d.id, d]));
  const absolute = new Map<string, { start: number; end: number }>();
  const measure = (id: string): { start: number; end: number } => {
    const known = absolute.get(id);
    if (known) return known;
    const duct = byId.get(id)!;
    const start = duct.parentId ? measure(duct.parentId).end : 0;
    const value = { start, end: start + polylineLength(duct.points) };
    absolute.set(id, value);
    return value;
  };
  let longest = 0;
  for (const duct of anatomy.ducts) longest = Math.max(longest, measure(duct.id).end);
  const scale = longest > 0 ? 1 / longest : 0;
  return new Map([...absolute].map(([id, { start, end }]) => [id, { start: start * scale, end: end * scale }]));
}

/**
 * The development (0 … 1) at which each alveolus starts to bud. Lobules bud at their own moment
 * (seeded), their alveoli close together, and never before the duct leading to them has grown
 * that far; every alveolus has budded fully by development 1.
 */
export function alveolusThresholds(anatomy: GlandAnatomy, reaches: Map<string, { start: number; end: number }>, seed = anatomy.seed): Float32Array {
  const random = createRandom(seed ^ 0x5a17);
  const thresholds = new Float32Array(anatomy.alveoli.count);
  const latest = 1 - GLAND_SHAPE.budding;
  for (const lobule of anatomy.lobules) {
    const ductReady = developmentForReach(reaches.get(lobule.ductId)?.end ?? 1) + 0.02;
    const lobuleStart = Math.max(ductReady, 0.4 + 0.36 * random.next());
    for (let k = 0; k < lobule.alveolusCount; k += 1) thresholds[lobule.alveolusStart + k] = Math.min(latest, lobuleStart + 0.1 * random.next());
  }
  return thresholds;
}

/** `count` lobules spread over the whole gland (every n-th in the generator's order, which walks the duct systems in turn). */
export function spreadLobules(anatomy: GlandAnatomy, count: number): GlandAnatomy['lobules'] {
  const n = Math.min(count, anatomy.lobules.length);
  const step = anatomy.lobules.length / n;
  return Array.from({ length: n }, (_, i) => anatomy.lobules[Math.floor(i * step + step / 2)]!);
}

/**
 * The way milk takes from a lobule to the nipple: the lobule's centre, back along its terminal duct
 * and every parent duct to the main duct's opening, then out to the opening's pore as drawn on the
 * nipple (`pores`, by opening id; the generator's openings sit on the tip's plane, the drawing
 * rounds the tip). In the gland's own frame, unspread.
 */
export function milkPath(anatomy: GlandAnatomy, lobule: GlandAnatomy['lobules'][number], pores: ReadonlyMap<string, Vec3>): Vec3[] {
  const byId = new Map(anatomy.ducts.map((d) => [d.id, d]));
  const path: Vec3[] = [lobule.center];
  let duct = byId.get(lobule.ductId);
  while (duct) {
    for (let i = duct.points.length - 1; i >= 0; i -= 1) path.push(duct.points[i]!);
    duct = duct.parentId ? byId.get(duct.parentId) : undefined;
  }
  const opening = anatomy.nipple.openings.find((o) => o.systems.includes(lobule.system));
  const pore = opening ? pores.get(opening.id) : undefined;
  if (pore) path.push(pore);
  return path.filter((p, i) => i === 0 || Math.hypot(p[0] - path[i - 1]![0], p[1] - path[i - 1]![1], p[2] - path[i - 1]![2]) > 1e-6);
}

/** Alveolus centres (xyz) of `count` alveoli spread over the gland, where the inhibitor is drawn. */
export function alveolusAnchors(anatomy: GlandAnatomy, count: number): Float32Array {
  const n = Math.min(count, anatomy.alveoli.count);
  const anchors = new Float32Array(n * 3);
  const step = anatomy.alveoli.count / n;
  for (let i = 0; i < n; i += 1) {
    const a = Math.floor(i * step + step / 2);
    anchors.set(anatomy.alveoli.positions.subarray(a * 3, a * 3 + 3), i * 3);
  }
  return anchors;
}
