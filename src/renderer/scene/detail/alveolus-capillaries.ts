import type { BufferGeometry } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import type { Random } from '../../../shared/random';
import { CAPILLARY_RADIUS, CAPILLARY_SPHERE_RADIUS, OPENING_ANGLE, OUTER_RADIUS, angleFromOpening } from './alveolus-layout';
import { MYOEPITHELIAL_ANCHOR_DIRECTION } from './alveolus-basket';
import { buildDetailTubes } from './detail-geometry';
import { add, angleBetween, cross, distance, easeSharpTurns, normalize, randomTangent, randomUnit, rotateAbout, scale, type MutableVec3 } from './detail-math';

/**
 * Capillaries around the alveolus: loops that arrive from outside (arteriole side), meander over
 * a sphere just outside the myoepithelial basket and leave again (venule side). The first half of
 * each loop is drawn arterial (red), the second venous (blue), meeting where the colours change.
 * They stay in the kept half, clear of the ductule and of the labelled myoepithelial cell.
 */
export interface AlveolusCapillary {
  id: string;
  kind: 'arterial' | 'venous';
  points: Vec3[];
  radius: number;
}

/** The first loop starts here on every alveolus (lower left, near the rim), for the "capillary" label. */
export const CAPILLARY_ANCHOR_DIRECTION: Vec3 = normalize([-0.75, -0.45, -0.3]);
/** [U] Loops drawn: enough to suggest the dense net around each alveolus without hiding the basket. */
const LOOPS = 4;
/** Each loop meanders ~11 units (~220 µm, about one and a half times round the alveolus's middle) [U]. */
const STEPS = 26;
/** Arc length per step (scene units): the scale of the meander's wiggles. */
const STEP = 0.42;
/** Capillaries do not touch each other (two radii plus a gap). */
const CLEARANCE = 2 * CAPILLARY_RADIUS + 0.1;
/** How far the feeding and draining vessels have risen off the sphere one step before joining it. */
const STUB_LIFT = 0.3;

interface Placed {
  points: MutableVec3[];
}

function clear(d: Vec3, placed: readonly Placed[], own: readonly MutableVec3[]): boolean {
  if (d[2] * CAPILLARY_SPHERE_RADIUS > -(CAPILLARY_RADIUS + 0.06)) return false;
  if (angleFromOpening(d) < OPENING_ANGLE + 0.3) return false;
  if (angleBetween(d, MYOEPITHELIAL_ANCHOR_DIRECTION) < 0.3) return false;
  const p = scale(d, CAPILLARY_SPHERE_RADIUS);
  // The walk's own last few points are its neighbours along the tube, not obstacles.
  const earlier = own.slice(0, Math.max(0, own.length - 4));
  return [...placed.flatMap((c) => c.points), ...earlier].every((q) => distance(p, scale(q, CAPILLARY_SPHERE_RADIUS)) >= CLEARANCE);
}

/** Unit directions of a meandering walk over the capillary sphere: a smoothly turning heading, steering around obstacles. */
function meander(start: Vec3, placed: readonly Placed[], random: Random): MutableVec3[] {
  const walk: MutableVec3[] = [[...start]];
  let heading = randomTangent(start, random);
  let turn = 0;
  for (let step = 0; step < STEPS; step += 1) {
    const here = walk[walk.length - 1]!;
    turn = Math.max(-0.35, Math.min(0.35, turn + random.range(-0.25, 0.25)));
    heading = rotateAbout(heading, here, turn);
    const next = stepFrom(here, heading, walk, placed);
    if (!next) break;
    walk.push(next.point);
    heading = next.heading;
  }
  return walk;
}

/**
 * One step along the heading, trying headings further round (±22.5°, ±45°, ±67.5°) if the way
 * ahead is blocked. Never sharper: a hairpin within two steps would fold the tube.
 */
