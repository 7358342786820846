import type { Vec3 } from './gland-anatomy';

/**
 * Plain-tuple vector arithmetic for code that builds geometry without three.js objects: the
 * renderer's tube and surface builders and the glTF export both run it, so a shape is computed
 * the same way in the app and in models/gland.glb. Results are fresh mutable tuples, so callers
 * may fill them in place.
 */
export type MutableVec3 = [number, number, number];

export const add = (a: Vec3, b: Vec3): MutableVec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): MutableVec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): MutableVec3 => [a[0] * s, a[1] * s, a[2] * s];
export const addScaled = (a: Vec3, b: Vec3, s: number): MutableVec3 => [a[0] + b[0] * s, a[1] + b[1] * s, a[2] + b[2] * s];
export const lerp = (a: Vec3, b: Vec3, t: number): MutableVec3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): MutableVec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/**
 * `a` scaled to unit length. A zero vector has no direction: it becomes `fallback`, by default
 * the zero vector itself, so a degenerate input stays recognisable downstream (the glTF export
 * repairs zero normals; see `finish` in scripts/lib/gland-gltf.ts).
 */
export function normalize(a: Vec3, fallback: Vec3 = [0, 0, 0]): MutableVec3 {
  const l = length(a);
  return l > 1e-12 ? [a[0] / l, a[1] / l, a[2] / l] : [fallback[0], fallback[1], fallback[2]];
}

/** A unit vector perpendicular to the unit vector `a`. */
export function perpendicular(a: Vec3): MutableVec3 {
  const helper: Vec3 = Math.abs(a[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  return normalize(cross(a, helper));
}
