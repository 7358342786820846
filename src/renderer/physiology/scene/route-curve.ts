import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { smoothPolyline } from '../../scene/gland/tube-geometry';

/**
 * A path particles travel along (a blood vessel, a nerve, a duct chain), parameterised by arc
 * length so that a particle's progress u ∈ [0, 1] moves it at the same speed everywhere on the
 * path. The polyline is smoothed with the same Catmull-Rom spline the tubes are drawn with
 * (tube-geometry.ts), so particles run along the centre of the drawn tube.
 */
export interface Route {
  /** xyz per sample along the smoothed centre line. */
  readonly points: Float32Array;
  /** Arc length from the start to each sample (same units as the points). */
  readonly cumulative: Float32Array;
  /** Total arc length. */
  readonly length: number;
}

export function createRoute(polyline: readonly Vec3[], smooth = true): Route {
  if (polyline.length < 2) throw new RangeError('A route needs at least two points');
  const centres = smooth ? smoothPolyline(polyline, polyline.map(() => 0)).centres : polyline;
  const points = new Float32Array(centres.length * 3);
  const cumulative = new Float32Array(centres.length);
  let total = 0;
  centres.forEach((c, i) => {
    points.set(c, i * 3);
    if (i > 0) {
      const p = centres[i - 1]!;
      total += Math.hypot(c[0] - p[0], c[1] - p[1], c[2] - p[2]);
    }
    cumulative[i] = total;
  });
  return { points, cumulative, length: total };
}

/**
 * Writes the point at progress `u` (clamped to [0, 1]) into `out` at `offset` (in floats).
 * Binary search over the arc lengths; no allocation, so it can run for every particle each frame.
 */
export function pointAlong(route: Route, u: number, out: Float32Array, offset: number): void {
  const { points, cumulative, length } = route;
  const target = Math.min(1, Math.max(0, u)) * length;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! <= target) lo = mid;
    else hi = mid;
  }
  const span = cumulative[hi]! - cumulative[lo]!;
  const t = span > 0 ? (target - cumulative[lo]!) / span : 0;
  const a = lo * 3;
  const b = hi * 3;
  out[offset] = points[a]! + (points[b]! - points[a]!) * t;
  out[offset + 1] = points[a + 1]! + (points[b + 1]! - points[a + 1]!) * t;
  out[offset + 2] = points[a + 2]! + (points[b + 2]! - points[a + 2]!) * t;
}

/** Joins polylines that follow on from one another, dropping the repeated joint points. */
export function joinPolylines(parts: readonly (readonly Vec3[])[]): Vec3[] {
  const joined: Vec3[] = [];
  for (const part of parts) {
    for (const p of part) {
      const last = joined.at(-1);
      if (last && Math.hypot(last[0] - p[0], last[1] - p[1], last[2] - p[2]) < 1e-6) continue;
      joined.push(p);
    }
  }
  return joined;
}