function stepFrom(here: Vec3, heading: Vec3, walk: readonly MutableVec3[], placed: readonly Placed[]): { point: MutableVec3; heading: MutableVec3 } | null {
  for (let k = 0; k < 7; k += 1) {
    const sign = k % 2 === 0 ? 1 : -1;
    const tried = rotateAbout(heading, here, (sign * Math.ceil(k / 2) * Math.PI) / 8);
    const axis = normalize(cross(here, tried));
    const point = rotateAbout(here, axis, STEP / CAPILLARY_SPHERE_RADIUS);
    if (clear(point, placed, walk)) return { point, heading: cross(axis, point) };
  }
  return null;
}

/** Rounds the walk's corners (two passes of neighbour averaging, back onto the sphere), keeping its ends. */
function smoothWalk(walk: readonly MutableVec3[]): MutableVec3[] {
  let out = walk.map((d): MutableVec3 => [...d]);
  for (let pass = 0; pass < 2; pass += 1) {
    out = out.map((d, i) => (i === 0 || i === out.length - 1 ? d : normalize(add(add(scale(out[i - 1]!, 0.25), scale(d, 0.5)), scale(out[i + 1]!, 0.25)))));
  }
  return out;
}

/**
 * The feeding (or draining) vessel at an end of the walk: it rises off the sphere on a slant,
 * carrying on the walk's direction (or turning up to 90° aside if that would cross the cut; else
 * straight out), so the bend stays wider than the tube. Points from the sphere outwards.
 */
function stub(end: Vec3, previous: Vec3): Vec3[] {
  const onward = normalize(cross(previous, end));
  for (const turn of [0, 1, -1, 2, -2]) {
    const axis = rotateAbout(onward, end, (turn * Math.PI) / 4);
    const rise = (steps: number, lift: number): MutableVec3 => scale(rotateAbout(end, axis, (steps * STEP) / CAPILLARY_SPHERE_RADIUS), CAPILLARY_SPHERE_RADIUS + lift);
    const slanted = [rise(1, STUB_LIFT), rise(2, OUTER_RADIUS - CAPILLARY_SPHERE_RADIUS)];
    if (slanted.every((p) => p[2] <= -(CAPILLARY_RADIUS + 0.06))) return slanted;
  }
  return [scale(end, CAPILLARY_SPHERE_RADIUS + STUB_LIFT), scale(end, OUTER_RADIUS)];
}

function startDirection(loop: number, starts: readonly Vec3[], placed: readonly Placed[], random: Random): MutableVec3 | null {
  if (loop === 0) return [...CAPILLARY_ANCHOR_DIRECTION];
  for (let attempt = 0; attempt < 2000; attempt += 1) {
    const d = randomUnit(random);
    if (clear(d, placed, []) && starts.every((s) => angleBetween(s, d) > 0.8)) return d;
  }
  return null;
}

export function buildCapillaries(random: Random): AlveolusCapillary[] {
  const placed: Placed[] = [];
  const starts: Vec3[] = [];
  const out: AlveolusCapillary[] = [];
  for (let loop = 0; loop < LOOPS; loop += 1) {
    const start = startDirection(loop, starts, placed, random);
    if (!start) continue;
    starts.push(start);
    const walk = smoothWalk(meander(start, placed, random));
    if (walk.length < 4) continue;
    placed.push({ points: walk });
    const raw: Vec3[] = [...stub(walk[0]!, walk[1]!).reverse(), ...walk.map((d) => scale(d, CAPILLARY_SPHERE_RADIUS)), ...stub(walk.at(-1)!, walk.at(-2)!)];
    // Even spacing and rounded corners where the vessels join the sphere, so the tube never folds.
    const points = easeSharpTurns(raw, STEP / 2, 0.5);
    const split = Math.floor(points.length / 2);
    out.push({ id: `capillary-${loop + 1}-arterial`, kind: 'arterial', points: points.slice(0, split + 1), radius: CAPILLARY_RADIUS });
    out.push({ id: `capillary-${loop + 1}-venous`, kind: 'venous', points: points.slice(split), radius: CAPILLARY_RADIUS });
  }
  return out;
}

export function capillaryGeometry(capillaries: readonly AlveolusCapillary[], kind: AlveolusCapillary['kind']): BufferGeometry {
  return buildDetailTubes(
    capillaries.filter((c) => c.kind === kind).map((c) => ({ id: c.id, points: c.points, radii: c.points.map(() => c.radius) })),
    8,
  );
}
