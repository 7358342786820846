import type { Orbit } from '../scene/orbit-keys';

/**
 * The benchmark's orbit as plain maths, a function of the frame index only, so every run films
 * the same pictures. Spherical coordinates follow three.js's `Spherical` (polar from +y, azimuth
 * from +z towards +x), the convention CameraRig uses.
 */
export type Point = readonly [number, number, number];

/** One full turn takes this many frames (1 s at the bench's 60 Hz clock, 6° a frame). */
export const ORBIT_FRAMES_PER_TURN = 60;

export function orbitAtFrame(start: Orbit, frame: number, framesPerTurn = ORBIT_FRAMES_PER_TURN): Orbit {
  if (!(framesPerTurn > 0)) throw new RangeError(`framesPerTurn must be positive, got ${framesPerTurn}`);
  return { azimuth: start.azimuth + (2 * Math.PI * frame) / framesPerTurn, polar: start.polar, distance: start.distance };
}

export function orbitPosition(orbit: Orbit, pivot: Point): Point {
  const ring = orbit.distance * Math.sin(orbit.polar);
  return [pivot[0] + ring * Math.sin(orbit.azimuth), pivot[1] + orbit.distance * Math.cos(orbit.polar), pivot[2] + ring * Math.cos(orbit.azimuth)];
}

export function orbitOf(position: Point, pivot: Point): Orbit {
  const x = position[0] - pivot[0];
  const y = position[1] - pivot[1];
  const z = position[2] - pivot[2];
  const distance = Math.hypot(x, y, z);
  if (distance === 0) return { azimuth: 0, polar: 0, distance: 0 };
  return { azimuth: Math.atan2(x, z), polar: Math.acos(Math.min(1, Math.max(-1, y / distance))), distance };
}

/**
 * The point of the ray (origin + t·direction, t ≥ 0) nearest to `point`: where the camera's line
 * of sight passes the subject, used as the pivot so the orbit starts from the view as loaded.
 */
export function closestPointOnRay(origin: Point, direction: Point, point: Point): Point {
  const length2 = direction[0] ** 2 + direction[1] ** 2 + direction[2] ** 2;
  if (length2 === 0) return origin;
  const t = Math.max(0, ((point[0] - origin[0]) * direction[0] + (point[1] - origin[1]) * direction[1] + (point[2] - origin[2]) * direction[2]) / length2);
  return [origin[0] + t * direction[0], origin[1] + t * direction[1], origin[2] + t * direction[2]];
}
