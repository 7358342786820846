import { CircleGeometry, IcosahedronGeometry, SphereGeometry, type BufferGeometry } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import type { Random } from '../../../shared/random';
import { smoothPolyline } from '../gland/tube-geometry';
import type { LactocyteCell } from './alveolus-lactocytes';
import { APICAL_BULGE, APICAL_RADIUS, DUCTULE_INNER_RADIUS, DUCTULE_OUTER_RADIUS, OPENING_ANGLE } from './alveolus-layout';
import { cutFaceStrip, halfCircleStrip, mergePositionNormal, packMatrices, sphereMatrix, sweepInPlane } from './detail-geometry';
import { distance, length, randomUnit, scale, type MutableVec3 } from './detail-math';

/**
 * What fills and drains the alveolus: milk in the lumen (cut flat at the section plane), milk-fat
 * globules floating in it and budding from the cells' apical surfaces (fact sheet §1.4: fat
 * droplets leave the cell by budding from the apical surface, wrapped in membrane), and the
 * ductule leaving through the opening at the bottom, cut lengthwise like the alveolus.
 */
export interface FatGlobule {
  centre: Vec3;
  radius: number;
  /** Still half inside a lactocyte, pushing out its apical membrane. */
  budding: boolean;
}

export interface Ductule {
  /** Centre line, in the section plane (z = 0). */
  path: Vec3[];
  innerRadius: number;
  outerRadius: number;
  /** Its wall, cut lengthwise: a half-pipe whose cut faces lie in the plane. */
  geometry: BufferGeometry;
}

/** Milk fills the lumen up to the tops of the cells' domes (slightly inside, so the surfaces never coincide). */
export const MILK_RADIUS = APICAL_RADIUS - APICAL_BULGE - 0.02;
/** [U] Globules shown: a few, so they read as droplets in the milk rather than a texture. */
const BUDDING_COUNT = 6;
const FLOATING_COUNT = 14;
/** Milk-fat globules are ~1–10 µm across (most ~4 µm) [U]; budding ones are among the larger. */
const FLOATING_RADIUS = { min: 0.08, max: 0.24 } as const;
const BUDDING_RADIUS = { min: 0.2, max: 0.3 } as const;
/** A budding globule is ~60% out of its cell, into the lumen. */
const BUDDING_EMBED = 0.4;

/** The ductule leaves the opening downwards and bends gently aside, staying in the section plane. */
export function ductulePath(): Vec3[] {
  const top = -APICAL_RADIUS * Math.cos(OPENING_ANGLE);
  const keys: Vec3[] = [[0, top, 0], [0, -3.9, 0], [0.15, -4.5, 0], [0.55, -5.05, 0]];
  return smoothPolyline(keys, keys.map(() => 1)).centres.map((p): Vec3 => [p[0], p[1], 0]);
}

export function buildDuctule(): Ductule {
  const path = ductulePath();
  const geometry = sweepInPlane(path, [
    halfCircleStrip(DUCTULE_OUTER_RADIUS, 16, false),
    halfCircleStrip(DUCTULE_INNER_RADIUS, 16, true),
    cutFaceStrip(-DUCTULE_OUTER_RADIUS, -DUCTULE_INNER_RADIUS),
    cutFaceStrip(DUCTULE_INNER_RADIUS, DUCTULE_OUTER_RADIUS),
  ]);
  return { path, innerRadius: DUCTULE_INNER_RADIUS, outerRadius: DUCTULE_OUTER_RADIUS, geometry };
}

/** The milk: the kept half-ball of the lumen, its flat cut face, and the milk running on down the ductule. */
export function buildMilk(path: readonly Vec3[]): BufferGeometry {
  // SphereGeometry's φ ∈ [π, 2π] is the half with z ≤ 0.
  const half = new SphereGeometry(MILK_RADIUS, 48, 32, Math.PI, Math.PI);
  const face = new CircleGeometry(MILK_RADIUS, 64);
  const inner = DUCTULE_INNER_RADIUS - 0.03;
  const stream = sweepInPlane(path, [halfCircleStrip(inner, 12, false), cutFaceStrip(-inner, inner)]);
  const milk = mergePositionNormal([half, face, stream]);
  [half, face, stream].forEach((g) => g.dispose());
  return milk;
}

function apart(centre: Vec3, radius: number, others: readonly FatGlobule[]): boolean {
  return others.every((o) => distance(centre, o.centre) >= radius + o.radius + 0.08);
}

/** Globules budding from the domes of cells that face the viewer (deep in the bowl). */
function buddingGlobules(cells: readonly LactocyteCell[], random: Random): FatGlobule[] {
  const candidates = cells.filter((c) => c.kind === 'whole' && c.ring >= 2 && c.direction[2] < -0.5);
  const out: FatGlobule[] = [];
  for (let attempt = 0; attempt < 200 && out.length < BUDDING_COUNT && candidates.length > 0; attempt += 1) {
    const cell = candidates.splice(Math.floor(random.range(0, candidates.length)), 1)[0]!;
    const radius = random.range(BUDDING_RADIUS.min, BUDDING_RADIUS.max);
    const centre = scale(cell.direction, APICAL_RADIUS - APICAL_BULGE - BUDDING_EMBED * radius);
    if (apart(centre, radius, out)) out.push({ centre, radius, budding: true });
  }
  return out;
}

/** Globules floating in the kept half of the milk, clear of the cut face. */
function floatingGlobules(others: readonly FatGlobule[], random: Random): FatGlobule[] {
  const out: FatGlobule[] = [];
  for (let attempt = 0; attempt < 4000 && out.length < FLOATING_COUNT; attempt += 1) {
    const radius = random.range(FLOATING_RADIUS.min, FLOATING_RADIUS.max);
    const centre: MutableVec3 = scale(randomUnit(random), random.range(0, MILK_RADIUS - radius - 0.1));
    if (centre[2] <= -(radius + 0.05) && length(centre) + radius < MILK_RADIUS - 0.1 && apart(centre, radius, [...others, ...out])) out.push({ centre, radius, budding: false });
  }
  return out;
}

export function buildFatGlobules(cells: readonly LactocyteCell[], random: Random): { globules: FatGlobule[]; sphere: BufferGeometry; matrices: Float32Array } {
  const budding = buddingGlobules(cells, random);
  const globules = [...budding, ...floatingGlobules(budding, random)];
  return { globules, sphere: new IcosahedronGeometry(1, 3), matrices: packMatrices(globules.map((g) => sphereMatrix(g.centre, g.radius))) };
}
