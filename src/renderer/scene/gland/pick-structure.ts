import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';

/**
 * Finds the structure under the pointer by testing the ray against simple shapes (lobule spheres,
 * duct and nipple capsules) in whichever layout is showing. Pure maths: the shader-placed geometry
 * cannot be ray-cast by three.js, and this is cheaper anyway (a few hundred shapes).
 */
export interface Ray {
  origin: Vec3;
  direction: Vec3;
}

const lerp3 = (a: Vec3, b: Vec3, t: number): Vec3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Distance along the ray to a sphere, or null. */
export function raySphere(ray: Ray, centre: Vec3, radius: number): number | null {
  const ox = ray.origin[0] - centre[0];
  const oy = ray.origin[1] - centre[1];
  const oz = ray.origin[2] - centre[2];
  const b = ox * ray.direction[0] + oy * ray.direction[1] + oz * ray.direction[2];
  const c = ox * ox + oy * oy + oz * oz - radius * radius;
  const disc = b * b - c;
  if (disc < 0) return null;
  const t = -b - Math.sqrt(disc);
  return t >= 0 ? t : null;
}

/** Distance along the ray to where it enters a capsule of `radius` around a segment (about), or null if it misses. */
export function raySegment(ray: Ray, a: Vec3, b: Vec3, radius: number): number | null {
  const u = ray.direction;
  const v: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const w: Vec3 = [ray.origin[0] - a[0], ray.origin[1] - a[1], ray.origin[2] - a[2]];
  const uu = 1;
  const uv = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const vv = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
  const uw = u[0] * w[0] + u[1] * w[1] + u[2] * w[2];
  const vw = v[0] * w[0] + v[1] * w[1] + v[2] * w[2];
  const denominator = uu * vv - uv * uv;
  // Closest points of the ray's line and the segment, the segment parameter clamped to its ends.
  const unclamped = denominator > 1e-9 ? (uu * vw - uv * uw) / denominator : vv > 0 ? vw / vv : 0;
  const t = Math.min(1, Math.max(0, unclamped));
  const s = Math.max(0, uv * t - uw);
  const p: Vec3 = [ray.origin[0] + u[0] * s, ray.origin[1] + u[1] * s, ray.origin[2] + u[2] * s];
  const q = lerp3(a, b, t);
  const distance = Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  // Back from the closest approach to where the ray enters the tube, so a thick tube (the nipple)
  // is hit before the thin ones running inside it.
  return distance <= radius ? Math.max(0, s - Math.sqrt(radius * radius - distance * distance)) : null;
}

export interface PickOptions {
  /** 0 = anatomy, 1 = tree. */
  morph: number;
  treeOffset: Vec3;
  /** Extra radius around thin ducts so they can be hit with a mouse (scene units). */
  slack: number;
  showDucts: boolean;
  showLobules: boolean;
}

const shift = (p: Vec3, offset: Vec3): Vec3 => [p[0] + offset[0], p[1] + offset[1], p[2] + offset[2]];

export function pickStructure(anatomy: GlandAnatomy, ray: Ray, options: PickOptions): string | null {
  const at = (anatomical: Vec3, tree: Vec3): Vec3 => lerp3(anatomical, shift(tree, options.treeOffset), options.morph);
  let best: { id: string; distance: number } | null = null;
  const consider = (id: string, distance: number | null): void => {
    if (distance !== null && (!best || distance < best.distance)) best = { id, distance };
  };
  if (options.showLobules) {
    for (const lobule of anatomy.lobules) consider(lobule.id, raySphere(ray, at(lobule.center, lobule.treeCenter), lobule.radius * 1.1));
  }
  if (options.showDucts) {
    for (const duct of anatomy.ducts) {
      for (let i = 0; i < duct.points.length - 1; i += 1) {
        const radius = Math.max(duct.radii[i] ?? 0, 0.05) * (1 + options.morph * 1.2) + options.slack;
        consider(duct.id, raySegment(ray, at(duct.points[i]!, duct.treePoints[i]!), at(duct.points[i + 1]!, duct.treePoints[i + 1]!), radius));
      }
    }
  }
  const trunkTop = anatomy.treeTrunkTop ?? ([0, 3, 0] as const);
  consider('nipple', raySegment(ray, at(anatomy.nipple.tip, [0, 0, 0]), at(anatomy.nipple.base, trunkTop), anatomy.nipple.radius + options.slack));
  return (best as { id: string; distance: number } | null)?.id ?? null;
}
