import { describe, expect, it } from 'vitest';
import { blendOrbit, orbitAfterKey, type OrbitLimits } from '../../src/renderer/scene/orbit-keys';

const HOME = { azimuth: 0.75, polar: 1.38, distance: 34 };
const LIMITS: OrbitLimits = { minPolar: 0.15, maxPolar: Math.PI - 0.15, minDistance: 2, maxDistance: 70 };

describe('orbitAfterKey', () => {
  it('turns, tilts and zooms', () => {
    expect(orbitAfterKey(HOME, 'ArrowLeft', LIMITS)!.azimuth).toBeLessThan(HOME.azimuth);
    expect(orbitAfterKey(HOME, 'ArrowRight', LIMITS)!.azimuth).toBeGreaterThan(HOME.azimuth);
    expect(orbitAfterKey(HOME, 'ArrowUp', LIMITS)!.polar).toBeLessThan(HOME.polar);
    expect(orbitAfterKey(HOME, '+', LIMITS)!.distance).toBeLessThan(HOME.distance);
    expect(orbitAfterKey(HOME, '-', LIMITS)!.distance).toBeGreaterThan(HOME.distance);
  });

  it('ignores keys that are not the view keys, so Tab and letters keep working', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', '?', 'Escape', 'Home']) expect(orbitAfterKey(HOME, key, LIMITS)).toBeNull();
  });

  it('never tilts past the poles or zooms beyond the limits', () => {
    let orbit = HOME;
    for (let i = 0; i < 60; i += 1) orbit = orbitAfterKey(orbitAfterKey(orbit, 'ArrowUp', LIMITS)!, '+', LIMITS)!;
    expect(orbit.polar).toBe(LIMITS.minPolar);
    expect(orbit.distance).toBe(LIMITS.minDistance);
    for (let i = 0; i < 60; i += 1) orbit = orbitAfterKey(orbitAfterKey(orbit, 'ArrowDown', LIMITS)!, '-', LIMITS)!;
    expect(orbit.polar).toBe(LIMITS.maxPolar);
    expect(orbit.distance).toBe(LIMITS.maxDistance);
  });
});

describe('blendOrbit', () => {
  it('starts at the origin, ends at the target and takes the short way round', () => {
    const from = { azimuth: 3, polar: 1, distance: 4 };
    const to = { azimuth: -3, polar: 1.2, distance: 6 };
    expect(blendOrbit(from, to, 0)).toEqual(from);
    const end = blendOrbit(from, to, 1);
    expect(Math.cos(end.azimuth - to.azimuth)).toBeCloseTo(1);
    expect(end.distance).toBeCloseTo(6);
    expect(blendOrbit(from, to, 0.5).azimuth).toBeGreaterThan(3);
  });
});
