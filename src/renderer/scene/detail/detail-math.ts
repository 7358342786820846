import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { add, addScaled, cross, distance, dot, length, lerp, scale, sub, type MutableVec3 } from '../../../shared/anatomy/vec3';
import type { Random } from '../../../shared/random';

/**
 * Vector helpers for the close-up scenes (plain tuples, no allocation of three.js objects), and
 * the few pieces of spherical geometry both scenes need: tangent frames, great-circle arcs.
 */
// The plain tuple helpers are the project's one set (vec3.ts); re-exported so the close-ups import one module.
export { add, addScaled, cross, distance, dot, length, lerp, scale, sub, type MutableVec3 } from '../../../shared/anatomy/vec3';

/** Unit vector, or `fallback` (up by default: the close-ups' frames are built around +y) for a zero vector. */
export function normalize(a: Vec3, fallback: Vec3 = [0, 1, 0]): MutableVec3 {
  const l = length(a);
  return l > 1e-9 ? [a[0] / l, a[1] / l, a[2] / l] : [fallback[0], fallback[1], fallback[2]];
}

/** Any unit vector perpendicular to `a` (a unit vector). */
export function perpendicular(a: Vec3): MutableVec3 {
  const helper: Vec3 = Math.abs(a[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  return normalize(cross(a, helper));
}

/** Uniform random unit vector. */
export function randomUnit(random: Random): MutableVec3 {
  const z = random.range(-1, 1);
  const angle = random.range(0, Math.PI * 2);
  const r = Math.sqrt(1 - z * z);
  return [r * Math.cos(angle), r * Math.sin(angle), z];
}

/** Random unit vector perpendicular to the unit vector `n`. */
export function randomTangent(n: Vec3, random: Random): MutableVec3 {
  const u = perpendicular(n);
  const v = cross(n, u);
  const angle = random.range(0, Math.PI * 2);
  return normalize(add(scale(u, Math.cos(angle)), scale(v, Math.sin(angle))));
}

/** Rotates `v` about the unit `axis` by `angle` (Rodrigues). */
export function rotateAbout(v: Vec3, axis: Vec3, angle: number): MutableVec3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const k = cross(axis, v);
  const d = dot(axis, v) * (1 - c);
  return [v[0] * c + k[0] * s + axis[0] * d, v[1] * c + k[1] * s + axis[1] * d, v[2] * c + k[2] * s + axis[2] * d];
}

/** Angle between two unit vectors. */
export function angleBetween(a: Vec3, b: Vec3): number {
  return Math.acos(Math.max(-1, Math.min(1, dot(a, b))));
}

/**
 * Points along the shorter great-circle arc from unit `a` to unit `b` on a sphere of `radius`
 * around `centre`, about one point every `step` scene units (at least two points).
 */
export function greatCircleArc(centre: Vec3, radius: number, a: Vec3, b: Vec3, step: number): MutableVec3[] {
  const angle = angleBetween(a, b);
  const count = Math.max(1, Math.ceil((angle * radius) / step));
  const axis = normalize(cross(a, b), perpendicular(a));
  const out: MutableVec3[] = [];
  for (let i = 0; i <= count; i += 1) out.push(addScaled(centre, rotateAbout(a, axis, (angle * i) / count), radius));
  return out;
}

/** Distance from point `p` to segment `ab`. */
export function pointSegmentDistance(p: Vec3, a: Vec3, b: Vec3): number {
  const ab = sub(b, a);
  const denominator = dot(ab, ab);
  const t = denominator > 0 ? Math.max(0, Math.min(1, dot(sub(p, a), ab) / denominator)) : 0;
  return distance(p, addScaled(a, ab, t));
}

/** Distance from point `p` to a polyline. */
export function pointPolylineDistance(p: Vec3, line: readonly Vec3[]): number {
  let best = Infinity;
  for (let i = 0; i < line.length - 1; i += 1) best = Math.min(best, pointSegmentDistance(p, line[i]!, line[i + 1]!));
  return line.length === 1 ? distance(p, line[0]!) : best;
}

/** A 32-bit seed from a number and a string (FNV-1a over the string), so each lobule gets its own stream. */
export function mixSeed(seed: number, key: string): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The polyline resampled at (about) even `spacing` along its length, keeping both ends. */
export function resamplePolyline(points: readonly Vec3[], spacing: number): MutableVec3[] {
  const lengths = points.slice(1).map((p, i) => distance(points[i]!, p));
  const total = lengths.reduce((sum, l) => sum + l, 0);
  const first = points[0];
  if (!first || total === 0) return points.map((p): MutableVec3 => [p[0], p[1], p[2]]);
  const count = Math.max(1, Math.round(total / spacing));
  const out: MutableVec3[] = [];
  let segment = 0;
  let before = 0;
  for (let k = 0; k <= count; k += 1) {
    const at = (total * k) / count;
    while (segment < lengths.length - 1 && before + lengths[segment]! < at) before += lengths[segment++]!;
    const l = lengths[segment]!;
    out.push(lerp(points[segment]!, points[segment + 1]!, l > 0 ? Math.min(1, (at - before) / l) : 0));
  }
  const last = points[points.length - 1]!;
  out[count] = [last[0], last[1], last[2]];
  return out;
}

/**
 * The polyline at even `spacing` with no turn sharper than `maxTurn` radians per sample: sharp
 * corners are cut (their point dropped, then resampled) until none is left. Along an even spacing
 * s this keeps the bend radius above s / maxTurn, so a tube thinner than that never folds.
 */
export function easeSharpTurns(points: readonly Vec3[], spacing: number, maxTurn: number): MutableVec3[] {
  let out = resamplePolyline(points, spacing);
  const cosLimit = Math.cos(maxTurn);
  for (let round = 0; round < 200; round += 1) {
    const kept: MutableVec3[] = [];
    let dropped = false;
    out.forEach((p, i) => {
      const before = kept[kept.length - 1];
      const after = out[i + 1];
      const sharp = before !== undefined && after !== undefined && i > 0 && dot(normalize(sub(p, before), [0, 0, 0]), normalize(sub(after, p), [0, 0, 0])) < cosLimit;
      // Never two neighbours in one round, so a corner is cut, not a stretch removed.
      if (sharp && !dropped) dropped = true;
      else {
        kept.push(p);
        if (!sharp) dropped = false;
      }
    });
    if (kept.length === out.length) return out;
    out = resamplePolyline(kept, spacing);
  }
  return out;
}
