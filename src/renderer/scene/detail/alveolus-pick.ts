import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { raySegment, raySphere, type Ray } from '../gland/pick-structure';
import { smoothPolyline } from '../gland/tube-geometry';
import type { AlveolusDetailModel, AlveolusPart } from './alveolus-detail';
import { APICAL_BULGE, APICAL_RADIUS, BASAL_RADIUS, OPENING_ANGLE, angleFromOpening } from './alveolus-layout';
import { MILK_RADIUS } from './alveolus-lumen';
import { addScaled, length } from './detail-math';

/**
 * Which part of the cut-open alveolus a ray (in the close-up's frame, unit direction) points at.
 * Pure maths on the model's simple shapes: the cell shell as a region, tubes as capsules (with
 * some slack so thin processes and capillaries can be hit with a mouse), globules and bodies as
 * spheres. The milk is see-through: it is picked only where the ray crosses a good depth of it
 * before meeting anything solid (the middle of the bowl), so the cells lining the bowl stay
 * clickable through it.
 */
interface Hit {
  part: AlveolusPart | null;
  t: number;
}

/** Milk crossed before a solid hit for the click to mean the lumen (about 40% of its radius). */
const MILK_PICK_DEPTH = 1.2;
/** Marching step through the cell shell (scene units): far below a cell's size. */
const MARCH_STEP = 0.01;
/** A myoepithelial cell body counts as a sphere of about its length. */
const BODY_PICK_RADIUS = 0.5;

/** The ray's parameter interval inside a sphere at the origin, or null. */
function sphereInterval(ray: Ray, radius: number): [number, number] | null {
  const o = ray.origin;
  const d = ray.direction;
  const b = o[0] * d[0] + o[1] * d[1] + o[2] * d[2];
  const c = o[0] * o[0] + o[1] * o[1] + o[2] * o[2] - radius * radius;
  const disc = b * b - c;
  if (disc < 0) return null;
  const root = Math.sqrt(disc);
  return -b + root < 0 ? null : [Math.max(0, -b - root), -b + root];
}

/** The ray's parameter interval on the kept side (z ≤ 0) of the section plane. */
function keptInterval(ray: Ray): [number, number] | null {
  const oz = ray.origin[2];
  const dz = ray.direction[2];
  if (Math.abs(dz) < 1e-12) return oz <= 0 ? [0, Infinity] : null;
  const crossing = -oz / dz;
  if (dz < 0) return [Math.max(0, crossing), Infinity];
  return crossing < 0 ? null : [0, crossing];
}

function inCellLayer(p: Vec3): boolean {
  const r = length(p);
  return r >= APICAL_RADIUS - APICAL_BULGE && r <= BASAL_RADIUS && p[2] <= 1e-6 && angleFromOpening(p) >= OPENING_ANGLE;
}

function lactocyteHit(ray: Ray): Hit | null {
  const span = sphereInterval(ray, BASAL_RADIUS);
  if (!span) return null;
  for (let t = span[0]; t <= span[1]; t += MARCH_STEP) {
    if (inCellLayer(addScaled(ray.origin, ray.direction, t))) return { part: 'lactocyte', t };
  }
  return null;
}

function milkEntry(ray: Ray): number | null {
  const ball = sphereInterval(ray, MILK_RADIUS);
  const kept = keptInterval(ray);
  if (!ball || !kept) return null;
  const from = Math.max(ball[0], kept[0]);
  return from <= Math.min(ball[1], kept[1]) ? from : null;
}

interface Capsule {
  a: Vec3;
  b: Vec3;
  radius: number;
}

/** Tubes as capsules along their smoothed centre lines (as drawn). */
function capsules(lines: readonly { points: readonly Vec3[]; radii: readonly number[] }[]): Capsule[] {
  return lines.flatMap((line) => {
    const { centres, radii } = smoothPolyline(line.points, line.radii);
    return centres.slice(1).map((b, i) => ({ a: centres[i]!, b, radius: Math.max(radii[i]!, radii[i + 1]!) }));
  });
}

interface PickShapes {
  capillaries: Capsule[];
  processes: Capsule[];
  ductule: Capsule[];
}

/** Built once per model (a click may be handled once per mesh under the pointer). */
const shapesCache = new WeakMap<AlveolusDetailModel, PickShapes>();

function pickShapes(model: AlveolusDetailModel): PickShapes {
  let shapes = shapesCache.get(model);
  if (!shapes) {
    // The ductule below the cell layer hides what is behind it but is not one of the parts.
    const below = model.ductule.path.filter((p) => p[1] <= -BASAL_RADIUS * Math.cos(OPENING_ANGLE));
    shapes = {
      capillaries: capsules(model.capillaries.map((c) => ({ points: c.points, radii: c.points.map(() => c.radius) }))),
      processes: capsules(model.basket.processes),
      ductule: below.length < 2 ? [] : capsules([{ points: below, radii: below.map(() => model.ductule.outerRadius) }]),
    };
    shapesCache.set(model, shapes);
  }
  return shapes;
}

function capsuleHits(ray: Ray, list: readonly Capsule[], part: AlveolusPart | null, slack: number): Hit[] {
  return list.flatMap((c) => {
    const t = raySegment(ray, c.a, c.b, c.radius + slack);
    return t === null ? [] : [{ part, t }];
  });
}

function sphereHits(ray: Ray, spheres: readonly { centre: Vec3; radius: number }[], part: AlveolusPart): Hit[] {
  return spheres.flatMap((s) => {
    const t = raySphere(ray, s.centre, s.radius);
    return t === null ? [] : [{ part, t }];
  });
}

export function pickAlveolusPart(model: AlveolusDetailModel, ray: Ray, slack = 0.1): AlveolusPart | null {
  const shapes = pickShapes(model);
  const solid: Hit[] = [
    ...capsuleHits(ray, shapes.capillaries, 'capillary', slack),
    ...capsuleHits(ray, shapes.processes, 'myoepithelial-cell', slack),
    ...sphereHits(ray, model.basket.cells.map((c) => ({ centre: c.centre, radius: BODY_PICK_RADIUS })), 'myoepithelial-cell'),
    ...sphereHits(ray, model.fatGlobules, 'lumen'),
    ...capsuleHits(ray, shapes.ductule, null, 0),
  ];
  const cells = lactocyteHit(ray);
  if (cells) solid.push(cells);
  const nearest = solid.reduce<Hit | null>((best, hit) => (best === null || hit.t < best.t ? hit : best), null);
  const milk = milkEntry(ray);
  if (milk !== null && (nearest === null || nearest.t - milk > MILK_PICK_DEPTH)) return 'lumen';
  return nearest?.part ?? null;
}
