import type { Envelope, Nipple, Vec3 } from './gland-anatomy';

/**
 * Geometric predicates on the gland, shared by the generator (which keeps everything inside the
 * envelope with them) and the tests (which check that it did). Units: centimetres, breast frame
 * of gland-anatomy.ts (chest wall z = 0, +z forward).
 *
 * "Inside with a margin" uses the half-ellipsoid whose semi-axes are each shortened by the margin.
 * For the near-spherical envelopes of the model that is within a fraction of a millimetre of the
 * true inner offset surface, and it is cheap and exact to test.
 */

/** Tolerance for points stored in Float32Arrays (about 1e-7 relative). */
const EPSILON = 1e-5;

/**
 * The squared normalised radius of `point` in the envelope shrunk by `margin`: ≤ 1 means inside
 * the dome. (The chest-wall side is tested separately: z ≥ centre.)
 */
export function envelopeRadiusSquared(point: Vec3, envelope: Envelope, margin = 0): number {
  const [a, b, c] = shrunkRadii(envelope, margin);
  const [cx, cy, cz] = envelope.center;
  const x = (point[0] - cx) / a;
  const y = (point[1] - cy) / b;
  const z = (point[2] - cz) / c;
  return x * x + y * y + z * z;
}

export function shrunkRadii(envelope: Envelope, margin: number): Vec3 {
  const [a, b, c] = envelope.radii;
  const floor = 1e-3;
  return [Math.max(a - margin, floor), Math.max(b - margin, floor), Math.max(c - margin, floor)];
}

/**
 * Whether `point` lies inside the breast: in front of the chest wall and at least `margin` cm
 * inside the dome (use `envelope.skinThickness` for "under the skin").
 */
export function insideEnvelope(point: Vec3, envelope: Envelope, margin = 0): boolean {
  return point[2] >= envelope.center[2] - EPSILON && envelopeRadiusSquared(point, envelope, margin) <= 1 + EPSILON;
}

/** Whether `point` lies inside the nipple: the cylinder from its base to its tip. */
export function insideNipple(point: Vec3, nipple: Nipple, tolerance = EPSILON): boolean {
  const axis = sub(nipple.tip, nipple.base);
  const length = Math.hypot(...axis);
  const offset = sub(point, nipple.base);
  const along = dot(offset, axis) / length;
  if (along < -tolerance || along > length + tolerance) return false;
  const radial = Math.sqrt(Math.max(0, dot(offset, offset) - along * along));
  return radial <= nipple.radius + tolerance;
}

export function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Point `index` of a packed xyz Float32Array. */
export function pointAt(values: Float32Array, index: number): Vec3 {
  return [values[index * 3] ?? NaN, values[index * 3 + 1] ?? NaN, values[index * 3 + 2] ?? NaN];
}

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
