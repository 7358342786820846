/**
 * Keyboard control of the 3D view as plain maths: a camera on a sphere around the target, moved
 * by the arrow keys, zoomed by + and −. Angles in radians, distance in scene units.
 */
export interface Orbit {
  azimuth: number;
  polar: number;
  distance: number;
}

export interface OrbitLimits {
  minPolar: number;
  maxPolar: number;
  minDistance: number;
  maxDistance: number;
}

const TURN = Math.PI / 12;
const TILT = Math.PI / 18;
const ZOOM = 0.85;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export function clampOrbit(orbit: Orbit, limits: OrbitLimits): Orbit {
  return {
    azimuth: orbit.azimuth,
    polar: clamp(orbit.polar, limits.minPolar, limits.maxPolar),
    distance: clamp(orbit.distance, limits.minDistance, limits.maxDistance),
  };
}

/** The orbit after a key press, or null when the key is not one of the view's keys. */
export function orbitAfterKey(orbit: Orbit, key: string, limits: OrbitLimits): Orbit | null {
  switch (key) {
    case 'ArrowLeft':
      return clampOrbit({ ...orbit, azimuth: orbit.azimuth - TURN }, limits);
    case 'ArrowRight':
      return clampOrbit({ ...orbit, azimuth: orbit.azimuth + TURN }, limits);
    case 'ArrowUp':
      return clampOrbit({ ...orbit, polar: orbit.polar - TILT }, limits);
    case 'ArrowDown':
      return clampOrbit({ ...orbit, polar: orbit.polar + TILT }, limits);
    case '+':
    case '=':
      return clampOrbit({ ...orbit, distance: orbit.distance * ZOOM }, limits);
    case '-':
    case '_':
      return clampOrbit({ ...orbit, distance: orbit.distance / ZOOM }, limits);
    default:
      return null;
  }
}

/** Eased blend between two orbits for glides; `t` in [0, 1]. */
export function blendOrbit(from: Orbit, to: Orbit, t: number): Orbit {
  const k = t <= 0 ? 0 : t >= 1 ? 1 : 1 - (1 - t) ** 3;
  const turn = Math.atan2(Math.sin(to.azimuth - from.azimuth), Math.cos(to.azimuth - from.azimuth));
  return {
    azimuth: from.azimuth + turn * k,
    polar: from.polar + (to.polar - from.polar) * k,
    distance: from.distance + (to.distance - from.distance) * k,
  };
}
